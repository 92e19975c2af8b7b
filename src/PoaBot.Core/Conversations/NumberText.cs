using System.Globalization;
using PoaBot.Core.Domain;

namespace PoaBot.Core.Conversations;

/// <summary>
/// Reads a count as a coordinator types it: "12", "1,200", or Spanish words ("doce", "veinticinco", "treinta y dos").
/// Refuses negatives, decimals, exponents and anything else.
/// </summary>
public static class NumberText
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["cero"] = 0, ["un"] = 1, ["uno"] = 1, ["una"] = 1, ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5,
        ["seis"] = 6, ["siete"] = 7, ["ocho"] = 8, ["nueve"] = 9, ["diez"] = 10, ["once"] = 11, ["doce"] = 12,
        ["trece"] = 13, ["catorce"] = 14, ["quince"] = 15, ["dieciseis"] = 16, ["diecisiete"] = 17, ["dieciocho"] = 18,
        ["diecinueve"] = 19, ["veinte"] = 20, ["veintiun"] = 21, ["veintiuno"] = 21, ["veintiuna"] = 21, ["veintidos"] = 22,
        ["veintitres"] = 23, ["veinticuatro"] = 24, ["veinticinco"] = 25, ["veintiseis"] = 26, ["veintisiete"] = 27,
        ["veintiocho"] = 28, ["veintinueve"] = 29, ["treinta"] = 30, ["cuarenta"] = 40, ["cincuenta"] = 50,
        ["sesenta"] = 60, ["setenta"] = 70, ["ochenta"] = 80, ["noventa"] = 90, ["cien"] = 100, ["ciento"] = 100,
    };

    /// <summary>True when <paramref name="text"/> is a whole number from 0 to <paramref name="max"/>; <paramref name="fromWords"/> tells it was spelled out.</summary>
    public static bool TryParse(string? text, int max, out int value, out bool fromWords)
    {
        value = 0;
        fromWords = false;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        var t = text.Trim();
        var digits = t.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            return (t.Contains(',', StringComparison.Ordinal) ? ValidThousands(t) : true)
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value)
                && value <= max;
        }

        var words = Fold(t).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "y").ToList();
        if (Words(words) is not { } total)
        {
            return false;
        }

        value = total;
        fromWords = true;
        return value <= max;
    }

    /// <summary>"doce", "veinticinco", "treinta y dos", "cien", "ciento veinte": a ten may take a unit, "ciento" a number below 100; nothing else combines.</summary>
    private static int? Words(List<string> words)
    {
        if (words.Count == 0 || !words.All(Units.ContainsKey))
        {
            return null;
        }

        var first = Units[words[0]];
        var rest = words.Skip(1).ToList();
        if (words[0] == "ciento")
        {
            return rest.Count > 0 && Words(rest) is { } below and > 0 and < 100 ? 100 + below : null;
        }

        return rest.Count == 0 ? first
            : first is >= 30 and <= 90 && first % 10 == 0 && rest.Count == 1 && Units[rest[0]] is >= 1 and <= 9 ? first + Units[rest[0]]
            : null;
    }

    private static bool ValidThousands(string text)
    {
        var groups = text.Split(',');
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }

    private static string Fold(string text) => Spanish.Fold(text).ToLowerInvariant();
}
