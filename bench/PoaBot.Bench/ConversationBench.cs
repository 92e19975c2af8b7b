using System.Diagnostics;
using PoaBot.FakeTelegram;

namespace PoaBot.Bench;

internal sealed record StartupFigures(TimeSpan ToFirstPoll);

internal sealed record ConversationFigures(int Coordinators, int UpdatesPerCoordinator, long Committed, TimeSpan Wall, double P50Ms, double P99Ms, double MaxMs)
{
    public double UpdatesPerSecond => Committed / Wall.TotalSeconds;
}

/// <summary>
/// Start-up time, then N coordinators who each register (/start) and report a meeting, all at once, each waiting for
/// the bot's reply before the next step. The fake enforces no limits and the bot's pacing is lifted.
/// </summary>
internal static class ConversationBench
{
    public const int UpdatesPerCoordinator = 8;
    private const int WarmUp = 5;
    private const long FirstId = 8_000_001;

    public static async Task<(StartupFigures Startup, ConversationFigures? Conversations)> RunAsync(int coordinators)
    {
        await using var bot = await BenchBot.CreateAsync(new FakeBotApiOptions { EnforceRateLimits = false });
        var councils = Seed.Councils(bot.Database, 20);
        var invites = Seed.Invites(bot.Database, WarmUp + coordinators, councils);

        // 1. Start-up: from calling the command line's "run" to the first getUpdates the fake sees.
        var startedAt = bot.StartHost(BenchBot.Unpaced);
        var firstPoll = await bot.FirstPollAsync();
        var startup = new StartupFigures(firstPoll - startedAt);
        if (coordinators == 0)
        {
            return (startup, null);
        }

        await using var watcher = new ReplyWatcher(bot.Fake);

        // A few conversations first, so the figures are not the JIT compiler's.
        await Task.WhenAll(Enumerable.Range(0, WarmUp).Select(i => Person(bot.Fake, watcher, FirstId + i).RegisterAndReportAsync(invites[i])));

        // 2. Everyone at once.
        var people = Enumerable.Range(0, coordinators).Select(i => Person(bot.Fake, watcher, FirstId + WarmUp + i)).ToList();
        var doneBefore = bot.InboxDone();
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(people.Select((p, i) => p.RegisterAndReportAsync(invites[WarmUp + i])));
        clock.Stop();
        var end = people.Max(p => p.LastReplyAt);
        var committed = bot.InboxDone() - doneBefore;
        var latencies = people.SelectMany(p => p.LatenciesMs).ToList();
        return (startup, new ConversationFigures(
            coordinators,
            UpdatesPerCoordinator,
            committed,
            end - start,
            Figures.Percentile(latencies, 50),
            Figures.Percentile(latencies, 99),
            latencies.Max()));
    }

    private static Coordinator Person(FakeBotApi fake, ReplyWatcher watcher, long id) => new(fake, id, watcher.Watch(id));
}
