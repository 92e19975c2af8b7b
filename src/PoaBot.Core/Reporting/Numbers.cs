using System.Globalization;

namespace PoaBot.Core.Reporting;

/// <summary>Numbers and dates as the office writes them: 1,234.5 and dd/MM/yyyy.</summary>
public static class Numbers
{
    public static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    public static string Int(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Pct(decimal? value) => value is { } v ? v.ToString("#,0.0", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
