namespace PoaBot.FakeTelegram;

/// <summary>A message the bot sent (or an edit it applied), as the fake server stored it.</summary>
/// <param name="Text">Text after entity parsing (HTML tags removed), or the caption for media.</param>
/// <param name="Method">API method that produced this entry (sendMessage, sendPhoto, sendDocument, editMessageText, editMessageReplyMarkup).</param>
public sealed record SentMessage(
    long ChatId,
    long MessageId,
    string Text,
    string? ParseMode,
    IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboard,
    IReadOnlyList<IReadOnlyList<string>> ReplyKeyboard,
    string Method,
    DateTimeOffset At,
    string? FileName,
    byte[]? FileContent)
{
    /// <summary>The text exactly as the bot sent it (with HTML tags, before parsing).</summary>
    public string RawText { get; init; } = "";

    /// <summary>The reply_markup parameter as received (JSON), or null when none.</summary>
    public string? ReplyMarkupJson { get; init; }

    /// <summary>True when the bot sent ReplyKeyboardRemove.</summary>
    public bool RemovesReplyKeyboard { get; init; }

    /// <summary>reply_parameters.message_id (or reply_to_message_id) when the bot replied to a message.</summary>
    public long? ReplyToMessageId { get; init; }

    /// <summary>True for entries produced by editMessageText / editMessageReplyMarkup.</summary>
    public bool IsEdit => Method.StartsWith("edit", StringComparison.Ordinal);

    /// <summary>All callback_data values of the inline keyboard, row by row.</summary>
    public IEnumerable<string> CallbackData => InlineKeyboard.SelectMany(row => row).Select(b => b.CallbackData);
}

/// <summary>An inline keyboard button. CallbackData is "" for URL buttons (see Url).</summary>
public sealed record InlineButton(string Text, string CallbackData)
{
    public string? Url { get; init; }
}

/// <summary>One request the server answered.</summary>
public sealed record ApiCall(string Method, DateTimeOffset At, int StatusCode, long? ChatId)
{
    /// <summary>Description of the error answered, if any.</summary>
    public string? Error { get; init; }
}
