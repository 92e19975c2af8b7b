using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;
using PoaBot.Tests.Import;

namespace PoaBot.Tests.Reporting;

/// <summary>The seed imported into a test database, workbooks written from it, and their cells read back with OpenXml.</summary>
public sealed class WorkbookFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2024, 11, 25, 18, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly YearEnd = new(2025, 1, 1);

    public static readonly ReportSignature Signature = new(
        new Signatory("Lic. Ana Pérez", "Directora de Participación Ciudadana"),
        new Signatory("Ing. Luis Gómez", "Jefe de Planeación"),
        new Signatory("Mtra. Rosa Díaz", "Presidenta Municipal"),
        "Tlaquepaque, Jalisco");

    public WorkbookFixture() => PoaImporter.Import(Test.Database, PoaDocumentParser.Parse(SeedDocuments.Bytes), "prueba", "poa.txt", Now);

    public TestDatabase Test { get; } = new();

    public void Dispose() => Test.Dispose();

    public PoaWorkbookData Data(DateOnly asOf, ReportSignature? signature = null) =>
        Test.Database.Read(db => PoaWorkbookData.Load(db, 2024, asOf, SemaforoThresholds.Default, signature ?? ReportSignature.None))!;

    public IReadOnlyList<ActivityProgress> Progress(DateOnly asOf) =>
        Test.Database.Read(db =>
        {
            var store = new PoaStore(db);
            return store.Progress(store.Find(2024)!, asOf, SemaforoThresholds.Default);
        });

    public static MemoryStream Write(PoaWorkbookData data)
    {
        var stream = new MemoryStream();
        PoaWorkbook.Write(stream, data);
        stream.Position = 0;
        return stream;
    }

    /// <summary>The cells of a sheet by reference ("B2"), for checking their types and styles.</summary>
    public static Dictionary<string, Cell> Cells(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
    }

    public static string Text(SpreadsheetDocument document, Cell cell)
    {
        Assert.Equal(CellValues.SharedString, cell.DataType?.Value);
        var index = int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
        return document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(index).InnerText;
    }

    public static double Number(Cell cell)
    {
        Assert.Equal(CellValues.Number, cell.DataType?.Value);
        return double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
    }

    /// <summary>The number format code of a cell's style, e.g. "dd/mm/yyyy".</summary>
    public static string FormatCode(SpreadsheetDocument document, Cell cell)
    {
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var xf = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        return stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == xf.NumberFormatId!.Value).FormatCode!.Value!;
    }
}
