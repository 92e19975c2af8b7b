using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;
using PoaBot.Tests.Import;
using PoaBot.Tests.Reporting;

namespace PoaBot.Tests.Conversations;

/// <summary>The training / workshop kind, added as one descriptor: detected on import, reported, corrected, exported, counted.</summary>
public sealed class TrainingKindTests : IDisposable
{
    private readonly ChatWorld world = new();

    public TrainingKindTests() =>
        PoaImporter.Import(
            world.Database,
            PoaDocumentParser.Parse(SeedDocuments.WithRow(4, r => [r[0], "TALLERES DE CAPACITACIÓN PARA CONSEJEROS", .. r[2..]])),
            "prueba",
            "poa.txt",
            world.Time.GetUtcNow());

    public void Dispose() => world.Dispose();

    [Fact]
    public void A_training_is_reported_corrected_on_the_card_and_in_folio_exported_and_counted_in_resumen()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        var before = Real(ana);

        ana.Send("/reportar").Press("4. Capacitación o taller");
        Assert.Contains("¿Cuántas personas participaron?", ana.Said, StringComparison.Ordinal);
        ana.Send("0");
        Assert.Contains("Debe ser al menos 1", ana.Said, StringComparison.Ordinal);
        ana.Send("18");
        Assert.Contains("¿De qué tema", ana.Said, StringComparison.Ordinal);
        ana.Send("Elaboración de actas de asamblea").SendPhoto();
        Assert.Contains("Participantes: 18", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Tema: Elaboración de actas de asamblea", ana.Said, StringComparison.Ordinal);
        ana.Press("Corregir").Press("Participantes").Send("20");
        Assert.Contains("Participantes: 20", ana.Said, StringComparison.Ordinal);
        ana.Press("Guardar");

        Assert.Contains("Guardado con folio <b>DPC-2024-0007</b>", ana.Said, StringComparison.Ordinal);
        var record = Assert.Single(world.Records());
        Assert.Equal((ActivityKind.Training, 20L, "Elaboración de actas de asamblea", 1L, "photo"), (record.Kind, record.Attendees, record.Subject, record.Count, world.Evidence(record.Id).Single().Kind));
        Assert.Equal(before + 1, Real(ana));

        var director = world.Director();
        director.Send("/folio DPC-2024-0007");
        Assert.Contains("Participantes: 20", director.Said, StringComparison.Ordinal);
        director.Press("Corregir").Press("Tema").Send("Actas y minutas").Send("El acta dice otro tema");
        Assert.Contains("Tema Elaboración de actas de asamblea → Actas y minutas", director.Said, StringComparison.Ordinal);

        var data = world.Database.Read(db => PoaWorkbookData.Load(db, 2024, new DateOnly(2024, 4, 15), SemaforoThresholds.Default, ReportSignature.None))!;
        using var xlsx = WorkbookFixture.Write(data);
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var sheet = WorkbookFixture.Cells(document, "Capacitaciones");
        Assert.Equal(
            ["Folio", "Fecha", "Act.", "Consejo", "Participantes", "Tema", "Evidencia", "Registró", "Estado", "Motivo de anulación"],
            sheet.Where(c => c.Key.EndsWith('1') && c.Key.Length == 2).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => WorkbookFixture.Text(document, c.Value)));
        Assert.Equal("DPC-2024-0007", WorkbookFixture.Text(document, sheet["A2"]));
        Assert.Equal(20, WorkbookFixture.Number(sheet["E2"]));
        Assert.Equal("Actas y minutas", WorkbookFixture.Text(document, sheet["F2"]));
        Assert.Equal("1 foto", WorkbookFixture.Text(document, sheet["G2"]));
        Assert.Equal("vigente", WorkbookFixture.Text(document, sheet["I2"]));
    }

    [Fact]
    public void The_import_detects_the_kind_from_the_name_and_the_command_line_word_names_it()
    {
        var kinds = world.Database.Read(db => new PoaStore(db).Activities(1).Select(a => a.Kind).ToList());

        Assert.Equal([ActivityKind.Meeting, ActivityKind.RequestReceived, ActivityKind.RequestManaged, ActivityKind.Training], kinds);
        Assert.True(ActivityKinds.TryParse("talleres", out var parsed));
        Assert.Equal(ActivityKind.Training, parsed);
    }

    /// <summary>The activity's count of the open bimester in /resumen.</summary>
    private static int Real(Chat chat)
    {
        var match = Regex.Match(chat.Send("/resumen").Said, @"4\. Capacitación o taller[^\n]*\n[^\n]*\(en curso\): (\d+)[ ,]");
        Assert.True(match.Success, chat.Said);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
