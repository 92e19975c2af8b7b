using System.Text.Json;
using System.Text.Json.Serialization;
using PoaBot.Core.Conversations;

namespace PoaBot.Core.Storage;

public sealed class OutboxRow
{
    public long Id { get; init; }

    public long ChatId { get; init; }

    public string Kind { get; init; } = "";

    public string Payload { get; init; } = "";

    public long Attempts { get; init; }

    public DateTimeOffset NotBefore { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A message waiting to be sent: a reply, or the answer to a pressed button.</summary>
public sealed record OutgoingMessage
{
    public string Html { get; init; } = "";

    public IReadOnlyList<IReadOnlyList<Button>> Buttons { get; init; } = [];

    public bool MainKeyboard { get; init; }

    public string? EvidenceFileId { get; init; }

    public bool EvidenceIsPhoto { get; init; }

    /// <summary>A file to send (an export, a chart), relative to the data folder (<c>Storage:Folder</c>) that every instance reaches.</summary>
    public string? DocumentPath { get; init; }

    public bool DocumentIsPhoto { get; init; }

    /// <summary>The bot's message to edit into this one (text and inline buttons) instead of sending a new message.</summary>
    public long? EditMessageId { get; init; }

    /// <summary>A later message of the chat with the same key replaces this one while it is unsent (<see cref="Reply.CollapseKey"/>).</summary>
    public string? CollapseKey { get; init; }

    /// <summary>For a callback answer: the query to answer.</summary>
    public string? CallbackQueryId { get; init; }
}

/// <summary>
/// Messages to send, written in the same transaction as the change that caused them and sent after the commit. A reply
/// that replaces a question is a 'message' row whose payload names the message to edit.
/// Every message fits a phone: a text longer than <see cref="MaxText"/> is split at paragraph or line breaks into
/// consecutive messages, the buttons and keyboard going with the last one.
/// </summary>
public sealed class OutboxStore(DbSession db)
{
    /// <summary>The longest message sent, in characters of its HTML (Telegram itself allows 4,096).</summary>
    public const int MaxText = 1000;

    public void Enqueue(long chatId, Reply reply, DateTimeOffset now, string? dedupeKey = null)
    {
        if (reply.CollapseKey is { } collapse)
        {
            db.Execute(
                $"""
                DELETE FROM outbox WHERE chat_id = @chatId AND kind = 'message' AND status = 'pending' AND attempts = 0
                                     AND {db.Sql.JsonText("payload", "CollapseKey")} = @collapse
                """,
                new { chatId, collapse });
        }

        var parts = reply.EvidenceFileId is null && reply.DocumentPath is null ? Split(reply.Html, MaxText) : [reply.Html];
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            Insert(chatId, "message", new OutgoingMessage
            {
                Html = parts[i],
                Buttons = last ? reply.Buttons : [],
                MainKeyboard = last && reply.MainKeyboard,
                EvidenceFileId = reply.EvidenceFileId,
                EvidenceIsPhoto = reply.EvidenceIsPhoto,
                DocumentPath = reply.DocumentPath is { } file ? Path.GetRelativePath(db.Sql.DataFolder, file) : null,
                DocumentIsPhoto = reply.DocumentIsPhoto,
                EditMessageId = i == 0 ? reply.EditMessageId : null,
                CollapseKey = reply.CollapseKey,
            }, now, dedupeKey is null ? null : $"{dedupeKey}:{i}");
        }
    }

    public void EnqueueCallbackAnswer(long chatId, string callbackQueryId, string? text, DateTimeOffset now) =>
        Insert(chatId, "callback_answer", new OutgoingMessage { Html = text ?? "", CallbackQueryId = callbackQueryId }, now, $"cb:{callbackQueryId}");

    /// <summary>
    /// What the sender can take, in one read: the pending callback answers first, then the pending messages in order (a
    /// chat's first one holds the later ones). Rows in <paramref name="skip"/> (being sent, or sent with the outcome not yet
    /// committed) and the messages of <paramref name="busyChats"/> (being sent in order) are left out: under load most
    /// pending rows are those, and reading them again at every wake was most of the sender's work.
    /// </summary>
    public IReadOnlyList<OutboxRow> Pending(int limit, IReadOnlyCollection<long> skip, IReadOnlyCollection<long> busyChats) =>
        db.Query<OutboxRow>(
            $"""
            SELECT id, chat_id, kind, payload, attempts, not_before, created_at FROM outbox
            WHERE status = 'pending' AND NOT {db.Sql.In("id", "@skip")} AND (kind <> 'message' OR NOT {db.Sql.In("chat_id", "@busyChats")})
            ORDER BY kind = 'message', id LIMIT @limit
            """,
            new { limit, skip = db.Sql.List(skip), busyChats = db.Sql.List(busyChats) }).ToList();

    /// <summary>A chat's pending messages, in order.</summary>
    public IReadOnlyList<OutboxRow> PendingMessages(long chatId, int limit) =>
        db.Query<OutboxRow>(
            """
            SELECT id, chat_id, kind, payload, attempts, not_before, created_at FROM outbox
            WHERE chat_id = @chatId AND kind = 'message' AND status = 'pending' ORDER BY id LIMIT @limit
            """,
            new { chatId, limit }).ToList();

    /// <summary>Messages sent (not edits) since <paramref name="since"/>: where the pacing of a new process starts.</summary>
    public IReadOnlyList<(long ChatId, DateTimeOffset At)> SentSince(DateTimeOffset since) =>
        db.Query<(long, DateTimeOffset)>(
            """
            SELECT chat_id, sent_at FROM outbox
            WHERE status = 'sent' AND kind = 'message' AND sent_at >= @since AND payload NOT LIKE '%"EditMessageId":%'
            """,
            new { since }).ToList();

    public void Sent(long id, DateTimeOffset at) =>
        db.Execute("UPDATE outbox SET status = 'sent', sent_at = @at, error = NULL WHERE id = @id", new { id, at });

    public void Retry(long id, DateTimeOffset notBefore, string error, bool countAttempt) =>
        db.Execute(
            "UPDATE outbox SET not_before = @notBefore, error = @error, attempts = attempts + @count WHERE id = @id",
            new { id, notBefore, error, count = countAttempt ? 1 : 0 });

    public void Failed(long id, string error) =>
        db.Execute("UPDATE outbox SET status = 'failed', error = @error, attempts = attempts + 1 WHERE id = @id", new { id, error });

    /// <summary>The person blocked the bot or the chat is gone: this and every pending message to the chat stop.</summary>
    public void Unreachable(long chatId, string error) =>
        db.Execute("UPDATE outbox SET status = 'unreachable', error = @error WHERE chat_id = @chatId AND status = 'pending'", new { chatId, error });

    public static OutgoingMessage Read(OutboxRow row) =>
        JsonSerializer.Deserialize(row.Payload, OutboxJson.Default.OutgoingMessage) ?? new OutgoingMessage();

    /// <summary>
    /// Splits text at paragraph breaks, else line breaks (or, for a single huge line, at spaces) into parts of at most
    /// <paramref name="max"/> characters.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        if (text.Length <= max)
        {
            return [text];
        }

        var parts = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf("\n\n", max - 1, StringComparison.Ordinal);
            if (cut < max / 2)
            {
                cut = rest.LastIndexOf('\n', max - 1);
            }

            if (cut <= 0)
            {
                cut = rest.LastIndexOf(' ', max - 1);
            }

            if (cut <= 0)
            {
                cut = max;
            }

            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart('\n', ' ');
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private void Insert(long chatId, string kind, OutgoingMessage message, DateTimeOffset now, string? dedupeKey)
    {
        db.Wake();
        db.Execute(
            """
            INSERT INTO outbox (chat_id, kind, payload, created_at, not_before, dedupe_key)
            VALUES (@chatId, @kind, @payload, @now, @now, @dedupeKey) ON CONFLICT DO NOTHING
            """,
            new { chatId, kind, payload = JsonSerializer.Serialize(message, OutboxJson.Default.OutgoingMessage), now, dedupeKey });
    }
}

[JsonSerializable(typeof(OutgoingMessage))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
internal sealed partial class OutboxJson : JsonSerializerContext;
