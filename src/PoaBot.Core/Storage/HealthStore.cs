namespace PoaBot.Core.Storage;

/// <summary>What the running bot reports about itself (the <c>health</c> row).</summary>
public sealed class HealthRow
{
    public string WrittenAt { get; init; } = "";

    public string? LastPollAt { get; init; }

    public string? SenderBeatAt { get; init; }

    public string? LastError { get; init; }

    public string? LastErrorAt { get; init; }

    public string Version { get; init; } = "";
}

/// <summary>Everything <c>status</c> and <c>/healthz</c> judge: the bot's own row plus the inbox and outbox as they stand.</summary>
public sealed record HealthFigures(
    HealthRow? Bot,
    long InboxPending,
    DateTimeOffset? OldestInbox,
    long OutboxPending,
    DateTimeOffset? OldestOutboxDue,
    long SetAsideUpdates,
    long SetAsideMessages,
    long DatabaseBytes);

public sealed class HealthStore(DbSession db)
{
    public void Write(DateTimeOffset now, DateTimeOffset? lastPoll, DateTimeOffset? senderBeat, string? lastError, DateTimeOffset? lastErrorAt, string version) =>
        db.Execute(
            """
            INSERT INTO health (id, written_at, last_poll_at, sender_beat_at, last_error, last_error_at, version)
            VALUES (1, @now, @lastPoll, @senderBeat, @lastError, @lastErrorAt, @version)
            ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at, last_poll_at = excluded.last_poll_at,
                sender_beat_at = excluded.sender_beat_at, last_error = excluded.last_error, last_error_at = excluded.last_error_at, version = excluded.version
            """,
            new
            {
                now = Instants.Format(now),
                lastPoll = lastPoll is { } p ? Instants.Format(p) : null,
                senderBeat = senderBeat is { } s ? Instants.Format(s) : null,
                lastError,
                lastErrorAt = lastErrorAt is { } e ? Instants.Format(e) : null,
                version,
            });

    public HealthFigures Read(DateTimeOffset now, long databaseBytes)
    {
        var at = Instants.Format(now);
        return new HealthFigures(
            db.Single<HealthRow>("SELECT written_at, last_poll_at, sender_beat_at, last_error, last_error_at, version FROM health WHERE id = 1"),
            db.Scalar<long>("SELECT count(*) FROM inbox WHERE status = 'pending'"),
            Parse(db.Single<string>("SELECT min(received_at) FROM inbox WHERE status = 'pending'")),
            db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'pending'"),
            Parse(db.Single<string>("SELECT min(not_before) FROM outbox WHERE status = 'pending' AND not_before <= @at", new { at })),
            db.Scalar<long>("SELECT count(*) FROM inbox WHERE status = 'failed'"),
            db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'failed'"),
            databaseBytes);
    }

    private static DateTimeOffset? Parse(string? text) => text is null ? null : Instants.Parse(text);
}
