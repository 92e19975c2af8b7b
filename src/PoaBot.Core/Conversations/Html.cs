using System.Text;

namespace PoaBot.Core.Conversations;

public static class Html
{
    /// <summary>Escapes only &amp; &lt; &gt; &quot;, as Telegram's HTML wants ("Reunión" stays readable).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }

    /// <summary>Plain text of an HTML reply, for the terminal.</summary>
    public static string ToPlain(string html)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "");
        return text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
    }

    /// <summary>"REUNIONES DE CONSEJOS" → "Reuniones de consejos": names typed in capitals read better on a phone.</summary>
    public static string Sentence(string name) =>
        name.Length > 1 && !name.Any(char.IsLower) ? name[0] + name[1..].ToLower(System.Globalization.CultureInfo.GetCultureInfo("es-MX")) : name;

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
