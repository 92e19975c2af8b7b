using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PoaBot.Core.Reporting;

/// <summary>
/// One worksheet being built: cells by row (1-based, as Excel counts) and column (0-based), merged ranges, column
/// widths, frozen panes. <see cref="ToWorksheet"/> writes the elements in the order the schema requires.
/// </summary>
internal sealed class XlsxSheet(string name, SharedStrings strings)
{
    /// <summary>Excel keeps at most this many characters in a cell.</summary>
    private const int MaxCellText = 32_767;

    /// <summary>Excel's paper size code for legal (oficio, 8.5 × 14 in), the paper of the municipality's reports.</summary>
    private const uint LegalPaper = 5;

    private readonly SortedDictionary<uint, SortedDictionary<int, Cell>> rows = [];
    private readonly List<(uint Row1, int Col1, uint Row2, int Col2)> merges = [];
    private readonly SortedDictionary<int, double> widths = [];
    private readonly Dictionary<uint, double> heights = [];
    private readonly HashSet<int> hidden = [];

    public string Name { get; } = name;

    /// <summary>Rows kept in view when scrolling down.</summary>
    public uint FrozenRows { get; set; }

    /// <summary>Printed in landscape, as wide as one page.</summary>
    public bool Landscape { get; set; }

    /// <summary>Printed on one page, not only one page wide.</summary>
    public bool OnePage { get; set; }

    /// <summary>Centre of the printed page header (the report's title); every page's footer carries «Página N de M».</summary>
    public string? PageHeader { get; set; }

    public void Text(uint row, int col, string? text, uint style)
    {
        if (string.IsNullOrEmpty(text))
        {
            Blank(row, col, style);
            return;
        }

        Put(row, col, new Cell { DataType = CellValues.SharedString, CellValue = new(strings.Index(Clean(text))), StyleIndex = style });
    }

