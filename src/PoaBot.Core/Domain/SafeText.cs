using System.Text;

namespace PoaBot.Core.Domain;

/// <summary>
/// Any text is input. People's text is kept as written; only lone surrogates (halves of a character, not text at all,
/// which SQLite's UTF-8 could not keep either) become U+FFFD on the way in. What is shown is made safe:
/// controls and noncharacters become U+FFFD, bidirectional embeddings, overrides and isolates are left out (they
/// would reorder the bot's own words around them), zero-width joiners and combining marks stay.
/// </summary>
public static class SafeText
{
    /// <summary>The text with each lone surrogate replaced by U+FFFD; the same instance when there is none.</summary>
    public static string WellFormed(string text) => HasLoneSurrogate(text) ? string.Concat(text.EnumerateRunes()) : text;

    /// <summary>The text as it may be shown in a message or on a button.</summary>
    public static string Display(string text)
    {
        if (text.All(IsPlain))
        {
            return text;
        }

        return string.Concat(text.EnumerateRunes().Where(rune => !IsBidiControl(rune.Value)).Select(rune => rune.Value switch
        {
            '\n' => "\n",
            '\t' => " ",
            _ when Rune.IsControl(rune) || IsNoncharacter(rune.Value) => "\uFFFD",
            _ => rune.ToString(),
        }));
    }

    /// <summary>Canonical composition (NFC) when the text allows it, else the text as it is: never throws.</summary>
    public static string Normalize(string text, NormalizationForm form)
    {
        try
        {
            return Display(text).Normalize(form);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    private static bool IsPlain(char c) =>
        c is '\n' || (!char.IsControl(c) && !char.IsSurrogate(c) && !IsBidiControl(c) && !IsNoncharacter(c));

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBidiControl(int c) => c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    private static bool IsNoncharacter(int c) => c is (>= 0xFDD0 and <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}
