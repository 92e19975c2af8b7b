using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Conversations;

/// <summary>Several evidence files per report: photos and documents up to the limit, counted on the card, sent back by /folio.</summary>
public sealed class EvidenceFlowTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    private Chat AtEvidence()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25").Send("Acuerdos");
        Assert.Contains("hasta 5 archivos", ana.Said, StringComparison.Ordinal);
        return ana;
    }

    [Fact]
    public void Two_photos_and_a_document_are_kept_in_the_order_sent_and_the_card_counts_them()
    {
        var ana = AtEvidence();

        ana.SendPhoto("foto-1");
        Assert.Contains("Evidencia: 1 foto ✅ (recibí 1 de 5; puede enviar más antes de guardar)", ana.Said, StringComparison.Ordinal);
        ana.SendPhoto("foto-2");
        Assert.Contains("Evidencia: 2 fotos ✅ (recibí 2 de 5", ana.Said, StringComparison.Ordinal);
        ana.SendDocument("acta.pdf");
        Assert.Contains("Evidencia: 2 fotos y 1 documento ✅ (recibí 3 de 5", ana.Said, StringComparison.Ordinal);
        ana.Press("Guardar");

        var record = Assert.Single(world.Records());
        Assert.Equal(
            [("foto-1", "photo", 1L), ("foto-2", "photo", 2L), ("doc-1", "document", 3L)],
            world.Evidence(record.Id).Select(e => (e.FileId, e.Kind, e.Position)));
    }

    [Fact]
    public void A_sixth_file_is_refused_with_the_limit_and_the_five_are_saved()
    {
        var ana = AtEvidence();
        for (var i = 1; i <= 5; i++)
        {
            ana.SendPhoto($"foto-{i}");
        }

        Assert.Contains("Evidencia: 5 fotos ✅ (el máximo de 5)", ana.Said, StringComparison.Ordinal);
        ana.SendPhoto("foto-6");
        Assert.Contains("ya tiene 5 archivos, el máximo", ana.Said, StringComparison.Ordinal);
        ana.Press("Guardar");

        Assert.Equal(["foto-1", "foto-2", "foto-3", "foto-4", "foto-5"], world.Evidence(world.Records().Single().Id).Select(e => e.FileId));
    }

    [Fact]
    public void The_same_photo_sent_twice_is_kept_once()
    {
        var ana = AtEvidence();

        ana.SendPhoto("foto-1").SendPhoto("foto-1");

        Assert.Contains("ya estaba en el reporte", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Evidencia: 1 foto ✅", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_could_not_be_downloaded_on_the_card_is_explained_and_the_others_stay()
    {
        var ana = AtEvidence();

        ana.SendPhoto("foto-1").SendPhoto("foto-2", FileProblem.TooBig);

        Assert.Contains("más de 20 MB", ana.Said, StringComparison.Ordinal);
        Assert.Contains("toque «💾 Guardar»", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Evidencia: 1 foto ✅", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_photo_of_an_album_answers_with_a_card_that_replaces_the_one_before_while_unsent()
    {
        var ana = AtEvidence();

        ana.SendPhoto("foto-1", album: "g1");
        var first = ana.Last.Replies.Single();
        ana.SendPhoto("foto-2", album: "g1");
        var second = ana.Last.Replies.Single();

        Assert.Equal(("album:g1", "album:g1"), (first.CollapseKey, second.CollapseKey));
        Assert.Contains("Evidencia: 2 fotos ✅", second.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_can_be_removed_from_the_card_and_the_report_saved_without_evidence()
    {
        var ana = AtEvidence();
        ana.SendPhoto("foto-1").SendPhoto("foto-2");

        ana.Press("Corregir").Press("Evidencia");
        Assert.Contains("El reporte tiene 2 fotos de evidencia", ana.Said, StringComparison.Ordinal);
        ana.Press("Quitar los archivos");
        Assert.Contains("Quité los archivos", ana.Said, StringComparison.Ordinal);
        ana.Press("Omitir");
        Assert.Contains("Evidencia: sin evidencia", ana.Said, StringComparison.Ordinal);
        ana.Press("Guardar");

        Assert.Empty(world.Evidence(world.Records().Single().Id));
    }

    [Fact]
    public void Folio_lists_the_evidence_and_sends_back_every_file_in_order()
    {
        var ana = AtEvidence();
        ana.SendPhoto("foto-1").SendPhoto("foto-2").SendDocument("acta.pdf").Press("Guardar");

        ana.Send("/folio DPC-2024-0007");

        Assert.Contains("Evidencia: 2 fotos y 1 documento (se la envío abajo)", ana.Said, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("foto-1", true, "Evidencia 1 de 3 del folio DPC-2024-0007"),
                ("foto-2", true, "Evidencia 2 de 3 del folio DPC-2024-0007"),
                ("doc-1", false, "Evidencia 3 de 3 del folio DPC-2024-0007"),
            ],
            ana.Last.Replies.Where(r => r.EvidenceFileId is not null).Select(r => (r.EvidenceFileId!, r.EvidenceIsPhoto, r.Html)));
    }

    [Fact]
    public void The_sweep_keeps_every_file_of_a_saved_report()
    {
        var folder = EvidenceFiles.Folder(world.Settings.DataFolder);
        Directory.CreateDirectory(folder);
        var files = new[] { "foto-1", "foto-2" }.Select(id => Path.Combine(folder, Chat.HashOf(id) + ".jpg")).ToList();
        files.ForEach(f =>
        {
            File.WriteAllBytes(f, [1, 2, 3]);
            File.SetLastWriteTimeUtc(f, world.Time.GetUtcNow().AddHours(-2).UtcDateTime);
        });
        var ana = AtEvidence();

        ana.SendPhoto("foto-1").SendPhoto("foto-2").Press("Guardar");
        world.Database.Write(db => EvidenceFiles.Sweep(db, folder, world.Time.GetUtcNow(), TimeSpan.Zero));

        Assert.All(files, f => Assert.True(File.Exists(f)));
    }

    [Fact]
    public void A_sticker_is_answered_with_what_the_bot_understands_documents_included()
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        Assert.Contains("fotos o documentos de evidencia", ana.SendSticker().Said, StringComparison.Ordinal);
        Assert.Contains("Recibí su archivo, pero no hay un reporte en curso", ana.SendDocument("acta.pdf").Said, StringComparison.Ordinal);
    }
}
