using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Operations;

/// <summary>Every minute (on the <see cref="TimeProvider"/>): prunes old inbox/outbox rows once an hour, and takes the daily backup when due.</summary>
public sealed class Housekeeping(
    Database database,
    MunicipalClock clock,
    IOptions<StorageOptions> storage,
    IOptions<BackupOptions> backup,
    ILogger<Housekeeping> logger) : BackgroundService
{
    private DateTimeOffset lastPrune = DateTimeOffset.MinValue;

    /// <summary>A backup is due once the local time passes <paramref name="at"/> on a day without one.</summary>
    public static bool BackupDue(DateTime localNow, TimeSpan at, DateOnly? lastBackup) =>
        localNow.TimeOfDay >= at && (lastBackup is null || lastBackup < DateOnly.FromDateTime(localNow));

    /// <summary>One pass; returns true when it wrote a backup.</summary>
    public bool RunOnce()
    {
        var now = clock.Now;
        if (now - lastPrune >= TimeSpan.FromHours(1))
        {
            lastPrune = now;
            var (inbox, outbox) = Pruning.Run(database, now.AddDays(-storage.Value.KeepDays));
            OpsLog.Pruned(logger, inbox, outbox);
        }

        var options = backup.Value;
        var local = clock.LocalDateTime(now);
        if (string.IsNullOrWhiteSpace(options.Folder) || !BackupDue(local, options.At, Backups.LastDate(options.Folder)))
        {
            return false;
        }

        var result = Backups.Create(database, options.Folder, local);
        var removed = Backups.Rotate(options.Folder, options.Keep);
        OpsLog.BackupWritten(logger, result.Folder, result.Files, removed.Count);
        return true;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => PeriodicTimers.Run(
        TimeSpan.FromMinutes(1), clock.Time, () => RunOnce(),
        ex => ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException,
        ex => OpsLog.HousekeepingFailed(logger, PeriodicTimers.Describe(ex)), stoppingToken);
}
