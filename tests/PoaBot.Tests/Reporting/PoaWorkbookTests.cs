using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Reporting;

public sealed class PoaWorkbookTests : IDisposable
{
    private readonly WorkbookFixture seed = new();

    public void Dispose() => seed.Dispose();

    public static TheoryData<string> AsOfDates => ["01/01/2025", "15/06/2024"];

    [Theory]
    [MemberData(nameof(AsOfDates))]
    public void The_poa_sheet_read_back_equals_the_summary_cell_for_cell(string date)
    {
        var asOf = DateOnly.ParseExact(date, "dd/MM/yyyy", CultureInfo.InvariantCulture);
        using var xlsx = WorkbookFixture.Write(seed.Data(asOf));

        var table = PoaWorkbook.ReadTable(xlsx);
        var summary = TableText.Rows(SummaryCsv.Write(seed.Progress(asOf))).Skip(1).Where(r => r.Length > 1).ToList();

        var data = table.Where(r => r.Length > 0 && int.TryParse(r[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToList();
        Assert.Equal(summary.Count, data.Count);
        foreach (var (sheet, csv) in data.Zip(summary))
        {
            // Núm., ACTIVIDADES, then (after OBJETIVOS) the 18 bimester cells and META PROGRAMADA, META REAL, VARIACIÓN.
            Assert.Equal(csv[..2], sheet[..2]);
            Assert.Equal(csv[2..23], sheet[3..24]);
            Assert.Equal(csv[25], Pct(sheet[24]));
            Assert.Equal(csv[26], Pct(sheet[25]));
            Assert.Contains(SemaforoWord(csv[27]), sheet[26], StringComparison.Ordinal);
        }

        Assert.Contains(table, r => r.Length > 0 && r[0] == "PROGRAMA OPERATIVO ANUAL 2024");
        Assert.Contains(table, r => r.Length > 0 && r[0] == (asOf.Year > 2024 ? "Cierre del ejercicio 2024" : $"Avance al {date}"));
    }

    [Fact]
    public void A_name_that_looks_like_a_formula_is_written_as_text_never_as_a_formula()
    {
        var data = seed.Data(new DateOnly(2024, 6, 15));
        data = data with { Activities = [data.Activities[0] with { Name = "=HYPERLINK(\"http://x\";\"clic\")" }, .. data.Activities.Skip(1)] };
        using var xlsx = WorkbookFixture.Write(data);
        using var document = SpreadsheetDocument.Open(xlsx, false);

        var cells = WorkbookFixture.Cells(document, PoaWorkbook.PoaSheetName);

        Assert.Equal(CellValues.SharedString, cells["B8"].DataType!.Value);
        Assert.Equal("=HYPERLINK(\"http://x\";\"clic\")", WorkbookFixture.Text(document, cells["B8"]));
        Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
    }

    [Fact]
    public void The_poa_sheet_keeps_numbers_as_numbers_and_leaves_future_cells_empty()
    {
        using var xlsx = WorkbookFixture.Write(seed.Data(new DateOnly(2024, 6, 15)));
        using var document = SpreadsheetDocument.Open(xlsx, false);

        var cells = WorkbookFixture.Cells(document, PoaWorkbook.PoaSheetName);

        // Row 8 is activity 1: Mar/Abr PROG 1 (G8), REAL 1 (H8), VAR 0 (I8); Jul/Ago (M8…O8) is in the future.
        Assert.Equal(1, WorkbookFixture.Number(cells["A8"]));
        Assert.Equal((1, 1, 0), (WorkbookFixture.Number(cells["G8"]), WorkbookFixture.Number(cells["H8"]), WorkbookFixture.Number(cells["I8"])));
        Assert.Equal(0, WorkbookFixture.Number(cells["M8"]));
        Assert.Null(cells["N8"].CellValue);
        Assert.Null(cells["O8"].CellValue);
        Assert.Equal(20, WorkbookFixture.Number(cells["V8"]));
        Assert.Equal("0.0%", WorkbookFixture.FormatCode(document, cells["Y8"]));
        Assert.Equal("MARZO/ABRIL", WorkbookFixture.Text(document, cells["G6"]));
        var merges = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<MergeCell>()).Select(m => m.Reference!.Value).ToList();
        Assert.Contains("D5:U5", merges);
        Assert.Contains("D6:F6", merges);
        Assert.Contains("S6:U6", merges);
    }

    [Fact]
    public void An_exported_workbook_re_imported_on_a_fresh_database_gives_the_same_poa()
    {
        using var xlsx = WorkbookFixture.Write(seed.Data(WorkbookFixture.YearEnd));
        using var fresh = new TestDatabase();

        var document = PoaDocumentParser.Parse(PoaWorkbook.ReadTable(xlsx));
        PoaImporter.Import(fresh.Database, document, "prueba", "poa.xlsx", WorkbookFixture.Now);

        Assert.Empty(document.Realignment);
        Assert.Equal((2024, "DIRECCIÓN DE PARTICIPACIÓN CIUDADANA"), (document.Year, document.Directorate));
        Assert.Equal(Plans(seed.Test), Plans(fresh));
        Assert.Equal(Csv(seed.Test), Csv(fresh));
    }

    [Fact]
    public void The_poa_sheet_saved_as_csv_imports_with_the_text_importer_too()
    {
        using var xlsx = WorkbookFixture.Write(seed.Data(WorkbookFixture.YearEnd));
        var csv = string.Join("\r\n", PoaWorkbook.ReadTable(xlsx).Select(r => string.Join(',', r.Select(Quote))));
        using var fresh = new TestDatabase();

        PoaImporter.Import(fresh.Database, PoaDocumentParser.Parse(Encoding.UTF8.GetBytes(csv)), "prueba", "poa.csv", WorkbookFixture.Now);

        Assert.Equal(Plans(seed.Test), Plans(fresh));
        Assert.Equal(Csv(seed.Test), Csv(fresh));
    }

    [Fact]
    public void The_open_xml_validator_finds_no_errors()
    {
        AddRecords(seed.Test.Database);
        using var xlsx = WorkbookFixture.Write(seed.Data(new DateOnly(2024, 12, 31), WorkbookFixture.Signature));
        using var document = SpreadsheetDocument.Open(xlsx, false);

        var errors = new OpenXmlValidator().Validate(document).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath} {e.Part?.Uri}: {e.Description}")));
    }

    [Fact]
    public void A_workbook_without_records_is_valid_and_prints_no_empty_record_sheets()
    {
        // The seed as of 1 January has no REAL cells yet: re-imported, it gives a POA without a single record.
        using var empty = new TestDatabase();
        using (var plan = WorkbookFixture.Write(seed.Data(new DateOnly(2024, 1, 1))))
        {
            PoaImporter.Import(empty.Database, PoaDocumentParser.Parse(PoaWorkbook.ReadTable(plan)), "prueba", "poa.xlsx", WorkbookFixture.Now);
        }

        var data = empty.Database.Read(db => PoaWorkbookData.Load(db, 2024, new DateOnly(2024, 1, 1), SemaforoThresholds.Default, ReportSignature.None))!;
        using var xlsx = WorkbookFixture.Write(data);
        using var document = SpreadsheetDocument.Open(xlsx, false);

        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Empty(data.Records);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(["POA", "Objetivos", "Justificaciones"], names);
        var justificaciones = WorkbookFixture.Cells(document, "Justificaciones");
        Assert.StartsWith("Ninguna actividad requiere justificación al 01/01/2024", WorkbookFixture.Text(document, justificaciones["A2"]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_poa_sheet_prints_on_one_legal_landscape_page_with_page_numbers_and_no_emoji()
    {
        using var xlsx = WorkbookFixture.Write(seed.Data(new DateOnly(2024, 12, 31)));
        using var document = SpreadsheetDocument.Open(xlsx, false);

        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var setup = part.Worksheet.GetFirstChild<PageSetup>()!;
        Assert.Equal((5u, OrientationValues.Landscape, 1u, 1u), (setup.PaperSize!.Value, setup.Orientation!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value));
        Assert.Contains("&P de &N", part.Worksheet.GetFirstChild<HeaderFooter>()!.OddFooter!.Text, StringComparison.Ordinal);
        var texts = PoaWorkbook.ReadTable(xlsx).SelectMany(r => r).ToList();
        Assert.DoesNotContain(texts, t => t.Any(c => char.IsSurrogate(c)));
        Assert.Contains("rojo", texts);
        Assert.Contains(texts, t => t.StartsWith("Falta justificación (", StringComparison.Ordinal));
    }

    [Fact]
    public void The_record_sheets_hold_a_meeting_and_a_request_with_real_date_and_number_cells()
    {
        var (meeting, request, managed) = AddRecords(seed.Test.Database);
        using var xlsx = WorkbookFixture.Write(seed.Data(WorkbookFixture.YearEnd));
        using var document = SpreadsheetDocument.Open(xlsx, false);

        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(
            ["POA", "Objetivos", "Trimestral", "Consejos", "Reuniones", "Solicitudes", "Gestiones", "Línea base", "Justificaciones", "Auditoría", "Advertencias de importación"],
            names);
        Assert.All(names, n => Assert.True(n.Length <= 31 && n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, n));

        var reuniones = WorkbookFixture.Cells(document, "Reuniones");
        Assert.Equal(meeting.Folio, WorkbookFixture.Text(document, reuniones["A2"]));
        Assert.Equal(new DateTime(2024, 4, 2).ToOADate(), WorkbookFixture.Number(reuniones["B2"]));
        Assert.Equal("dd/mm/yyyy", WorkbookFixture.FormatCode(document, reuniones["B2"]));
        Assert.Equal("Consejo Centro", WorkbookFixture.Text(document, reuniones["D2"]));
        Assert.Equal(26, WorkbookFixture.Number(reuniones["E2"]));
        Assert.Equal("Bacheo de la calle Hidalgo", WorkbookFixture.Text(document, reuniones["F2"]));
        Assert.Equal("vigente", WorkbookFixture.Text(document, reuniones["I2"]));
        Assert.Equal("anulado", WorkbookFixture.Text(document, reuniones["I3"]));

        var solicitudes = WorkbookFixture.Cells(document, "Solicitudes");
        Assert.Equal(request.Folio, WorkbookFixture.Text(document, solicitudes["A2"]));
        Assert.Equal(new DateTime(2024, 3, 5).ToOADate(), WorkbookFixture.Number(solicitudes["B2"]));
        Assert.Equal("Alumbrado en la plaza", WorkbookFixture.Text(document, solicitudes["E2"]));
        Assert.Equal("gestionada", WorkbookFixture.Text(document, solicitudes["H2"]));
        Assert.Equal(managed.Folio, WorkbookFixture.Text(document, solicitudes["I2"]));
        Assert.Equal(new DateTime(2024, 5, 20).ToOADate(), WorkbookFixture.Number(solicitudes["J2"]));
        Assert.Equal("pendiente", WorkbookFixture.Text(document, solicitudes["H3"]));

        var gestiones = WorkbookFixture.Cells(document, "Gestiones");
        Assert.Equal(request.Folio, WorkbookFixture.Text(document, gestiones["E2"]));
        Assert.Equal("Obras Públicas", WorkbookFixture.Text(document, gestiones["H2"]));

        var auditoria = WorkbookFixture.Cells(document, "Auditoría");
        var actions = auditoria.Where(c => c.Key.StartsWith('C') && c.Key != "C1").Select(c => WorkbookFixture.Text(document, c.Value)).ToList();
        Assert.Contains("Anulación", actions);
        Assert.Contains("Corrección", actions);
        Assert.Equal("dd/mm/yyyy hh:mm", WorkbookFixture.FormatCode(document, auditoria["A2"]));

        var lineaBase = WorkbookFixture.Cells(document, "Línea base");
        Assert.Equal(1, WorkbookFixture.Number(lineaBase["E2"]));
        Assert.Equal("MARZO/ABRIL", WorkbookFixture.Text(document, lineaBase["C2"]));
    }

    [Fact]
    public void The_poa_sheet_ends_with_the_source_and_the_signature_block()
    {
        using var xlsx = WorkbookFixture.Write(seed.Data(new DateOnly(2024, 12, 31), WorkbookFixture.Signature));

        var texts = PoaWorkbook.ReadTable(xlsx).SelectMany(r => r).ToList();

        Assert.Contains("Fuente de información: PoaBot — registros de los Consejos Sociales de Participación Ciudadana", texts);
        Assert.Contains("Tlaquepaque, Jalisco, a 31/12/2024", texts);
        Assert.Contains("Elaboró:", texts);
        Assert.Contains("Revisó:", texts);
        Assert.Contains("Autorizó:", texts);
        Assert.Contains("Lic. Ana Pérez", texts);
        Assert.Contains("Jefe de Planeación", texts);
        Assert.Contains("Presidenta Municipal", texts);
    }

    [Fact]
    public void Reading_a_file_that_is_not_a_workbook_explains_it_in_spanish()
    {
        using var text = new MemoryStream(Encoding.UTF8.GetBytes("Núm. Prog.\tACTIVIDADES\n"));

        var error = Assert.Throws<PoaImportException>(() => PoaWorkbook.ReadTable(text));

        Assert.Contains("no es un libro de Excel", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A meeting (and a voided one), a request received and managed, a pending request, and an amendment.</summary>
    private static (RecordRow Meeting, RecordRow Request, RecordRow Managed) AddRecords(Database database) =>
        database.Write(db =>
        {
            var people = new PoaBot.Core.People.PeopleStore(db);
            people.AddCouncil("Consejo Centro", "Cabecera");
            var council = people.Council("Consejo Centro")!.Id;
            var activities = new PoaStore(db).Activities(new PoaStore(db).Find(2024)!.Id);
            var records = new RecordStore(db);
            RecordRow Add(int activity, string kind, string date, string? subject = null, long? refId = null, long? attendees = null, string? agreements = null, string? area = null) =>
                records.Insert(new RecordRow
                {
                    ActivityId = activities[activity - 1].Id,
                    CouncilId = council,
                    Kind = ActivityKinds.FromCode(kind),
                    EventDate = Instants.ParseDate(date),
                    Attendees = attendees,
                    Agreements = agreements,
                    Subject = subject,
                    Requester = kind == "request_received" ? "Comité de vecinos" : null,
                    Area = area,
                    RefId = refId,
                    CreatedAt = WorkbookFixture.Now,
                });

            var meeting = Add(1, "meeting", "2024-04-02", attendees: 25, agreements: "Bacheo de la calle Hidalgo");
            var voided = Add(1, "meeting", "2024-04-03", attendees: 3, agreements: "Duplicado");
            records.Void(voided.Id, "Directora", "Registro duplicado", WorkbookFixture.Now);
            var request = Add(2, "request_received", "2024-03-05", subject: "Alumbrado en la plaza", area: "Alumbrado público");
            var managed = Add(3, "request_managed", "2024-05-20", refId: request.Id, area: "Obras Públicas");
            Add(2, "request_received", "2024-09-10", subject: "Poda de árboles", area: "Parques y jardines");
            records.Amend(meeting.Id, "attendees", "26", "Directora", "Conteo corregido", WorkbookFixture.Now);
            return (meeting, request, managed);
        });

    private static List<string> Plans(TestDatabase test) =>
        test.Database.Read(db => new PoaStore(db).Activities(new PoaStore(db).Find(2024)!.Id))
            .Select(a => $"{a.Num}|{a.Name}|{a.Objective}|{a.Kind}|{a.Goal}|{string.Join(',', a.Prog)}").ToList();

    private static string Csv(TestDatabase test) =>
        test.Database.Read(db => SummaryCsv.Write(new PoaStore(db).Progress(new PoaStore(db).Find(2024)!, WorkbookFixture.YearEnd, SemaforoThresholds.Default)));

    /// <summary>The sheet's fraction (0.55) as the CSV writes the percentage (55.0).</summary>
    private static string Pct(string fraction) =>
        fraction.Length == 0 ? "" : (decimal.Parse(fraction, NumberStyles.Float, CultureInfo.InvariantCulture) * 100).ToString("0.0", CultureInfo.InvariantCulture);

    private static string SemaforoWord(string code) => code switch
    {
        "sobre" or "sin_programacion" => "🔵",
        "sin_programa" => "sin programa",
        _ => code,
    };

    private static string Quote(string c) =>
        c.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c;
}
