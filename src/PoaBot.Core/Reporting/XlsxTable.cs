using PoaBot.Core.Domain;

namespace PoaBot.Core.Reporting;

/// <summary>A column of a plain table sheet: its header, width, and how one item fills its cell.</summary>
internal sealed record XlsxColumn<T>(string Header, double Width, Action<XlsxSheet, uint, int, T> Write)
{
    /// <summary>Lines the item's text takes when wrapped (1 for all but long text).</summary>
    public Func<T, int> Lines { get; init; } = _ => 1;

    public static XlsxColumn<T> Text(string header, double width, Func<T, string?> value) =>
        new(header, width, (sheet, row, col, item) => sheet.Text(row, col, value(item), XlsxStyles.Text));

    /// <summary>Long text (agreements, descriptions): wrapped in the cell.</summary>
    public static XlsxColumn<T> Long(string header, double width, Func<T, string?> value) =>
        new(header, width, (sheet, row, col, item) => sheet.Text(row, col, value(item), XlsxStyles.Wrap))
        {
            Lines = item => XlsxSheet.Lines(value(item), width),
        };

    public static XlsxColumn<T> Int(string header, double width, Func<T, long?> value) =>
        new(header, width, (sheet, row, col, item) => sheet.Number(row, col, value(item), XlsxStyles.Int));

    public static XlsxColumn<T> Num(string header, Func<T, string?> value) =>
        new(header, 6, (sheet, row, col, item) => sheet.ActivityNum(row, col, value(item), XlsxStyles.Int));

    /// <summary>A percentage (55.0 → 55.0 %); empty when null.</summary>
    public static XlsxColumn<T> Pct(string header, Func<T, decimal?> value) =>
        new(header, 13, (sheet, row, col, item) => sheet.Number(row, col, value(item) is { } p ? (double)Math.Round(p / 100m, 6) : null, XlsxStyles.Percent));

    /// <summary>The semáforo as a word on its fill colour (no emoji: it prints as a box).</summary>
    public static XlsxColumn<T> Semaforo(string header, Func<T, ActivityProgress> value) =>
        new(header, 16, (sheet, row, col, item) => sheet.Text(row, col, value(item).Semaforo.PlainWords(value(item).ProgAcum), XlsxStyles.Of(value(item).Semaforo)));

    public static XlsxColumn<T> Date(string header, Func<T, DateOnly?> value) =>
        new(header, 11.5, (sheet, row, col, item) => sheet.Date(row, col, value(item)));

    public static XlsxColumn<T> DateTime(string header, Func<T, System.DateTime?> value) =>
        new(header, 16.5, (sheet, row, col, item) => sheet.DateTime(row, col, value(item)));
}

/// <summary>A sheet that is one table: a bold, frozen header row and one row per item.</summary>
internal static class XlsxTable
{
    /// <param name="empty">What the sheet says when there are no items; null: no sheet at all then.</param>
    public static XlsxSheet? Create<T>(string name, SharedStrings strings, IReadOnlyList<T> items, string? empty, params XlsxColumn<T>[] columns)
    {
        if (items.Count == 0 && empty is null)
        {
            return null;
        }

        var sheet = new XlsxSheet(name, strings) { FrozenRows = 1, Landscape = true };
        for (var col = 0; col < columns.Length; col++)
        {
            sheet.Text(1, col, columns[col].Header, XlsxStyles.Header);
            sheet.Width(col, columns[col].Width);
        }

        sheet.Height(1, 30);
        if (items.Count == 0)
        {
            sheet.Text(2, 0, empty, XlsxStyles.Note);
            sheet.Merge(2, 0, 2, columns.Length - 1);
            return sheet;
        }

        var row = 2u;
        foreach (var item in items)
        {
            for (var col = 0; col < columns.Length; col++)
            {
                columns[col].Write(sheet, row, col, item);
            }

            sheet.FitLines(row, columns.Max(c => c.Lines(item)));
            row++;
        }

        return sheet;
    }
}
