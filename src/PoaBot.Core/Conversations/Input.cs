namespace PoaBot.Core.Conversations;

public enum InputKind
{
    Text,
    Button,
    Photo,
    Document,
    Other,
}

/// <summary>
/// What a person sent, as the engine sees it: no Telegram types. <see cref="At"/> is the update's own timestamp
/// (for a button press, when it reached the inbox); "hoy" is its local date.
/// </summary>
public sealed record Input(long ChatId, long UserId, string Name, InputKind Kind, DateTimeOffset At)
{
    public string? Text { get; init; }

    /// <summary>Callback data of a pressed button: untrusted.</summary>
    public string? Data { get; init; }

    public string? FileId { get; init; }

    /// <summary>Telegram's file_unique_id: the same for the same file, whoever sends it and however often.</summary>
    public string? FileUniqueId { get; init; }

    /// <summary>Set on each message of an album (several photos sent at once): one update per photo, the same id on each.</summary>
    public string? MediaGroupId { get; init; }

    public string? FileName { get; init; }

    public long? FileSize { get; init; }

    /// <summary>SHA-256 of the evidence file, when the transport downloaded it.</summary>
    public string? FileHash { get; init; }

    /// <summary>Where the transport saved the file, when it downloaded it.</summary>
    public string? FilePath { get; init; }

    /// <summary>Why the transport could not keep the file (e.g. too big), if so.</summary>
    public FileProblem? FileProblem { get; init; }

    public bool IsPrivate { get; init; } = true;

    /// <summary>For a pressed button: the id of the bot's message that carried it (the question being answered).</summary>
    public long? MessageId { get; init; }

    public static Input FromText(long userId, string name, string text, DateTimeOffset at) =>
        new(userId, userId, name, InputKind.Text, at) { Text = text };

    public static Input FromButton(long userId, string name, string data, DateTimeOffset at) =>
        new(userId, userId, name, InputKind.Button, at) { Data = data };
}
