using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using PoaBot.Bench;

// The PoaBot benchmark: the real host and the fake Bot API server in this process; prints figures, asserts nothing.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

var started = DateTimeOffset.UtcNow;
var loadBefore = LoadAverage();
var total = Stopwatch.StartNew();
var lines = new List<string>();
var details = new List<string>();
var failed = false;

void Progress(string text) => Console.WriteLine($"[{total.Elapsed.TotalSeconds,6:0.0} s] {text}");

string PeakNow()
{
    using var process = Process.GetCurrentProcess();
    return Figures.Mb(process.PeakWorkingSet64);
}

async Task Phase(string name, Func<Task> run)
{
    // Let the previous scenario's garbage, finalizers and background work settle before timing the next one.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    await Task.Delay(TimeSpan.FromSeconds(1));
    Progress(name + " …");
    try
    {
        await run();
        Progress($"{name} done (peak working set so far {PeakNow()})");
    }
    catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or IOException or HttpRequestException)
    {
        failed = true;
        lines.Add($"{name}: FAILED — {ex.Message}");
        Progress($"{name} FAILED: {ex}");
    }
}

var deployment = options.Deployment;
string durability;
using (var probe = new BenchDatabase(deployment.Provider))
{
    durability = probe.Durability;
}

#if DEBUG
Console.WriteLine("warning: a Debug build; run with -c Release for meaningful figures.");
#endif

double? unpacedP50 = null;
if (options.Alone > 0)
{
    await Phase("one person alone", async () =>
    {
        var a = await StepBench.RunAsync(options.Alone, paced: false, deployment);
        unpacedP50 = a.P50Ms;
        lines.Add($"one person alone, unpaced: {Figures.Int(a.Steps)} steps, update→reply p50 {Figures.Ms(a.P50Ms)}, p99 {Figures.Ms(a.P99Ms)}{Floor(a.P50Ms <= 3, "p50 ≤ 3 ms")}");
        details.Add($"one person alone: CPU {Figures.Ms(a.CpuMsPerStep)} per step (host, fake server and the person together); {Figures.Int(a.JitCompiled)} methods compiled meanwhile, after {Figures.Int(a.WarmUpReports)} reports of warm-up");
    });
}

if (options.Paced > 0)
{
    await Phase("one person tapping once a second, paced", async () =>
    {
        var p = await StepBench.RunAsync(options.Paced, paced: true, deployment);
        lines.Add(
            $"one person tapping once a second, pacing on, fake enforcing 1 msg/s per chat after a burst of 3: {Figures.Int(p.Steps)} steps, " +
            $"p50 {Figures.Ms(p.P50Ms)}, p99 {Figures.Ms(p.P99Ms)}" +
            (unpacedP50 is { } u ? Floor(p.P50Ms <= u + 5, "within 5 ms of unpaced") : ""));
    });
}

if (options.Coordinators > 50)
{
    await Phase("50 coordinators", async () =>
    {
        var (_, c) = await ConversationBench.RunAsync(50, deployment);
        lines.Add($"conversations: {c}{Floor(c!.UpdatesPerSecond >= 1500, "1,500 updates/s")}");
    });
}

await Phase("start-up and conversations", async () =>
{
    var (startup, conversations) = await ConversationBench.RunAsync(options.Coordinators, deployment);
    lines.Add($"start-up to first {startup.ConnectedBy}{(startup.Hosts > 1 ? $" of each of {startup.Hosts} hosts" : "")}: {Figures.Int(startup.ToConnected.TotalMilliseconds)} ms");
    if (conversations is { } c)
    {
        lines.Add($"conversations: {c}{(c.Coordinators == 50 ? Floor(c.UpdatesPerSecond >= 1500, "1,500 updates/s") : "")}");
        details.Add(
            $"conversations: {Figures.Int(c.Committed)} inbox rows done in {Figures.Seconds(c.Wall)} (first injection to last reply), " +
            $"slowest step {Figures.Ms(c.MaxMs)}; after a warm-up of {Figures.Int(c.WarmUpRounds)} rounds of 5 conversations");
        details.Add(
            $"conversations, where a step's time goes (p50 / p99): injected → {(deployment.Webhook > 0 ? "stored by the webhook" : "taken by getUpdates")} {c.Stages.ToPoller}; " +
            $"→ inbox processor's batch began {c.Stages.ToProcessor}; → reply at the fake {c.Stages.ToReply}");
        details.Add($"conversations: inbox processor {c.Stages.Processor}; outbox sender {c.Stages.Sender}");
        details.Add(
            $"conversations: CPU per update of this process (host{(deployment.Instances > 1 ? "s" : "")}, fake server and coordinators together, on {Environment.ProcessorCount} cores)" +
            (c.ServerCpuMsPerUpdate is null ? "" : " and of the PostgreSQL server (all its processes, from /proc)") + $"; {Figures.Int(c.JitCompiled)} methods compiled meanwhile");
    }
});

