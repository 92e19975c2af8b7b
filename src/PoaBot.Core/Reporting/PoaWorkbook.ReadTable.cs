using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PoaBot.Core.Import;

namespace PoaBot.Core.Reporting;

public static partial class PoaWorkbook
{
    private const int MaxRows = 10_000;
    private const int MaxColumns = 1_000;

    /// <summary>
    /// Reads the first sheet of an XLSX as rows of cell texts, as a TSV export of it would give them: numbers in invariant
    /// form (integers without decimals), dates as dd/MM/yyyy, merged cells in their top-left cell, empty rows kept.
    /// <c>PoaDocumentParser.Parse(PoaWorkbook.ReadTable(stream))</c> imports a POA uploaded as XLSX.
    /// </summary>
    /// <exception cref="PoaImportException">The stream is not a readable XLSX workbook (the message is Spanish).</exception>
    public static IReadOnlyList<string[]> ReadTable(Stream xlsx)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        if (!xlsx.CanSeek)
        {
            using var buffer = new MemoryStream();
            xlsx.CopyTo(buffer);
            buffer.Position = 0;
            return ReadTable(buffer);
        }

        try
        {
            using var document = SpreadsheetDocument.Open(xlsx, isEditable: false);
            var workbookPart = document.WorkbookPart ?? throw NotAWorkbook();
            var first = workbookPart.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw NotAWorkbook();
            if (first.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart sheetPart)
            {
                throw new PoaImportException(ImportText.FirstSheetNotTable);
            }

            return Rows(sheetPart, SharedTexts(workbookPart), DateStyles(workbookPart));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException or InvalidOperationException)
        {
            throw NotAWorkbook();
        }
    }

    private static PoaImportException NotAWorkbook() =>
        new(ImportText.NotXlsx);

    private static List<string[]> Rows(WorksheetPart sheetPart, IReadOnlyList<string> strings, IReadOnlySet<uint> dateStyles)
    {
        var rows = new List<string[]>();
        var sheetData = sheetPart.Worksheet?.GetFirstChild<SheetData>();
        if (sheetData is null)
        {
            return rows;
        }

        var rowNumber = 0;
        foreach (var row in sheetData.Elements<Row>())
        {
            rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
            if (rowNumber > MaxRows)
            {
                break;
            }

            while (rows.Count < rowNumber - 1)
            {
                rows.Add([]);
            }

            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var col = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                if (col < 0 || col >= MaxColumns)
                {
                    continue;
                }

                while (cells.Count <= col)
                {
                    cells.Add("");
                }

                cells[col] = CellText(cell, strings, dateStyles);
            }

            rows.Add([.. cells]);
        }

        return rows;
    }

    private static string CellText(Cell cell, IReadOnlyList<string> strings, IReadOnlySet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "";
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? ItemText(inline) : raw;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "VERDADERO" : "FALSO";
        }

        if (type == CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Numbers.Date(DateOnly.FromDateTime(date)) : raw;
        }

        if ((type is null || type == CellValues.Number)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is >= 0 and < 2_958_466)
            {
                return Numbers.Date(DateOnly.FromDateTime(DateTime.FromOADate(number)));
            }

            return number == Math.Floor(number) && Math.Abs(number) < 1e15
                ? ((long)number).ToString(CultureInfo.InvariantCulture)
                : number.ToString("R", CultureInfo.InvariantCulture);
        }

        return raw;
    }

    private static List<string> SharedTexts(WorkbookPart workbookPart) =>
        workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];

    /// <summary>The text of a shared or inline string: its own text, or its rich-text runs (phonetic hints left out).</summary>
    private static string ItemText(OpenXmlElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    /// <summary>The cell formats that show a number as a date: built-in date formats, or custom ones with days or years.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbookPart)
    {
        var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        var styles = new HashSet<uint>();
        var index = 0u;
        foreach (var xf in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = xf.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || (custom.TryGetValue(id, out var code) && IsDateCode(code)))
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }

    private static bool IsDateCode(string code)
    {
        var plain = new System.Text.StringBuilder();
        var inQuotes = false;
        var inBrackets = false;
        foreach (var c in code)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c == '[')
            {
                inBrackets = true;
            }
            else if (!inQuotes && c == ']')
            {
                inBrackets = false;
            }
            else if (!inQuotes && !inBrackets)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var text = plain.ToString();
        return text.Contains('d', StringComparison.Ordinal) || text.Contains('y', StringComparison.Ordinal);
    }

    /// <summary>"AB12" → 27 (0-based); -1 when the reference has no column letters.</summary>
    private static int ColumnIndex(string reference)
    {
        var col = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                col = (col * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
                letters++;
                if (col > MaxColumns)
                {
                    return MaxColumns;
                }
            }
            else
            {
                break;
            }
        }

        return letters == 0 ? -1 : col - 1;
    }
}
