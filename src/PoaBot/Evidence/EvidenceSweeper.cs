using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PoaBot.Core.Storage;

namespace PoaBot.Evidence;

/// <summary>
/// The maintenance step of evidence: at start-up and then daily (on the <see cref="TimeProvider"/>), removes files no
/// saved record or conversation refers to. Files younger than an hour are skipped, so in-flight drafts survive.
/// </summary>
public sealed partial class EvidenceSweeper(Database database, TimeProvider time, ILogger<EvidenceSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    public static readonly TimeSpan MinAge = TimeSpan.FromHours(1);

    /// <summary>One sweep; returns how many files it removed.</summary>
    public int SweepOnce()
    {
        var removed = database.Write(db => EvidenceFiles.Sweep(db, database.EvidenceFolder, time.GetUtcNow(), MinAge));
        if (removed > 0)
        {
            Swept(logger, removed);
        }

        return removed;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => PeriodicTimers.Run(
        Every, time, () => SweepOnce(), ex => ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException,
        ex => SweepFailed(logger, PeriodicTimers.Describe(ex)), stoppingToken);

    [LoggerMessage(40, LogLevel.Information, "Evidence sweep removed {Count} file(s) that no record or conversation refers to")]
    private static partial void Swept(ILogger logger, int count);

    [LoggerMessage(41, LogLevel.Warning, "Evidence sweep failed: {Error}")]
    private static partial void SweepFailed(ILogger logger, string error);
}
