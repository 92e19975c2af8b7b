using System.Diagnostics;
using PoaBot.FakeTelegram;

namespace PoaBot.Bench;

internal sealed record BurstFigures(int Updates, int Users, TimeSpan Inject, TimeSpan Committed, TimeSpan Replied)
{
    public double UpdatesPerSecond => Updates / Committed.TotalSeconds;
}

/// <summary>
/// M updates ("/ayuda" from U registered people) injected at once; the time until every one is committed (inbox row
/// 'done'), and until every reply reached the fake. The fake enforces no limits and the bot's pacing is lifted.
/// </summary>
internal static class BurstBench
{
    private const long FirstId = 8_100_001;

    public static async Task<BurstFigures> RunAsync(int updates, int users, Deployment deployment)
    {
        await using var bot = await BenchBot.CreateAsync(new FakeBotApiOptions { EnforceRateLimits = false }, deployment);
        var councils = Seed.Councils(bot.Database, 20);
        var ids = Enumerable.Range(0, users).Select(i => FirstId + i).ToList();
        Seed.Coordinators(bot.Database, ids, councils);
        foreach (var id in ids)
        {
            bot.Fake.RegisterUser(id);
        }

        bot.StartHost(BenchBot.Unpaced);
        await bot.ConnectedAsync();

        var messagesBefore = bot.Fake.MessageCount;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < updates; i++)
        {
            bot.Fake.SendText(ids[i % users], "/ayuda");
        }

        var inject = clock.Elapsed;
        while (bot.InboxDone() < updates)
        {
            Timeout(clock, "commit");
            await Task.Delay(5);
        }

        var committed = clock.Elapsed;
        while (bot.Fake.MessageCount - messagesBefore < updates)
        {
            Timeout(clock, "replies");
            await Task.Delay(5);
        }

        return new BurstFigures(updates, users, inject, committed, clock.Elapsed);
    }

    private static void Timeout(Stopwatch clock, string what)
    {
        if (clock.Elapsed > TimeSpan.FromSeconds(120))
        {
            throw new TimeoutException($"Burst: the {what} did not finish within 120 s.");
        }
    }
}
