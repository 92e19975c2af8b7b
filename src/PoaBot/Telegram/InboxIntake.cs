using System.Text.Json;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>
/// The one way into the inbox, for the poller and the webhook alike: each update is stored as Telegram sent it (raw JSON),
/// keyed by its update_id, without asking Telegram.Bot to understand it. The updates are handed to the inbox processor,
/// the one writer, which inserts them at the start of its next transaction and handles them in it (each in its own
/// savepoint, so a failure leaves the row stored and pending): one durable commit per batch instead of two, and an update
/// that arrives while nothing else runs is answered after a single fsync. The caller learns when the rows are durable, and
/// only then confirms them to Telegram (the next getUpdates offset, or the webhook's 200).
/// </summary>
public sealed class InboxIntake(WorkSignals signals, MunicipalClock clock)
{
    private readonly Lock gate = new();
    private List<Arrival> arrived = [];

    /// <summary>Telegram answered a poll (with <paramref name="updates"/> updates): the poller's heartbeat.</summary>
    public void Polled(int updates) => signals.Health.Polled(clock.Now, updates);

    /// <summary>Stores one update body (a webhook request); false when it is not an update at all (no update_id).</summary>
    public async Task<bool> StoreAsync(string rawUpdate, CancellationToken cancellationToken)
    {
        JsonElement update;
        try
        {
            using var document = JsonDocument.Parse(rawUpdate);
            update = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return false;
        }

        return await StoreAsync([update], cancellationToken) is not null;
    }

    /// <summary>Stores updates (a getUpdates result) in one transaction; returns, once they are durable, the highest update_id stored, if any.</summary>
    public async Task<int?> StoreAsync(IReadOnlyList<JsonElement> updates, CancellationToken cancellationToken)
    {
        var rows = new List<InboxRow>();
        var at = clock.Now;
        foreach (var update in updates)
        {
            if (RawUpdate.IdOf(update) is { } id)
            {
                rows.Add(new InboxRow { UpdateId = id, ChatId = RawUpdate.ChatOf(update), Payload = update.GetRawText(), ReceivedAt = at });
            }
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var arrival = new Arrival(rows, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (gate)
        {
            arrived.Add(arrival);
        }

        signals.Inbox.Set();
        await arrival.Durable.Task.WaitAsync(cancellationToken);
        return (int)rows.Max(r => r.UpdateId);
    }

    /// <summary>For the inbox processor: takes what arrived, to be <see cref="Write"/>n, then <see cref="Committed"/> or <see cref="Failed"/>.</summary>
    public IReadOnlyList<Arrival> Take()
    {
        lock (gate)
        {
            if (arrived.Count == 0)
            {
                return [];
            }

            var taken = arrived;
            arrived = [];
            return taken;
        }
    }

    /// <summary>Inserts the arrivals' rows in the caller's transaction (an update delivered twice is a no-op).</summary>
    public static void Write(DbSession db, IReadOnlyList<Arrival> arrivals)
    {
        var inbox = new InboxStore(db);
        foreach (var row in arrivals.SelectMany(a => a.Rows))
        {
            inbox.Add(row.UpdateId, row.ChatId, row.Payload, row.ReceivedAt);
        }
    }

    public static void Committed(IReadOnlyList<Arrival> arrivals)
    {
        foreach (var arrival in arrivals)
        {
            arrival.Durable.SetResult();
        }
    }

    /// <summary>The transaction failed: the callers are told and do not confirm the updates, which Telegram will send again.</summary>
    public static void Failed(IReadOnlyList<Arrival> arrivals, Exception error)
    {
        foreach (var arrival in arrivals)
        {
            arrival.Durable.SetException(error);
        }
    }

    /// <summary>Updates handed over together, and the signal that they are durable.</summary>
    public sealed record Arrival(IReadOnlyList<InboxRow> Rows, TaskCompletionSource Durable);
}

/// <summary>What can be read from an update's raw JSON without Telegram.Bot: its id, chat, kind and callback query.</summary>
public static class RawUpdate
{
    public static int? IdOf(JsonElement update) =>
        update.ValueKind == JsonValueKind.Object && update.TryGetProperty("update_id", out var id) && id.TryGetInt32(out var value) ? value : null;

    /// <summary>The update's kind: its one property besides update_id ("message", "callback_query", ...).</summary>
    public static string? KindOf(JsonElement update) =>
        update.ValueKind != JsonValueKind.Object ? null
        : update.EnumerateObject().Where(p => p.Name != "update_id" && p.Value.ValueKind == JsonValueKind.Object).Select(p => p.Name).FirstOrDefault();

    /// <summary>The chat the update belongs to (a button without a message: the person's own chat); 0 when none can be read.</summary>
    public static long ChatOf(JsonElement update)
    {
        if (KindOf(update) is not { } kind)
        {
            return 0;
        }

        var body = update.GetProperty(kind);
        return IdIn(body, "chat") ?? (body.TryGetProperty("message", out var message) ? IdIn(message, "chat") : null) ?? IdIn(body, "from") ?? 0;
    }

    public static string? CallbackQueryIdOf(JsonElement update) =>
        KindOf(update) == "callback_query" && update.GetProperty("callback_query").TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static long? IdIn(JsonElement body, string property) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(property, out var owner) && owner.ValueKind == JsonValueKind.Object
        && owner.TryGetProperty("id", out var id) && id.TryGetInt64(out var value)
            ? value
            : null;
}
