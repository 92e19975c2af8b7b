using System.Globalization;

namespace PoaBot.Core.Reporting;

/// <summary>Numbers and dates as the office writes them: 1,234.5 and dd/MM/yyyy.</summary>
public static class Numbers
{
    public static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    public static string Int(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Pct(decimal? value) => value is { } v ? v.ToString("#,0.0", CultureInfo.InvariantCulture) + " %" : "—";

    /// <summary>«Cierre del ejercicio 2024» once the year's last day is reached, else «Avance al 15/04/2024».</summary>
    public static string AsOfTitle(int year, DateOnly asOf) =>
        ExportText.AsOf(year, asOf);

    /// <summary><see cref="AsOfTitle"/> inside a sentence: «cierre del ejercicio 2024» or «avance al 15/04/2024».</summary>
    public static string AsOfPhrase(int year, DateOnly asOf) =>
        string.Concat(AsOfTitle(year, asOf)[..1].ToLowerInvariant(), AsOfTitle(year, asOf)[1..]);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
