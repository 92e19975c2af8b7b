using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Reporting;

/// <summary>The audit trail shown to people: Spanish words, dd/mm/aaaa dates, names without internal ids.</summary>
public sealed class AuditTextTests
{
    private static readonly TimeZoneInfo Mexico = TimeZoneInfo.FindSystemTimeZoneById(MunicipalClock.DefaultZone);

    [Fact]
    public void Stored_moments_dates_and_actors_are_written_as_people_read_them()
    {
        Assert.Equal("abierto hasta 22/05/2024 02:29", AuditText.Value("Mar/Abr 2024", "abierto hasta 2024-05-22T08:29:09.807Z", Mexico));
        Assert.Equal("15/03/2024", AuditText.Value("event_date", "2024-03-15", Mexico));
        Assert.Equal("Ana López", AuditText.Person("Ana López (director 900)"));
        Assert.Equal("Luis (local)", AuditText.Person("Luis (local)"));
        Assert.Equal(("Reapertura", "Justificación"), (AuditText.Action("reopen"), AuditText.Action("justify")));
    }

    [Fact]
    public void The_workbook_audit_sheet_has_no_english_words_iso_dates_or_internal_ids()
    {
        using var seed = new WorkbookFixture();
        seed.Test.Database.Write(db =>
        {
            new CalendarStore(db).Reopen(2024, 2, WorkbookFixture.Now.AddDays(3), "Faltaron reportes", "Ana López (director 900)", WorkbookFixture.Now);
            var activity = new PoaStore(db).Activities(new PoaStore(db).Find(2024)!.Id)[0];
            new JustificationStore(db).Save(activity.Id, 2, "Lluvias", "Ana López (director 900)", WorkbookFixture.Now);
        });

        using var xlsx = WorkbookFixture.Write(seed.Data(WorkbookFixture.YearEnd));
        using var document = SpreadsheetDocument.Open(xlsx, false);

        var texts = WorkbookFixture.Cells(document, "Auditoría").Values
            .Where(c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString)
            .Select(c => WorkbookFixture.Text(document, c)).ToList();
        Assert.Contains("Reapertura", texts);
        Assert.Contains("Justificación", texts);
        Assert.Contains("Ana López", texts);
        Assert.Contains(texts, t => t.StartsWith("abierto hasta 28/11/2024", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t is "reopen" or "justify" || Regex.IsMatch(t, @"\d{4}-\d{2}-\d{2}|\(director \d+\)"));
    }
}
