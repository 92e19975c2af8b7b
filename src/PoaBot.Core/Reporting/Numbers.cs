using System.Globalization;

namespace PoaBot.Core.Reporting;

/// <summary>Numbers and dates as the office writes them: 1,234.5 and dd/MM/yyyy.</summary>
public static class Numbers
{
    public static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    public static string Int(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Pct(decimal? value) => value is { } v ? v.ToString("#,0.0", CultureInfo.InvariantCulture) + " %" : "—";

    /// <summary><see cref="ExportText.AsOf"/> inside a sentence: «cierre del ejercicio 2024» or «avance al 15/04/2024».</summary>
    public static string AsOfPhrase(int year, DateOnly asOf) =>
        string.Concat(ExportText.AsOf(year, asOf)[..1].ToLowerInvariant(), ExportText.AsOf(year, asOf)[1..]);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
