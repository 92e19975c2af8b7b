using System.Globalization;
using System.Text.RegularExpressions;

namespace PoaBot.Core.Domain;

/// <summary>
/// Dates as people type them, the one reader of typed dates: «hoy», «ayer», «antier», 30/11, 1/4/24, 30/11/2026,
/// «1 de diciembre», «1 de diciembre de 2024», month names with or without accents or capitals.
/// A day without a year is in the POA's year (the caller's <c>year</c>); two-digit years are 20xx.
/// </summary>
public static partial class DateText
{
    private static readonly string[] Months =
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    /// <summary>Skipped before a date: «el 5 de marzo».</summary>
    public const string Article = "el ";

    /// <summary>The words read as a day (any capitals, accents or not), with how many days back.</summary>
    public static readonly IReadOnlyDictionary<string, int> DaysBack = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["hoy"] = 0, ["ayer"] = 1, ["antier"] = 2, ["anteayer"] = 2, ["ante ayer"] = 2, ["antes de ayer"] = 2,
    };

    public static bool TryParse(string? text, DateOnly today, int year, out DateOnly date)
    {
        date = default;
        var folded = Spanish.Fold(text ?? "").TrimEnd('.').Trim();
        if (folded.StartsWith(Article, StringComparison.OrdinalIgnoreCase))
        {
            folded = folded[Article.Length..].TrimStart();
        }

        if (DaysBack.TryGetValue(folded, out var back))
        {
            date = today.AddDays(-back);
            return true;
        }

        var numeric = NumericDate().Match(folded);
        if (numeric.Success)
        {
            return Make(Number(numeric.Groups["d"]), Number(numeric.Groups["m"]), numeric.Groups["y"], year, out date);
        }

        var iso = IsoDate().Match(folded);
        if (iso.Success)
        {
            return Make(Number(iso.Groups["d"]), Number(iso.Groups["m"]), iso.Groups["y"], year, out date);
        }

        var words = WordDate().Match(folded);
        if (words.Success)
        {
            return Month(words.Groups["m"].Value) is { } month && Make(Number(words.Groups["d"]), month, words.Groups["y"], year, out date);
        }

        // «12», «el 12», «el doce»: that day of this month, or of the month before when it is still to come (this year's POA only).
        if (year == today.Year && Conversations.NumberText.TryParse(folded.ToLowerInvariant(), 31, out var day, out _) && day >= 1)
        {
            var month = day <= today.Day ? today : today.AddMonths(-1);
            if (day <= DateTime.DaysInMonth(month.Year, month.Month))
            {
                date = new DateOnly(month.Year, month.Month, day);
                return true;
            }
        }

        return false;
    }

    /// <summary>«5 de marzo de 2024».</summary>
    public static string Long(DateOnly date) => $"{date.Day} de {Months[date.Month - 1]} de {date.Year}";

    /// <summary>An example date to show: the first day of this month when the POA is this year's, else 1 December of its year; never in the future.</summary>
    public static DateOnly Example(int year, DateOnly today) => year == today.Year ? new DateOnly(year, today.Month, 1) : new DateOnly(year, 12, 1);

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>A month by its name or its first three letters or more («dic», «sept»).</summary>
    private static int? Month(string word)
    {
        var lower = word.ToLowerInvariant();
        var index = Array.FindIndex(Months, m => lower.Length >= 3 && m.StartsWith(lower, StringComparison.Ordinal));
        return index >= 0 ? index + 1 : lower.StartsWith("set", StringComparison.Ordinal) ? 9 : null;
    }

    private static bool Make(int day, int month, Group yearGroup, int defaultYear, out DateOnly date)
    {
        date = default;
        var year = !yearGroup.Success ? defaultYear : yearGroup.Value.Length == 2 ? 2000 + Number(yearGroup) : Number(yearGroup);
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>30/11, 1/4/24, 30-11-2026, 30.11.2026, 30 11 2026.</summary>
    [GeneratedRegex(@"^(?<d>\d{1,2})\s*[/\-.\s]\s*(?<m>\d{1,2})(\s*[/\-.\s]\s*(?<y>\d{4}|\d{2}))?$")]
    private static partial Regex NumericDate();

    /// <summary>2024-04-12, as some phones and computers write it.</summary>
    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$")]
    private static partial Regex IsoDate();

    /// <summary>«1 de diciembre», «1° de dic. de 2024», «1 diciembre 2024», «primero de diciembre» is not read.</summary>
    [GeneratedRegex(@"^(?<d>\d{1,2})\s*(º|°|O|RO)?\s*(DE\s+)?(?<m>[A-Z]+)\.?(\s*,?\s*(DEL?\s+)?(?<y>\d{4}|\d{2}))?$")]
    private static partial Regex WordDate();
}
