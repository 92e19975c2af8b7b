namespace PoaBot.Core.Storage;

public sealed class InboxRow
{
    public long UpdateId { get; init; }

    public long ChatId { get; init; }

    public string Payload { get; init; } = "";

    public DateTimeOffset ReceivedAt { get; init; }

    public long Attempts { get; init; }
}

/// <summary>Updates as they arrived, before their offset is confirmed. The update_id key makes a second delivery a no-op.</summary>
public sealed class InboxStore(DbSession db)
{
    /// <summary>Stores an update; false when it was already there (delivered twice).</summary>
    public bool Add(long updateId, long chatId, string payload, DateTimeOffset receivedAt)
    {
        db.Wake();
        return db.Execute(
            "INSERT INTO inbox (update_id, chat_id, payload, received_at) VALUES (@updateId, @chatId, @payload, @at) ON CONFLICT DO NOTHING",
            new { updateId, chatId, payload, at = receivedAt }) == 1;
    }

    public IReadOnlyList<InboxRow> Pending(int limit) =>
        db.Query<InboxRow>(
            "SELECT update_id, chat_id, payload, received_at, attempts FROM inbox WHERE status = 'pending' ORDER BY update_id LIMIT @limit",
            new { limit }).ToList();

    public void Done(long updateId, DateTimeOffset at) =>
        db.Execute("UPDATE inbox SET status = 'done', done_at = @at WHERE update_id = @updateId", new { updateId, at });

    /// <summary>Counts a failed attempt; after <paramref name="maxAttempts"/> the update is set aside with its error.</summary>
    public bool Failed(long updateId, string error, int maxAttempts, DateTimeOffset at)
    {
        db.Execute(
            """
            UPDATE inbox SET attempts = attempts + 1, error = @error,
                status = CASE WHEN attempts + 1 >= @maxAttempts THEN 'failed' ELSE 'pending' END,
                done_at = CASE WHEN attempts + 1 >= @maxAttempts THEN @at ELSE NULL END
            WHERE update_id = @updateId
            """,
            new { updateId, error, maxAttempts, at });
        return db.Scalar<string>("SELECT status FROM inbox WHERE update_id = @updateId", new { updateId }) == "failed";
    }

    public long CountPending() => db.Scalar<long>("SELECT count(*) FROM inbox WHERE status = 'pending'");
}
