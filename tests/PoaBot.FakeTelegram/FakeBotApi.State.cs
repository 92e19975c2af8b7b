using System.Text.Json.Nodes;

namespace PoaBot.FakeTelegram;

public sealed partial class FakeBotApi
{
    private const long MaxDownloadBytes = 20L * 1024 * 1024;

    private readonly Dictionary<long, ChatState> _chats = [];
    private readonly Dictionary<long, string> _users = [];
    private readonly List<StoredUpdate> _queue = [];
    private readonly List<StoredUpdate> _redeliver = [];
    private readonly Dictionary<long, StoredUpdate> _allUpdates = [];
    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallbackState> _callbacks = new(StringComparer.Ordinal);
    private readonly List<CallbackAnswer> _callbackAnswers = [];
    private readonly TokenBucket _globalBucket;
    private TaskCompletionSource _updatesSignal = NewSignal();
    private TaskCompletionSource? _downloadStall;
    private long _nextUpdateId;
    private long _nextFileNumber = 1;
    private long _nextCallbackNumber = 1;

    private sealed class ChatState
    {
        public required long Id { get; init; }

        public required string Type { get; init; }

        public string? FirstName { get; set; }

        public string? Title { get; init; }

        public long NextMessageId { get; set; } = 1;

        public bool Blocked { get; set; }

        public TokenBucket? Bucket { get; set; }

        public Dictionary<long, StoredMessage> Messages { get; } = [];
    }

    private sealed class StoredMessage
    {
        public required long MessageId { get; init; }

        public required bool FromBot { get; init; }

        public required long Date { get; init; }

        public long? EditDate { get; set; }

        public string Text { get; set; } = "";

        public IReadOnlyList<TextEntity> Entities { get; set; } = [];

        /// <summary>"text", "photo" or "document" (media messages carry Text as caption).</summary>
        public string Kind { get; init; } = "text";

        public JsonNode? Media { get; init; }

        public MarkupInfo Markup { get; set; } = MarkupInfo.None;

        public long? ReplyTo { get; init; }
    }

    /// <summary>An update; <paramref name="Queue"/> is what Telegram delivers it in order within: the chat of a message, the user of a button press.</summary>
    private sealed record StoredUpdate(long Id, string Type, string Json, long? MessageId, string Queue);

    private sealed class StoredFile
    {
        public required string FileId { get; init; }

        public required string FileUniqueId { get; init; }

        public required long Size { get; init; }

        public required string FilePath { get; init; }

        public byte[]? Content { get; init; }

        public string? FileName { get; init; }

        public string? MimeType { get; init; }
    }

    private sealed class CallbackState
    {
        public required DateTimeOffset IssuedAt { get; init; }

        public required long UserId { get; init; }

        public required string Data { get; init; }

        public bool Answered { get; set; }
    }

    private sealed class PollState
    {
        public bool Conflicted { get; set; }

        public TaskCompletionSource Woken { get; } = NewSignal();
    }
}

/// <summary>An answerCallbackQuery the bot made.</summary>
public sealed record CallbackAnswer(string CallbackQueryId, long UserId, string Data, string? Text, bool ShowAlert, DateTimeOffset At);
