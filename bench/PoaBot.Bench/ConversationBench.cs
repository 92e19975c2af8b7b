using PoaBot.Core.Storage;
using PoaBot.FakeTelegram;

namespace PoaBot.Bench;

/// <summary>From calling the command line's "run" to the fake seeing every host connected (its first getUpdates or setWebhook).</summary>
internal sealed record StartupFigures(TimeSpan ToConnected, string ConnectedBy, int Hosts);

internal sealed record ConversationFigures(int Coordinators, int UpdatesPerCoordinator, long Committed, TimeSpan Wall, double P50Ms, double P99Ms, double MaxMs)
{
    public double UpdatesPerSecond => Committed / Wall.TotalSeconds;

    /// <summary>CPU time this process (host, fake server and simulated people together) spent per update while they ran.</summary>
    public required double CpuMsPerUpdate { get; init; }

    /// <summary>CPU time the PostgreSQL server spent per update meanwhile (null with SQLite, whose work is in this process).</summary>
    public required double? ServerCpuMsPerUpdate { get; init; }

    /// <summary>Rounds of 5 conversations run before, until the JIT compiler settled.</summary>
    public required int WarmUpRounds { get; init; }

    /// <summary>Methods the JIT compiler compiled during the measured conversations.</summary>
    public required long JitCompiled { get; init; }

    /// <summary>Where a step's latency goes, from the inbox row's own timestamps (millisecond resolution).</summary>
    public required StageFigures Stages { get; init; }

    public override string ToString() =>
        $"{Figures.Int(Coordinators)} coordinators × {UpdatesPerCoordinator} updates: {Figures.Int(UpdatesPerSecond)} updates/s; " +
        $"update→reply p50 {Figures.Ms(P50Ms)}, p99 {Figures.Ms(P99Ms)}; CPU {Figures.Ms(CpuMsPerUpdate)} per update" +
        (ServerCpuMsPerUpdate is { } server ? $" + PostgreSQL server {Figures.Ms(server)}" : "");
}

/// <summary>
/// Per step, p50 and p99 of: injected → the poller got it from getUpdates, or the webhook stored it (inbox received_at); → the inbox processor's
/// batch began (done_at is the batch's "now"); → the reply reached the fake (engine, commit, outbox sender).
/// </summary>
internal sealed record StageFigures(Timing ToPoller, Timing ToProcessor, Timing ToReply)
{
    /// <summary>Inbox processor batches in the measured window (rows sharing one done_at).</summary>
    public required BatchFigures Processor { get; init; }

    /// <summary>Outbox sender batches in the measured window (rows sharing one sent_at), callback answers included.</summary>
    public required BatchFigures Sender { get; init; }
}

/// <summary>How many batches, their median size, and the median time from one batch's timestamp to the next.</summary>
internal sealed record BatchFigures(int Count, double MedianSize, double MedianGapMs)
{
    public static BatchFigures Of(IEnumerable<string> stamps)
    {
        var batches = stamps.GroupBy(s => s, StringComparer.Ordinal).Select(g => (At: Instants.Parse(g.Key), Size: g.Count())).OrderBy(b => b.At).ToList();
        var gaps = batches.Zip(batches.Skip(1), (a, b) => (b.At - a.At).TotalMilliseconds).ToList();
        return new BatchFigures(batches.Count, Figures.Percentile(batches.Select(b => (double)b.Size).ToList(), 50), Figures.Percentile(gaps, 50));
    }

    public override string ToString() =>
        $"{Figures.Int(Count)} batches of median {Figures.Int(MedianSize)}, one every {Figures.Ms(MedianGapMs)} (median)";
}

/// <summary>
/// Start-up time, then N coordinators who each register (/start) and report three meetings, all at once, each waiting for
/// the bot's reply before the next step. The fake enforces no limits and the bot's pacing is lifted.
/// </summary>
internal static class ConversationBench
{
    /// <summary>Meetings each coordinator reports in the measured run: enough steps for steady figures.</summary>
    private const int Meetings = 3;
    public const int UpdatesPerCoordinator = 1 + (6 * Meetings);
    private const int WarmUp = 5;
    private const long FirstId = 8_000_001;

