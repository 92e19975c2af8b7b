namespace PoaBot.Core.Storage;

/// <summary>What the running bot reports about itself (the <c>health</c> row).</summary>
public sealed class HealthRow
{
    public DateTimeOffset WrittenAt { get; init; }

    public DateTimeOffset? LastPollAt { get; init; }

    public DateTimeOffset? SenderBeatAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

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
            new { now, lastPoll, senderBeat, lastError, lastErrorAt, version });

    public HealthFigures Read(DateTimeOffset now, long databaseBytes) =>
        new(
            db.Single<HealthRow>("SELECT written_at, last_poll_at, sender_beat_at, last_error, last_error_at, version FROM health WHERE id = 1"),
            db.Scalar<long>("SELECT count(*) FROM inbox WHERE status = 'pending'"),
            db.Single<DateTimeOffset?>("SELECT min(received_at) FROM inbox WHERE status = 'pending'"),
            OutboxPending(),
            db.Single<DateTimeOffset?>("SELECT min(not_before) FROM outbox WHERE status = 'pending' AND not_before <= @now", new { now }),
            db.Scalar<long>("SELECT count(*) FROM inbox WHERE status = 'failed'"),
            db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'failed'"),
            databaseBytes);

    public long OutboxPending() => db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'pending'");
}
