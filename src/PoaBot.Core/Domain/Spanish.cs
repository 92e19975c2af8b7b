using System.Globalization;
using System.Text;

namespace PoaBot.Core.Domain;

public static class Spanish
{
    /// <summary>Upper case without accents, for comparing what people type and what files say.</summary>
    public static string Fold(string text)
    {
        var decomposed = SafeText.Normalize(text.Trim().ToUpperInvariant(), NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]);
    }
}
