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

    /// <summary>The CPU time this process has used so far.</summary>
    public static TimeSpan CpuTime()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    public static string Int(double value) => value.ToString("#,0", Culture);

    public static string Ms(double value) => value < 10 ? value.ToString("0.0", Culture) + " ms" : value.ToString("#,0", Culture) + " ms";

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.00", Culture) + " s";

    public static string One(double value) => value.ToString("#,0.0", Culture);

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("#,0", Culture) + " MB";
}
