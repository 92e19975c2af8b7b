using System.Globalization;
using System.Text;

namespace PoaBot.FakeTelegram;

/// <summary>A message entity (offsets and lengths in UTF-16 code units, as the Bot API reports them).</summary>
internal sealed record TextEntity(string Type, int Offset, int Length)
{
    public string? Url { get; init; }

    public string? Language { get; init; }

    public string? CustomEmojiId { get; init; }
}

internal sealed record ParsedText(string Text, IReadOnlyList<TextEntity> Entities);

/// <summary>
/// Strict parser for parse_mode=HTML modelled on TDLib's parse_html: the same tag set and
/// error wording ("can't parse entities: ..." with UTF-8 byte offsets).
/// </summary>
internal static class TelegramHtml
{
    private static readonly HashSet<string> SupportedTags = new(StringComparer.Ordinal)
    {
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "tg-spoiler", "tg-emoji",
        "span", "pre", "code", "blockquote",
    };

    private sealed class OpenTag
    {
        public required string Name { get; init; }

        public required int TextStart { get; init; }

        public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Parses <paramref name="html"/>; throws <see cref="BotApiException"/> 400 on malformed input.</summary>
    public static ParsedText Parse(string html, bool rejectBareAmpersand)
    {
        var text = new StringBuilder(html.Length);
        var entities = new List<TextEntity>();
        var stack = new List<OpenTag>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '&')
            {
                if (TryDecodeEntity(html, i, out var decoded, out var consumed))
                {
                    text.Append(decoded);
                    i += consumed;
                    continue;
                }

                if (rejectBareAmpersand)
                {
                    throw Error($"Character \"&\" at byte offset {ByteOffset(html, i)} doesn't start an HTML entity; replace it with \"&amp;\"");
                }

                text.Append(c);
                i++;
                continue;
            }

            if (c != '<')
            {
                text.Append(c);
                i++;
                continue;
            }

            var begin = i;
            i++;
            if (i < html.Length && html[i] == '/')
            {
                i++;
                var nameStart = i;
                while (i < html.Length && html[i] != '>')
                {
                    i++;
                }

                if (i == html.Length)
                {
                    throw Error($"Unclosed end tag at byte offset {ByteOffset(html, begin)}");
                }

                var endName = html[nameStart..i].Trim().ToLowerInvariant();
                i++;
                if (stack.Count == 0)
                {
                    throw Error($"Unexpected end tag at byte offset {ByteOffset(html, begin)}");
                }

                var open = stack[^1];
                if (!string.Equals(open.Name, endName, StringComparison.Ordinal))
                {
                    throw Error($"Unmatched end tag at byte offset {ByteOffset(html, begin)}, expected \"</{open.Name}>\", found \"</{endName}>\"");
                }

                stack.RemoveAt(stack.Count - 1);
                AddEntity(open, text.Length, stack, entities);
                continue;
            }

            // Start tag: the name runs until a space or '>'.
            var tagStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
            {
                i++;
            }

            if (i == html.Length)
            {
                throw Error($"Unclosed start tag at byte offset {ByteOffset(html, begin)}");
            }

            var name = html[tagStart..i].ToLowerInvariant();
            if (!SupportedTags.Contains(name))
            {
                throw Error($"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, begin)}");
            }

            var tag = new OpenTag { Name = name, TextStart = text.Length };
            ParseAttributes(html, ref i, begin, tag);

            if (name == "span" && !(tag.Attributes.TryGetValue("class", out var cls) && cls == "tg-spoiler"))
            {
                throw Error($"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(html, begin)}");
            }

            if (name == "a" && string.IsNullOrEmpty(tag.Attributes.GetValueOrDefault("href")))
            {
                throw Error($"Tag \"a\" must have attribute \"href\" at byte offset {ByteOffset(html, begin)}");
            }

            if (name == "tg-emoji" && string.IsNullOrEmpty(tag.Attributes.GetValueOrDefault("emoji-id")))
            {
                throw Error($"Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset {ByteOffset(html, begin)}");
            }

            stack.Add(tag);
        }

        if (stack.Count > 0)
        {
            throw Error($"Can't find end tag corresponding to start tag \"{stack[^1].Name}\"");
        }