    public static async Task<(StartupFigures Startup, ConversationFigures? Conversations)> RunAsync(int coordinators, Deployment deployment)
    {
        await using var bot = await BenchBot.CreateAsync(new FakeBotApiOptions { EnforceRateLimits = false }, deployment);
        var councils = Seed.Councils(bot.Database, 20);
        var invites = Seed.Invites(bot.Database, (WarmUp * Figures.MaxWarmUpRounds) + coordinators, councils);

        // 1. Start-up: from calling the command line's "run" to every host connected.
        var startedAt = bot.StartHost(BenchBot.Unpaced);
        var connected = await bot.ConnectedAsync();
        var startup = new StartupFigures(connected - startedAt, bot.ConnectedBy, deployment.Instances);
        if (coordinators == 0)
        {
            return (startup, null);
        }

        await using var watcher = new ReplyWatcher(bot.Fake);

        // Rounds of a few conversations first, until the JIT compiler has settled, so the figures are not its.
        var warmUp = await Figures.WarmUpAsync(round => Task.WhenAll(Enumerable.Range(round * WarmUp, WarmUp)
            .Select(i => Person(bot.Fake, watcher, FirstId + i).RegisterAndReportAsync(invites[i]))));

        // 2. Everyone at once.
        var first = warmUp * WarmUp;
        var people = Enumerable.Range(0, coordinators).Select(i => Person(bot.Fake, watcher, FirstId + first + i)).ToList();
        var doneBefore = bot.InboxDone();
        var start = DateTimeOffset.UtcNow;
        Figures.Profile(measuring: true);
        var cpu = Figures.CpuTime();
        var serverCpu = bot.ServerCpuTime();
        var jit = System.Runtime.JitInfo.GetCompiledMethodCount();
        await Task.WhenAll(people.Select((p, i) => p.RegisterAndReportAsync(invites[first + i], Meetings)));
        jit = System.Runtime.JitInfo.GetCompiledMethodCount() - jit;
        cpu = Figures.CpuTime() - cpu;
        var serverCpuUsed = bot.ServerCpuTime() - serverCpu;
        Figures.Profile(measuring: false);
        var end = people.Max(p => p.LastReplyAt);
        var committed = bot.InboxDone() - doneBefore;
        var latencies = people.SelectMany(p => p.LatenciesMs).ToList();
        var stages = Stages(bot, people.SelectMany(p => p.Steps).ToList());
        return (startup, new ConversationFigures(
            coordinators,
            UpdatesPerCoordinator,
            committed,
            end - start,
            Figures.Percentile(latencies, 50),
            Figures.Percentile(latencies, 99),
            latencies.Max())
        {
            Stages = stages,
            CpuMsPerUpdate = cpu.TotalMilliseconds / Math.Max(1, committed),
            ServerCpuMsPerUpdate = serverCpuUsed?.TotalMilliseconds / Math.Max(1, committed),
            WarmUpRounds = warmUp,
            JitCompiled = jit,
        });
    }

    private static StageFigures Stages(BenchBot bot, List<(long UpdateId, DateTimeOffset InjectedAt, DateTimeOffset ReplyAt)> steps)
    {
        var rows = bot.Database.Read(db => db.Query<InboxTimes>("SELECT update_id, received_at, done_at FROM inbox WHERE done_at IS NOT NULL")
            .ToDictionary(r => r.UpdateId));
        var toPoller = new List<double>();
        var toProcessor = new List<double>();
        var toReply = new List<double>();
        foreach (var (updateId, injectedAt, replyAt) in steps)
        {
            if (rows.TryGetValue(updateId, out var row))
            {
                var received = Instants.Parse(row.ReceivedAt);
                var batch = Instants.Parse(row.DoneAt!);
                toPoller.Add((received - injectedAt).TotalMilliseconds);
                toProcessor.Add((batch - received).TotalMilliseconds);
                toReply.Add((replyAt - batch).TotalMilliseconds);
            }
        }

        var ids = steps.Select(s => s.UpdateId).ToHashSet();
        var doneStamps = rows.Values.Where(r => ids.Contains(r.UpdateId)).Select(r => r.DoneAt!).ToList();
        var first = doneStamps.Min(StringComparer.Ordinal);
        var sentStamps = bot.Database.Read(db => db.Query<string>(
            "SELECT sent_at FROM outbox WHERE sent_at IS NOT NULL AND created_at >= @first", new { first }).ToList());
        return new StageFigures(Timing.Of(toPoller), Timing.Of(toProcessor), Timing.Of(toReply))
        {
            Processor = BatchFigures.Of(doneStamps),
            Sender = BatchFigures.Of(sentStamps),
        };
    }

    private static Coordinator Person(FakeBotApi fake, ReplyWatcher watcher, long id) => new(fake, id, watcher.Watch(id));
}

internal sealed class InboxTimes
{
    public long UpdateId { get; init; }

    public string ReceivedAt { get; init; } = "";

    public string? DoneAt { get; init; }
}
