using System.Globalization;

namespace PoaBot.Core.Reporting;

/// <summary>
/// Fields of every CSV the project writes. Text that a spreadsheet would run as a formula (starting with
/// <c>= + - @</c>, a tab or a carriage return) gets a leading apostrophe, as OWASP advises against CSV injection.
/// </summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>A text field: neutralised, then quoted when it holds a comma, a quote or a line break.</summary>
    public static string Text(string? text)
    {
        text ??= "";
        if (text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0)
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }

    /// <summary>A number the project computed (never neutralised: "-4" is a variance, not a formula).</summary>
    public static string Int(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";

    public static string Pct(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "";

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields) + "\n";
}
