using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PoaBot.FakeTelegram;

/// <summary>A validated reply_markup.</summary>
internal sealed class MarkupInfo
{
    public const int MaxInlineButtons = 100;

    public const int MaxMarkupBytes = 10_240;

    public static readonly MarkupInfo None = new();

    public IReadOnlyList<IReadOnlyList<InlineButton>> Inline { get; private init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Reply { get; private init; } = [];

    public bool Remove { get; private init; }

    /// <summary>reply_markup exactly as received.</summary>
    public string? RawJson { get; private init; }

    /// <summary>Inline keyboard as the API echoes it in Message.reply_markup (null when none).</summary>
    public string? InlineJson { get; private init; }

    public static MarkupInfo Parse(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } markup)
        {
            return None;
        }

        if (markup.TryGetProperty("inline_keyboard", out var inline))
        {
            return ParseInline(markup, inline);
        }

        if (markup.TryGetProperty("keyboard", out var keyboard))
        {
            if (keyboard.ValueKind != JsonValueKind.Array)
            {
                throw BotApiException.BadRequest("field \"keyboard\" of the ReplyKeyboardMarkup must be an Array");
            }

            var rows = new List<IReadOnlyList<string>>();
            foreach (var row in keyboard.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Array)
                {
                    throw BotApiException.BadRequest("field \"keyboard\" of the ReplyKeyboardMarkup must be an Array of Arrays");
                }

                var texts = new List<string>();
                foreach (var button in row.EnumerateArray())
                {
                    var text = button.ValueKind switch
                    {
                        JsonValueKind.String => button.GetString(),
                        JsonValueKind.Object when button.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String => t.GetString(),
                        _ => throw BotApiException.BadRequest("can't parse keyboard button: KeyboardButton must be a String or an Object"),
                    };
                    if (string.IsNullOrEmpty(text))
                    {
                        throw BotApiException.BadRequest("can't parse keyboard button: Text must be non-empty");
                    }

                    texts.Add(text);
                }

                rows.Add(texts);
            }

            return new MarkupInfo { Reply = rows, RawJson = markup.GetRawText() };
        }

        if (markup.TryGetProperty("remove_keyboard", out var remove) && remove.ValueKind == JsonValueKind.True)
        {
            return new MarkupInfo { Remove = true, RawJson = markup.GetRawText() };
        }

        if (markup.TryGetProperty("force_reply", out var force) && force.ValueKind == JsonValueKind.True)
        {
            return new MarkupInfo { RawJson = markup.GetRawText() };
        }

        throw BotApiException.BadRequest("can't parse reply keyboard markup JSON object");
    }

    private static MarkupInfo ParseInline(JsonElement markup, JsonElement inline)
    {
        if (inline.ValueKind != JsonValueKind.Array)
        {
            throw BotApiException.BadRequest("can't parse reply keyboard markup JSON object: Field \"inline_keyboard\" must be of type Array");
        }

        var rows = new List<IReadOnlyList<InlineButton>>();
        var echo = new JsonArray();
        foreach (var row in inline.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array)
            {
                throw BotApiException.BadRequest("can't parse reply keyboard markup JSON object: Field \"inline_keyboard\" must be of type Array of Arrays");
            }

            var buttons = new List<InlineButton>();
            var echoRow = new JsonArray();
            foreach (var button in row.EnumerateArray())
            {
                if (button.ValueKind != JsonValueKind.Object)
                {
                    throw BotApiException.BadRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
                }

                var text = button.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (text is null)
                {
                    throw BotApiException.BadRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
                }

                if (text.Trim().Length == 0)
                {
                    throw BotApiException.BadRequest("can't parse inline keyboard button: Text must be non-empty");
                }

                var echoButton = new JsonObject { ["text"] = text };
                string? callbackData = null;
                string? url = null;
                if (button.TryGetProperty("callback_data", out var data) && data.ValueKind != JsonValueKind.Null)
                {
                    callbackData = data.ValueKind == JsonValueKind.String ? data.GetString() : data.GetRawText();
                    var bytes = Encoding.UTF8.GetByteCount(callbackData ?? "");
                    if (bytes is < 1 or > 64)
                    {
                        throw BotApiException.BadRequest("BUTTON_DATA_INVALID");
                    }

                    echoButton["callback_data"] = callbackData;
                }
                else if (button.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String)
                {
                    url = u.GetString();
                    if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed)
                        || parsed.Scheme is not ("http" or "https" or "tg"))
                    {
                        throw BotApiException.BadRequest("BUTTON_URL_INVALID");
                    }

                    echoButton["url"] = url;
                }
                else
                {
                    var other = button.EnumerateObject().FirstOrDefault(p =>
                        p.Name != "text" && p.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.False));
                    if (other.Value.ValueKind == JsonValueKind.Undefined)
                    {
                        throw BotApiException.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
                    }

                    echoButton[other.Name] = JsonNode.Parse(other.Value.GetRawText());
                }

                buttons.Add(new InlineButton(text, callbackData ?? "") { Url = url });
                echoRow.Add(echoButton);
            }

            rows.Add(buttons);
            echo.Add(echoRow);
        }

        // The real API refuses an inline keyboard of more than 100 buttons (or about 10 KB).
        if (rows.Sum(r => r.Count) > MaxInlineButtons || markup.GetRawText().Length > MaxMarkupBytes)
        {
            throw BotApiException.BadRequest("reply markup is too long");
        }

        var inlineJson = rows.Count == 0 ? null : new JsonObject { ["inline_keyboard"] = echo }.ToJsonString();
        return new MarkupInfo { Inline = rows, RawJson = markup.GetRawText(), InlineJson = inlineJson };
    }
}