    /// <summary>An activity number: «3» as a number cell, «1.1» or «2 bis» as text (as the document writes it).</summary>
    public void ActivityNum(uint row, int col, string? num, uint style)
    {
        if (int.TryParse(num, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            Number(row, col, n, style);
        }
        else
        {
            Text(row, col, num, style);
        }
    }

    /// <summary>A number cell; a null value leaves the cell empty (but styled).</summary>
    public void Number(uint row, int col, double? value, uint style)
    {
        if (value is not { } v)
        {
            Blank(row, col, style);
            return;
        }

        var number = new CellValue(v.ToString("R", CultureInfo.InvariantCulture));
        Put(row, col, new Cell { DataType = CellValues.Number, CellValue = number, StyleIndex = style });
    }

    /// <summary>A real date: Excel's serial day number shown with the dd/mm/yyyy format of <paramref name="style"/>.</summary>
    public void Date(uint row, int col, DateOnly? date, uint style = XlsxStyles.Date) =>
        Number(row, col, date is { } d ? XlsxStyles.Serial(d) : null, style);

    public void DateTime(uint row, int col, DateTime? local, uint style = XlsxStyles.DateTime) =>
        Number(row, col, local is { } t ? Math.Round(XlsxStyles.Serial(t), 8) : null, style);

    public void Blank(uint row, int col, uint style)
    {
        if (style != XlsxStyles.Default)
        {
            Put(row, col, new Cell { StyleIndex = style });
        }
    }

    /// <summary>Merges a range; the covered cells take the top-left cell's style so borders show all around.</summary>
    public void Merge(uint row1, int col1, uint row2, int col2)
    {
        var style = rows.TryGetValue(row1, out var r) && r.TryGetValue(col1, out var c) ? c.StyleIndex?.Value ?? 0 : 0;
        for (var row = row1; row <= row2; row++)
        {
            for (var col = col1; col <= col2; col++)
            {
                if ((row, col) != (row1, col1))
                {
                    Blank(row, col, style);
                }
            }
        }

        merges.Add((row1, col1, row2, col2));
    }

    public void Width(int col, double width) => widths[col] = width;

    /// <summary>Kept in the file (and read back by the importer) but neither shown nor printed.</summary>
    public void Hide(int col) => hidden.Add(col);

    public void Height(uint row, double points) => heights[row] = points;

    /// <summary>A rough count of the lines a wrapped text takes in a column (one width unit is about one character).</summary>
    public static int Lines(string? text, double width)
    {
        var perLine = Math.Max(1, (int)(width * 1.2));
        return (text ?? "").Split('\n').Sum(part => Math.Max(1, (int)Math.Ceiling(part.Length / (double)perLine)));
    }

    /// <summary>Sets a row tall enough for the given number of wrapped lines.</summary>
    public void FitLines(uint row, int lines)
    {
        if (lines > 1)
        {
            Height(row, (lines * 15) + 3);
        }
    }

    public static string Reference(uint row, int col) => ColumnName(col) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int col)
    {
        var name = "";
        for (var n = col + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    public Worksheet ToWorksheet()
    {
        var worksheet = new Worksheet();
        if (Landscape)
        {
            worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        }

        worksheet.Append(new SheetViews(View()));
        worksheet.Append(new SheetFormatProperties { DefaultRowHeight = 15 });
        if (widths.Count > 0)
        {
            worksheet.Append(new Columns(widths.Select(w => new Column
            {
                Min = (uint)w.Key + 1,
                Max = (uint)w.Key + 1,
                Width = w.Value,
                CustomWidth = true,
                Hidden = hidden.Contains(w.Key) ? true : null,
            })));
        }

        var data = new SheetData();
        foreach (var (index, cells) in rows)
        {
            var row = new Row { RowIndex = index };
            if (heights.TryGetValue(index, out var height))
            {
                row.Height = height;
                row.CustomHeight = true;
            }

            foreach (var (col, cell) in cells)
            {
                cell.CellReference = Reference(index, col);
                row.Append(cell);
            }

            data.Append(row);
        }

        worksheet.Append(data);
        if (merges.Count > 0)
        {
            worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = $"{Reference(m.Row1, m.Col1)}:{Reference(m.Row2, m.Col2)}" }))
            {
                Count = (uint)merges.Count,
            });
        }

        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup
        {
            PaperSize = LegalPaper,
            Orientation = Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1,
            FitToHeight = OnePage ? 1u : 0u,
        });
        worksheet.Append(new HeaderFooter(
            new OddHeader(PageHeader is null ? "" : "&C&8" + PageHeader.Replace("&", "&&", StringComparison.Ordinal)),
            new OddFooter("&L&8" + Name.Replace("&", "&&", StringComparison.Ordinal) + "&R&8" + ExportText.FooterPage)));
        return worksheet;
    }

    private SheetView View()
    {
        var view = new SheetView { WorkbookViewId = 0 };
        if (FrozenRows > 0)
        {
            view.Append(new Pane
            {
                VerticalSplit = FrozenRows,
                TopLeftCell = Reference(FrozenRows + 1, 0),
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = Reference(FrozenRows + 1, 0), SequenceOfReferences = new ListValue<StringValue> { InnerText = Reference(FrozenRows + 1, 0) } });
        }

        return view;
    }

    private void Put(uint row, int col, Cell cell)
    {
        if (!rows.TryGetValue(row, out var cells))
        {
            rows[row] = cells = [];
        }

        cells[col] = cell;
    }

    /// <summary>Removes what XML cannot hold (control characters, lone surrogates from chat text) and cuts to Excel's cell limit.</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF'))
            {
                clean.Append(c);
            }
        }

        var result = clean.Replace("\r\n", "\n").ToString();
        if (result.Length > MaxCellText)
        {
            result = result[..(char.IsHighSurrogate(result[MaxCellText - 1]) ? MaxCellText - 1 : MaxCellText)];
        }

        return result;
    }
}

/// <summary>The workbook's shared string table: each distinct text stored once.</summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<string> texts = [];
    private int uses;

    public int Index(string text)
    {
        uses++;
        if (!index.TryGetValue(text, out var i))
        {
            i = texts.Count;
            index[text] = i;
            texts.Add(text);
        }

        return i;
    }

    public SharedStringTable ToTable() =>
        new(texts.Select(t => new SharedStringItem(new Text(t) { Space = SpaceProcessingModeValues.Preserve })))
        {
            Count = (uint)uses,
            UniqueCount = (uint)texts.Count,
        };
}
