using PoaBot.FakeTelegram;

namespace PoaBot.Bench;

internal sealed record StepFigures(int Steps, double P50Ms, double P99Ms, double CpuMsPerStep, int WarmUpReports, long JitCompiled);

/// <summary>
/// One person alone, reporting meeting after meeting: the latency of each step (update injected → reply recorded by the
/// fake). Unpaced: the bot's pacing lifted, the fake enforcing nothing. Paced: the bot's default pacing, the fake enforcing
/// Telegram's limits (per chat a burst of 3 then 1 message/s), and the person tapping once a second.
/// </summary>
internal static class StepBench
{
    private const long Person = 8_900_001;

    public static async Task<StepFigures> RunAsync(int reports, bool paced, Deployment deployment)
    {
        await using var bot = await BenchBot.CreateAsync(new FakeBotApiOptions { EnforceRateLimits = paced }, deployment);
        var councils = Seed.Councils(bot.Database, 1);
        var invite = Seed.Invites(bot.Database, 1, councils)[0];
        bot.StartHost(paced ? null : BenchBot.Unpaced);
        await bot.ConnectedAsync();
        await using var watcher = new ReplyWatcher(bot.Fake);
        var person = new Coordinator(bot.Fake, Person, watcher.Watch(Person), paced ? TimeSpan.FromSeconds(1) : TimeSpan.Zero);
        await person.RegisterAndReportAsync(invite);

        // Unpaced, reports until the JIT compiler has settled; the figures are of the ones after them. Paced, a step a second
        // gives the compiler time enough.
        var warmUp = paced ? 0 : await Figures.WarmUpAsync(_ => person.ReportAsync());
        var warm = person.LatenciesMs.Count;
        Figures.Profile(measuring: true);
        var cpu = Figures.CpuTime();
        var jit = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var i = 0; i < reports; i++)
        {
            await person.ReportAsync();
        }

        var steps = person.LatenciesMs.Skip(warm).ToList();
        cpu = Figures.CpuTime() - cpu;
        Figures.Profile(measuring: false);
        jit = System.Runtime.JitInfo.GetCompiledMethodCount() - jit;

        return new StepFigures(steps.Count, Figures.Percentile(steps, 50), Figures.Percentile(steps, 99), cpu.TotalMilliseconds / Math.Max(1, steps.Count), warmUp + 1, jit);
    }
}
