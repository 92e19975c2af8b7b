using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PoaBot.Core.Reporting;

/// <summary>
/// The POA as an Excel workbook (XLSX): the "POA" sheet in the office's own layout (which the importer reads back), the
/// objectives, the quarterly and per-council views, then one sheet per kind of record, the justifications, the audit trail
/// and the import warnings.
/// </summary>
public static partial class PoaWorkbook
{
    public const string PoaSheetName = "POA";


    /// <summary>Writes the workbook to <paramref name="output"/> (left open).</summary>
    public static void Write(Stream output, PoaWorkbookData data)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);

        // The package needs a stream it can read, write and seek; any other stream gets the bytes in one copy.
        if (!output.CanSeek || !output.CanRead)
        {
            using var buffer = new MemoryStream();
            Write(buffer, data);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }

        var strings = new SharedStrings();
        List<XlsxSheet> sheets = [PoaSheet(data, strings), ObjectivesSheet(data, strings), .. new[] { QuarterlySheet(data, strings), CouncilSheet(data, strings) }.OfType<XlsxSheet>()];
        sheets.AddRange(RecordSheets(data, strings));

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        document.PackageProperties.Title = ExportText.Title(data.Year);
        document.PackageProperties.Creator = "PoaBot";
        var workbookPart = document.AddWorkbookPart();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = XlsxStyles.Create();

        var sheetList = new Sheets();
        var printTitles = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = sheets[i].ToWorksheet();
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)i + 1, Name = sheets[i].Name });
            if (sheets[i].FrozenRows > 0)
            {
                // Repeat the header rows on every printed page.
                printTitles.Append(new DefinedName($"'{sheets[i].Name}'!$1:${sheets[i].FrozenRows}")
                {
                    Name = "_xlnm.Print_Titles",
                    LocalSheetId = (uint)i,
                });
            }
        }

        // Written after the sheets so it holds every text they use.
        var sharedStrings = workbookPart.AddNewPart<SharedStringTablePart>();
        sharedStrings.SharedStringTable = strings.ToTable();

        workbookPart.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            sheetList);
        if (printTitles.HasChildren)
        {
            workbookPart.Workbook.Append(printTitles);
        }

        workbookPart.Workbook.Save();
    }
}
