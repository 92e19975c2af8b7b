using System.Text.RegularExpressions;

namespace PoaBot.Core.Domain;

/// <summary>
/// An activity's number as the POA document writes it: «1», «1.1», «2 bis», «3-A». Kept as text everywhere; ordered
/// naturally (1, 1.1, 2, 2 bis, 10).
/// </summary>
public static partial class ActivityNumber
{
    /// <summary>Natural order: digit runs compare as numbers, the rest as text (case ignored); a prefix comes first.</summary>
    public static IComparer<string> Order { get; } = Comparer<string>.Create(Compare);

    /// <summary>The number as written, spaces collapsed; null when the cell is not an activity number.</summary>
    public static string? Parse(string cell)
    {
        var text = Spaces().Replace(cell.Trim(), " ");
        return Pattern().IsMatch(text) ? text : null;
    }

    public static int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var a = Parts().Matches(x);
        var b = Parts().Matches(y);
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var (p, q) = (a[i].Value, b[i].Value);
            var bothDigits = char.IsAsciiDigit(p[0]) && char.IsAsciiDigit(q[0]);
            var order = bothDigits
                ? p.TrimStart('0').Length != q.TrimStart('0').Length
                    ? p.TrimStart('0').Length.CompareTo(q.TrimStart('0').Length)
                    : string.CompareOrdinal(p.TrimStart('0'), q.TrimStart('0'))
                : string.Compare(p, q, StringComparison.OrdinalIgnoreCase);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    /// <summary>«1», «12», «1.1», «1.2.3», «2 bis», «2BIS», «3-A», «4 ter», «5a».</summary>
    [GeneratedRegex(@"^\d{1,4}(?:\.\d{1,4})*(?:\s?-?\s?(?:bis|ter|qu[aá]ter|[a-z]))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\d+|\D+")]
    private static partial Regex Parts();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
