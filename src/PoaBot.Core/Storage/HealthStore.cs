namespace PoaBot.Core.Storage;

/// <summary>What a running instance reports about itself (its <c>health</c> row).</summary>
public sealed class HealthRow
{
    /// <summary>The instance's name: <c>Health:Instance</c>, by default the host name and the port it listens on.</summary>
    public string Instance { get; init; } = "";

    public DateTimeOffset WrittenAt { get; init; }

    public DateTimeOffset? LastPollAt { get; init; }

    public DateTimeOffset? SenderBeatAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public string Version { get; init; } = "";
}

/// <summary>Everything <c>status</c> and <c>/healthz</c> judge: the instances' rows (by name) plus the inbox and outbox as they stand.</summary>
public sealed record HealthFigures(
    IReadOnlyList<HealthRow> Instances,
    long InboxPending,
    DateTimeOffset? OldestInbox,
    long OutboxPending,
    DateTimeOffset? OldestOutboxDue,
    long SetAsideUpdates,
    long SetAsideMessages,
    long DatabaseBytes);

public sealed class HealthStore(DbSession db)
{
    public void Write(string instance, DateTimeOffset now, DateTimeOffset? lastPoll, DateTimeOffset? senderBeat, string? lastError, DateTimeOffset? lastErrorAt, string version) =>
        db.Execute(
            """
            INSERT INTO health (instance, written_at, last_poll_at, sender_beat_at, last_error, last_error_at, version)
            VALUES (@instance, @now, @lastPoll, @senderBeat, @lastError, @lastErrorAt, @version)
            ON CONFLICT (instance) DO UPDATE SET written_at = excluded.written_at, last_poll_at = excluded.last_poll_at,
                sender_beat_at = excluded.sender_beat_at, last_error = excluded.last_error, last_error_at = excluded.last_error_at, version = excluded.version
            """,
            new { instance, now, lastPoll, senderBeat, lastError, lastErrorAt, version });

    /// <summary>An instance that stops on purpose takes its row with it; one that dies leaves it, shown as stopped.</summary>
    public void Remove(string instance) => db.Execute("DELETE FROM health WHERE instance = @instance", new { instance });

    public HealthFigures Read(DateTimeOffset now, long databaseBytes) =>
        new(
            db.Query<HealthRow>("SELECT instance, written_at, last_poll_at, sender_beat_at, last_error, last_error_at, version FROM health ORDER BY instance").ToList(),
            db.Scalar<long>("SELECT count(*) FROM inbox WHERE status = 'pending'"),
            db.Single<DateTimeOffset?>("SELECT min(received_at) FROM inbox WHERE status = 'pending'"),
            OutboxPending(),
            db.Single<DateTimeOffset?>("SELECT min(not_before) FROM outbox WHERE status = 'pending' AND not_before <= @now", new { now }),
            db.Scalar<long>("SELECT count(*) FROM inbox WHERE status = 'failed'"),
            db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'failed'"),
            databaseBytes);

    public long OutboxPending() => db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'pending'");
}
