namespace PoaBot.Core.Storage;

/// <summary>Judges <see cref="HealthFigures"/>: healthy, or degraded with the reasons, in Spanish for the operator.</summary>
public static class HealthCheck
{
    /// <summary>The bot rewrites its row every few seconds and hears from Telegram (a poll, or the webhook check) at least every 25 s; a minute late is a stall.</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(2);

    /// <summary>A pending update or a due message waiting this long means a stuck processor or sender.</summary>
    public static readonly TimeSpan Backlog = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The problems of the deployment (<paramref name="instance"/> null: <c>status</c>), or of one instance and the shared
    /// backlog (its <c>/healthz</c>, for a load balancer). An instance that stopped is no problem while another runs.
    /// </summary>
    public static IReadOnlyList<string> Problems(HealthFigures f, DateTimeOffset now, string? instance = null)
    {
        var problems = new List<string>();
        var running = f.Instances.Where(i => (instance is null || i.Instance == instance) && now - i.WrittenAt <= Stale).ToList();
        if (running.Count == 0)
        {
            problems.Add(StorageText.BotNotRunning);
        }

        foreach (var bot in running.Where(i => i.LastPollAt is null || now - i.LastPollAt > Stale))
        {
            problems.Add(f.Instances.Count > 1 ? $"{bot.Instance}: {StorageText.NoTelegramContact}" : StorageText.NoTelegramContact);
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
        // With several instances, each under its name; with one, as it always was.
        var several = f.Instances.Count > 1;
        var indent = several ? "  " : "";
        foreach (var bot in f.Instances.DefaultIfEmpty())
        {
            if (several)
            {
                yield return StorageText.Instance(bot!.Instance, now - bot.WrittenAt <= Stale, local(bot.WrittenAt));
            }

            yield return indent + StorageText.Version(bot?.Version);
            yield return indent + StorageText.LastContact(bot?.LastPollAt is { } p ? local(p) : null);
            yield return indent + StorageText.LastError(bot?.LastError is { } e ? $"{e} ({local(bot.LastErrorAt!.Value)})" : null);
        }

        yield return StorageText.InboxPending(f.InboxPending, now - f.OldestInbox);
        yield return StorageText.OutboxPending(f.OutboxPending, now - f.OldestOutboxDue);
        yield return StorageText.SetAsideUpdates(f.SetAsideUpdates);
        yield return StorageText.SetAsideMessages(f.SetAsideMessages);
        yield return StorageText.DatabaseSize(f.DatabaseBytes);
    }
}
