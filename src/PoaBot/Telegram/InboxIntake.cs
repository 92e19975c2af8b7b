using System.Text.Json;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>
/// The one way into the inbox, for the poller and the webhook alike: each update is stored as Telegram sent it (raw JSON),
/// keyed by its update_id, without asking Telegram.Bot to understand it. Mapping happens later, one update at a time.
/// </summary>
public sealed class InboxIntake(Database database, WorkSignals signals, MunicipalClock clock)
{
    /// <summary>Stores one update body (a webhook request); false when it is not an update at all (no update_id).</summary>
    public bool Store(string rawUpdate)
    {
        try
        {
            using var document = JsonDocument.Parse(rawUpdate);
            return Store([document.RootElement]) is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Stores updates (a getUpdates result) in one transaction; returns the highest update_id stored, if any.</summary>
    public int? Store(IReadOnlyList<JsonElement> updates)
    {
        var now = clock.Now;
        int? highest = null;
        database.Write(db =>
        {
            var inbox = new InboxStore(db);
            foreach (var update in updates)
            {
                if (RawUpdate.IdOf(update) is not { } id)
                {
                    continue;
                }

                inbox.Add(id, RawUpdate.ChatOf(update), update.GetRawText(), now);
                highest = Math.Max(highest ?? id, id);
            }
        });
        if (highest is not null)
        {
            signals.Inbox.Set();
        }

        return highest;
    }
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
