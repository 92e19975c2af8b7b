namespace PoaBot.Core.Storage;

/// <summary>Judges <see cref="HealthFigures"/>: healthy, or degraded with the reasons, in Spanish for the operator.</summary>
public static class HealthCheck
{
    /// <summary>The bot rewrites its row every few seconds and hears from Telegram (a poll, or the webhook check) at least every 25 s; a minute late is a stall.</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(2);

    /// <summary>A pending update or a due message waiting this long means a stuck processor or sender.</summary>
    public static readonly TimeSpan Backlog = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<string> Problems(HealthFigures f, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (f.Bot is null || now - f.Bot.WrittenAt > Stale)
        {
            problems.Add(StorageText.BotNotRunning);
        }
        else if (f.Bot.LastPollAt is null || now - f.Bot.LastPollAt > Stale)
        {
            problems.Add(StorageText.NoTelegramContact);
        }

        if (f.OldestInbox is { } inbox && now - inbox > Backlog)
        {
            problems.Add(StorageText.InboxBacklog(f.InboxPending, now - inbox));
        }

        if (f.OldestOutboxDue is { } outbox && now - outbox > Backlog)
        {
            problems.Add(StorageText.OutboxBacklog(f.OutboxPending, now - outbox));
        }

        return problems;
    }

    /// <summary>The figures as lines for a terminal.</summary>
    public static IEnumerable<string> Describe(HealthFigures f, DateTimeOffset now, Func<DateTimeOffset, string> local)
    {
        yield return StorageText.Version(f.Bot?.Version);
        yield return StorageText.LastContact(f.Bot?.LastPollAt is { } p ? local(p) : null);
        yield return StorageText.InboxPending(f.InboxPending, now - f.OldestInbox);
        yield return StorageText.OutboxPending(f.OutboxPending, now - f.OldestOutboxDue);
        yield return StorageText.SetAsideUpdates(f.SetAsideUpdates);
        yield return StorageText.SetAsideMessages(f.SetAsideMessages);
        yield return StorageText.LastError(f.Bot?.LastError is { } e ? $"{e} ({local(f.Bot.LastErrorAt!.Value)})" : null);
        yield return StorageText.DatabaseSize(f.DatabaseBytes);
    }
}