if (options.Burst > 0)
{
    await Phase("burst", async () =>
    {
        var b = await BurstBench.RunAsync(options.Burst, options.BurstUsers, deployment);
        lines.Add(
            $"burst: {Figures.Int(b.Updates)} updates committed in {Figures.Seconds(b.Committed)} = {Figures.Int(b.UpdatesPerSecond)} updates/s" +
            Floor(b.UpdatesPerSecond >= 600, "600 updates/s"));
        details.Add(
            $"burst: {Figures.Int(b.Updates)} × /ayuda from {Figures.Int(b.Users)} people injected in {Figures.Seconds(b.Inject)}; " +
            $"all committed at {Figures.Seconds(b.Committed)}, all replies at the fake at {Figures.Seconds(b.Replied)} " +
            $"({Figures.Int(b.Updates / b.Replied.TotalSeconds)} replies/s end to end)");
    });
}

if (options.Records > 0)
{
    await Phase("/resumen", () =>
    {
        var s = SummaryBench.Run(options.Records, options.Runs);
        lines.Add(
            $"/resumen at {Figures.Int(s.Records)} records{(deployment.Provider == Deployment.Sqlite ? "" : " (on SQLite)")}: engine turn p50 {Figures.Ms(s.EngineTurn.P50Ms)}, p99 {Figures.Ms(s.EngineTurn.P99Ms)} " +
            $"(Progress only p50 {Figures.Ms(s.ProgressOnly.P50Ms)}){Floor(s.EngineTurn.P99Ms < 50, "50 ms")}");
        details.Add(
            $"/resumen: {Figures.Int(s.Runs)} runs of each measure after {SummaryBench.WarmUpRuns} warm-up runs; as the engine computes it for a coordinator " +
            $"(Progress for all + Progress for their councils + Render) p50 {Figures.Ms(s.Computation.P50Ms)}, p99 {Figures.Ms(s.Computation.P99Ms)}");
        details.Add(
            $"/resumen pieces (p50 / p99): Progress all councils {s.ProgressOnly}, Progress one council {s.ProgressMine}, " +
            $"Render {s.Render}, durable commit of a one-row write {s.Commit}");
        details.Add($"/resumen: {Figures.Int(s.Records)} records inserted in {Figures.Seconds(s.Build)}; REAL counted to date {Figures.Int(s.RealCounted)} (records plus the POA's baseline)");
        return Task.CompletedTask;
    });
}

if (options.Fanout > 0)
{
    await Phase("fan-out", async () =>
    {
        var f = await FanoutBench.RunAsync(options.Fanout, deployment);
        lines.Add(
            $"fan-out: {Figures.Int(f.Sent)} reminders at {Figures.One(f.PerSecond)} msg/s ({(f.ShareOfLimit * 100).ToString("0.0", CultureInfo.InvariantCulture)}% of {f.GlobalLimit}/s), " +
            $"429s: {f.RateLimited}{Floor(f.ShareOfLimit >= 0.95 && f.RateLimited == 0, "≥ 95% and no 429")}");
        details.Add(
            $"fan-out: first to last successful sendMessage {Figures.Seconds(f.FirstToLast)}; after the first second {Figures.One(f.SteadyPerSecond)} msg/s; " +
            $"default pacing; the fake enforces 30/s global (a full 30-message bucket at start) and 1/s per chat");
    });
}

using (var process = Process.GetCurrentProcess())
{
    lines.Add($"peak working set: {Figures.Mb(process.PeakWorkingSet64)} (host + fake server + bench in one process)");
    details.Add(
        $"machine: 1-minute load average {loadBefore} before the run, {LoadAverage()} after; this process used " +
        $"{Figures.Seconds(process.TotalProcessorTime)} of CPU in {Figures.Seconds(total.Elapsed)}; other work on the machine skews the figures");
}

Console.WriteLine();
Console.WriteLine("details:");
foreach (var line in details)
{
    Console.WriteLine("  " + line);
}

Console.WriteLine();
Console.WriteLine(
    $"PoaBot benchmark — {started:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {deployment}, {durability}, " +
    $"{RuntimeInformation.FrameworkDescription}, total {Figures.Seconds(total.Elapsed)}");
foreach (var line in lines)
{
    Console.WriteLine(line);
}

return failed ? 1 : 0;

// The 1-minute load average on Linux, to show whether something else was running; "n/a" elsewhere.
static string LoadAverage()
{
    try
    {
        return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
    }
    catch (IOException)
    {
        return "n/a";
    }
}

static string Floor(bool met, string floor) => met ? $"  [floor {floor}: met]" : $"  [floor {floor}: NOT met]";
