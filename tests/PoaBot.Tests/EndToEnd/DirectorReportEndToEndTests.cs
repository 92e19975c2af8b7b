using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PoaBot.Core.People;

namespace PoaBot.Tests.EndToEnd;

public sealed class DirectorReportEndToEndTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task From_a_fresh_database_the_director_imports_the_seed_a_coordinator_reports_and_the_export_and_chart_show_it(string provider)
    {
        await using var bot = await LiveBot.StartAsync(importPoa: false, provider: provider);
        var director = await bot.RegisterAsync(8001, Roles.Director);
        await director.SayAsync("/importar", "Envíe el POA como documento");
        var mark = bot.Fake.MessageCount;
        bot.Fake.SendDocument(director.Id, "POA.txt", LiveBot.SeedThisYear, "text/plain");
        // The preview arrives as consecutive messages that fit a phone; the last one asks and carries the button.
        await bot.Fake.WaitForMessageSinceAsync(mark, director.Id, m => m.Text.Contains("¿Importar este archivo?", StringComparison.Ordinal), LiveBot.Patience);
        Assert.Contains(bot.Fake.MessagesTo(director.Id), m => m.Text.Contains("Realineación", StringComparison.Ordinal));
        await director.TapAsync("Importar", "importado");

        var ana = await bot.RegisterAsync(8002);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Cuántas personas asistieron?");
        await ana.SayAsync("30", "acuerdos");
        await ana.SayAsync("Alumbrado", "evidencia");
        await ana.TapAsync("Omitir", "Revise su reporte");
        await ana.TapAsync("Guardar", "Guardado con folio");

        var export = await director.SayAsync("/exportar", "POA");
        var chart = await director.SayAsync("/grafica", "Avance del POA");

        Assert.Equal("sendDocument", export.Method);
        Assert.EndsWith(".xlsx", export.FileName, StringComparison.Ordinal);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(export.FileContent!), false);
        var meetings = workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .Select(c => c.CellValue?.Text ?? "").ToList();
        Assert.Contains("Alumbrado", SharedStrings(workbook));
        Assert.NotEmpty(meetings);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.FileContent![..4]);
    }

    private static IReadOnlyList<string> SharedStrings(SpreadsheetDocument workbook) =>
        workbook.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList()
        ?? workbook.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<InlineString>()).Select(i => i.InnerText).ToList();
}
