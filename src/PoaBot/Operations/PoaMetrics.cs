using System.Diagnostics.Metrics;

namespace PoaBot.Operations;

/// <summary>The <c>PoaBot</c> meter, exported by OpenTelemetry (OTLP and /metrics).</summary>
public static class PoaMetrics
{
    public const string MeterName = "PoaBot";
    private static readonly Meter Meter = new(MeterName, AppVersion.Version);
    private static long outboxBacklog;

    public static Counter<long> UpdatesReceived { get; } = Meter.CreateCounter<long>("poabot.updates.received", "{update}", "Updates stored in the inbox");

    public static Counter<long> UpdatesHandled { get; } = Meter.CreateCounter<long>("poabot.updates.handled", "{update}", "Updates handled and committed");

    public static Histogram<double> UpdateLatency { get; } = Meter.CreateHistogram<double>("poabot.update.latency", "s", "From an update reaching the inbox to its replies committed to the outbox");

    public static Counter<long> Sends { get; } = Meter.CreateCounter<long>("poabot.sends", "{message}", "Outbox sends by outcome");

    public static Counter<long> TooManyRequests { get; } = Meter.CreateCounter<long>("poabot.sends.throttled", "{response}", "429 answers from Telegram");

    public static Counter<long> RemindersQueued { get; } = Meter.CreateCounter<long>("poabot.reminders.sent", "{reminder}", "Reminders written to the outbox");

    public static ObservableGauge<long> OutboxBacklog { get; } =
        Meter.CreateObservableGauge("poabot.outbox.backlog", () => Interlocked.Read(ref outboxBacklog), "{message}", "Pending outbox rows");

    public static void Handled(TimeSpan latency)
    {
        UpdatesHandled.Add(1);
        UpdateLatency.Record(Math.Max(0, latency.TotalSeconds));
    }

    /// <summary>One outbox row's outcome (sent, retry, unreachable, failed); a 429 also counts as throttled.</summary>
    public static void Send(string outcome, string? error)
    {
        Sends.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToLowerInvariant()));
        if (error?.StartsWith("429", StringComparison.Ordinal) == true)
        {
            TooManyRequests.Add(1);
        }
    }

    public static void Backlog(long pending) => Interlocked.Exchange(ref outboxBacklog, pending);
}
