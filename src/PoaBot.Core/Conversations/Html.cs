using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PoaBot.Core.Domain;

namespace PoaBot.Core.Conversations;

public static class Html
{
    /// <summary>
    /// Escapes only &amp; &lt; &gt; &quot;, as Telegram's HTML wants ("Reunión" stays readable), and makes the text safe to
    /// show (<see cref="SafeText.Display"/>).
    /// </summary>
    public static string Escape(string? text) => string.IsNullOrEmpty(text) ? "" : SafeText.Display(text)
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>Plain text of an HTML reply, for the terminal.</summary>
    public static string ToPlain(string html)
    {
        var text = Regex.Replace(html, "<[^>]+>", "");
        return text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
    }

    /// <summary>
    /// "REUNIONES DE CONSEJOS" → "Reuniones de consejos": names typed in capitals read better on a phone. Capitals are
    /// often typed without accents: a word ending in -ION gets its accent back ("GESTION" → "gestión").
    /// </summary>
    public static string Sentence(string name) =>
        name.Length > 1 && !name.Any(char.IsLower)
            ? Regex.Replace(name[0] + name[1..].ToLower(CultureInfo.GetCultureInfo("es-MX")), @"(?<=\p{L})ion\b", "i\u00f3n") // accented
            : name;

    /// <summary>
    /// Splits blocks of lines into messages of at most <paramref name="max"/> characters: a block stays in one message when
    /// it fits in one, else it breaks between its lines; nothing is left out.
    /// </summary>
    public static IReadOnlyList<string> Messages(IEnumerable<string> blocks, int max)
    {
        var messages = new List<string>();
        var current = new StringBuilder();
        foreach (var part in blocks.SelectMany(b => b.Length <= max ? new[] { b } : b.Split('\n').Select(line => line + "\n")))
        {
            if (current.Length > 0 && current.Length + part.Length > max)
            {
                messages.Add(current.ToString().Trim());
                current.Clear();
            }

            current.Append(part.Length > max ? Shorten(part, max) : part);
        }

        if (current.ToString().Trim().Length > 0)
        {
            messages.Add(current.ToString().Trim());
        }

        return messages;
    }

    /// <summary>
    /// At most <paramref name="max"/> UTF-16 units (as Telegram counts its limits), cut between text elements (an emoji
    /// with its joiners, a letter with its accents), never in the middle of one.
    /// </summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= max - 1)
        {
            end = elements.ElementIndex + elements.GetTextElement().Length;
        }

        return text[..end].TrimEnd() + "…";
    }
}
