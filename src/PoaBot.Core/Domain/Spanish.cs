using System.Globalization;
using System.Text;

namespace PoaBot.Core.Domain;

public static class Spanish
{
    /// <summary>A count with its noun in singular or plural: «1 día», «3 días».</summary>
    public static string Count(long n, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:#,0} {(n == 1 ? singular : plural)}");

    /// <summary>Upper case without accents, for comparing what people type and what files say.</summary>
    public static string Fold(string text)
    {
        var decomposed = SafeText.Normalize(text.Trim().ToUpperInvariant(), NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
    }
}
