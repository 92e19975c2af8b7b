using PoaBot.Core.Storage;
using PoaBot.Tests.Conversations;

namespace PoaBot.Tests.Evidence;

/// <summary>Evidence is kept only while a saved record or a conversation in progress refers to it.</summary>
public sealed class EvidenceFilesTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    private string Folder => EvidenceFiles.Folder(world.Settings.DataFolder);

    private string Keep(char c, DateTimeOffset? writtenAt = null)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, new string(c, 64) + ".jpg");
        File.WriteAllBytes(path, [1, 2, 3]);
        File.SetLastWriteTimeUtc(path, (writtenAt ?? world.Time.GetUtcNow().AddHours(-2)).UtcDateTime);
        return path;
    }

    private Chat AtEvidence(string hash)
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25").Send("Acuerdos");
        return ana.Handle(new PoaBot.Core.Conversations.Input(1, 1, "Ana", PoaBot.Core.Conversations.InputKind.Photo, world.Time.GetUtcNow()) { FileId = "f", FileHash = hash });
    }

    [Fact]
    public void The_photo_of_a_saved_report_is_kept()
    {
        var path = Keep('a');

        AtEvidence(new string('a', 64)).Press("Guardar");

        Assert.True(File.Exists(path));
        Assert.Equal(0, world.Database.Write(db => EvidenceFiles.Sweep(db, Folder, world.Time.GetUtcNow(), TimeSpan.Zero)));
    }

    [Fact]
    public void The_photo_of_a_cancelled_draft_is_removed()
    {
        var path = Keep('b');
        var ana = AtEvidence(new string('b', 64));
        Assert.True(File.Exists(path));

        ana.Send("/cancelar");

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_photo_removed_and_replaced_by_another_is_deleted_and_the_new_one_kept()
    {
        var first = Keep('c');
        var second = Keep('d');
        var ana = AtEvidence(new string('c', 64));

        ana.Press("Corregir").Press("Evidencia").Press("Quitar los archivos");
        ana.Handle(new PoaBot.Core.Conversations.Input(1, 1, "Ana", PoaBot.Core.Conversations.InputKind.Photo, world.Time.GetUtcNow()) { FileId = "g", FileHash = new string('d', 64) });
        ana.Press("Guardar");

        Assert.False(File.Exists(first));
        Assert.True(File.Exists(second));
    }

    [Fact]
    public void A_photo_sent_outside_a_report_is_not_kept()
    {
        var path = Keep('e');
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Handle(new PoaBot.Core.Conversations.Input(1, 1, "Ana", PoaBot.Core.Conversations.InputKind.Photo, world.Time.GetUtcNow()) { FileId = "f", FileHash = new string('e', 64) });

        Assert.Contains("no hay un reporte en curso", ana.Said, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void The_sweep_removes_orphans_and_download_leftovers_but_spares_young_files_and_drafts()
    {
        AtEvidence(new string('f', 64));
        var draft = Keep('f');
        var orphan = Keep('0');
        var young = Keep('1', world.Time.GetUtcNow().AddMinutes(-10));
        var leftover = Path.Combine(Folder, EvidenceFiles.TempPrefix + "abc");
        File.WriteAllBytes(leftover, [1]);
        File.SetLastWriteTimeUtc(leftover, world.Time.GetUtcNow().AddDays(-1).UtcDateTime);

        var removed = world.Database.Write(db => EvidenceFiles.Sweep(db, Folder, world.Time.GetUtcNow(), TimeSpan.FromHours(1)));

        Assert.Equal(2, removed);
        Assert.True(File.Exists(draft));
        Assert.True(File.Exists(young));
        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(leftover));
    }
}
