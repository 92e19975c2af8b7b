using System.Globalization;

namespace PoaBot.Bench;

/// <summary>Percentiles and number formatting for the printed figures.</summary>
internal static class Figures
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>Nearest-rank percentile of <paramref name="values"/> (p in 0..100).</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Rounds of warm-up after which the JIT compiler is given up on settling.</summary>
    public const int MaxWarmUpRounds = 40;

    /// <summary>
    /// Runs <paramref name="round"/> (given its number, from 0) until three in a row each compiled fewer than 10 methods, at
    /// most <see cref="MaxWarmUpRounds"/> times: tiered compilation recompiles a hot method after 30 calls, in the background
    /// and after a pause, so the first seconds of a process are not the steady state a running bot is in. Returns the rounds run.
    /// </summary>
    public static async Task<int> WarmUpAsync(Func<int, Task> round)
    {
        var quiet = 0;
        for (var i = 0; ; i++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            await round(i);
            quiet = System.Runtime.JitInfo.GetCompiledMethodCount() - before < 10 ? quiet + 1 : 0;
            if (quiet == 3 || i + 1 == MaxWarmUpRounds)
            {
                return i + 1;
            }
        }
    }

    /// <summary>The CPU time this process has used so far.</summary>
    public static TimeSpan CpuTime()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// Tells a profiler that the measured part begins or ends: writes "enable" or "disable" to the control FIFO named by
    /// BENCH_PERF_CTL (<c>perf record --control=fifo:PATH -D -1</c>), so that start-up and warm-up stay out of the profile.
    /// </summary>
    public static void Profile(bool measuring)
    {
        if (Environment.GetEnvironmentVariable("BENCH_PERF_CTL") is { Length: > 0 } fifo)
        {
            File.WriteAllText(fifo, measuring ? "enable\n" : "disable\n");
        }
    }

    public static string Int(double value) => value.ToString("#,0", Culture);

    public static string Ms(double value) => value < 10 ? value.ToString("0.0", Culture) + " ms" : value.ToString("#,0", Culture) + " ms";

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.00", Culture) + " s";

    public static string One(double value) => value.ToString("#,0.0", Culture);

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("#,0", Culture) + " MB";
}