        entities.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        return new ParsedText(text.ToString(), entities);
    }

    private static void ParseAttributes(string html, ref int i, int begin, OpenTag tag)
    {
        while (true)
        {
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i == html.Length)
            {
                throw Error($"Unclosed start tag at byte offset {ByteOffset(html, begin)}");
            }

            if (html[i] == '>')
            {
                i++;
                return;
            }

            var attrStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '=' && html[i] != '>')
            {
                i++;
            }

            var attrName = html[attrStart..i].ToLowerInvariant();
            if (attrName.Length == 0)
            {
                throw Error($"Empty attribute name in the tag \"{tag.Name}\" at byte offset {ByteOffset(html, begin)}");
            }

            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i == html.Length)
            {
                throw Error($"Unclosed start tag at byte offset {ByteOffset(html, begin)}");
            }

            if (html[i] != '=')
            {
                // Valueless attribute such as <blockquote expandable>.
                tag.Attributes[attrName] = "";
                continue;
            }

            i++;
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i == html.Length)
            {
                throw Error($"Unclosed start tag at byte offset {ByteOffset(html, begin)}");
            }

            string rawValue;
            if (html[i] is '"' or '\'')
            {
                var quote = html[i];
                var valueStart = ++i;
                while (i < html.Length && html[i] != quote)
                {
                    i++;
                }

                if (i == html.Length)
                {
                    throw Error($"Unclosed start tag at byte offset {ByteOffset(html, begin)}");
                }

                rawValue = html[valueStart..i];
                i++;
            }
            else
            {
                var valueStart = i;
                while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                {
                    i++;
                }

                rawValue = html[valueStart..i];
            }

            tag.Attributes[attrName] = DecodeAttribute(rawValue);
        }
    }

    private static void AddEntity(OpenTag tag, int end, List<OpenTag> stack, List<TextEntity> entities)
    {
        var length = end - tag.TextStart;
        if (length <= 0)
        {
            return;
        }

        var type = tag.Name switch
        {
            "b" or "strong" => "bold",
            "i" or "em" => "italic",
            "u" or "ins" => "underline",
            "s" or "strike" or "del" => "strikethrough",
            "span" or "tg-spoiler" => "spoiler",
            "a" => "text_link",
            "code" => "code",
            "pre" => "pre",
            "blockquote" => tag.Attributes.ContainsKey("expandable") ? "expandable_blockquote" : "blockquote",
            "tg-emoji" => "custom_emoji",
            _ => throw new InvalidOperationException("unreachable"),
        };

        // <pre><code class="language-x">...</code></pre> becomes one pre entity with a language.
        if (type == "code" && stack.Count > 0 && stack[^1].Name == "pre"
            && tag.Attributes.TryGetValue("class", out var codeClass)
            && codeClass.StartsWith("language-", StringComparison.Ordinal))
        {
            stack[^1].Attributes["language"] = codeClass["language-".Length..];
            return;
        }

        entities.Add(new TextEntity(type, tag.TextStart, length)
        {
            Url = type == "text_link" ? tag.Attributes["href"] : null,
            Language = type == "pre" ? tag.Attributes.GetValueOrDefault("language") : null,
            CustomEmojiId = type == "custom_emoji" ? tag.Attributes["emoji-id"] : null,
        });
    }

    private static string DecodeAttribute(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] == '&' && TryDecodeEntity(raw, i, out var decoded, out var consumed))
            {
                builder.Append(decoded);
                i += consumed;
            }
            else
            {
                builder.Append(raw[i]);
                i++;
            }
        }

        return builder.ToString();
    }

    private static bool TryDecodeEntity(string s, int start, out string decoded, out int consumed)
    {
        decoded = "";
        consumed = 0;
        var semicolon = s.IndexOf(';', start + 1);
        if (semicolon < 0 || semicolon - start > 12)
        {
            return false;
        }

        var body = s[(start + 1)..semicolon];
        consumed = semicolon - start + 1;
        switch (body)
        {
            case "lt":
                decoded = "<";
                return true;
            case "gt":
                decoded = ">";
                return true;
            case "amp":
                decoded = "&";
                return true;
            case "quot":
                decoded = "\"";
                return true;
        }

        if (body.Length >= 2 && body[0] == '#')
        {
            var isHex = body[1] is 'x' or 'X';
            var digits = isHex ? body[2..] : body[1..];
            var style = isHex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
            if (digits.Length > 0 && int.TryParse(digits, style, CultureInfo.InvariantCulture, out var code)
                && code is > 0 and <= 0x10FFFF && code is not (>= 0xD800 and <= 0xDFFF))
            {
                decoded = char.ConvertFromUtf32(code);
                return true;
            }
        }

        consumed = 0;
        return false;
    }

    private static int ByteOffset(string s, int index) => Encoding.UTF8.GetByteCount(s.AsSpan(0, index));

    private static BotApiException Error(string detail) => BotApiException.BadRequest("can't parse entities: " + detail);
}
