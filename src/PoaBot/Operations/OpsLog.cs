using Microsoft.Extensions.Logging;

namespace PoaBot.Operations;

/// <summary>Operations logging: event ids 70–89.</summary>
internal static partial class OpsLog
{
    [LoggerMessage(70, LogLevel.Information, "Pruned {Inbox} inbox and {Outbox} outbox rows")]
    public static partial void Pruned(ILogger logger, int inbox, int outbox);

    [LoggerMessage(71, LogLevel.Information, "Backup written to {Folder} ({Files} files); {Removed} old backups removed")]
    public static partial void BackupWritten(ILogger logger, string folder, int files, int removed);

    [LoggerMessage(72, LogLevel.Error, "Housekeeping failed: {Error}")]
    public static partial void HousekeepingFailed(ILogger logger, string error);

    [LoggerMessage(73, LogLevel.Warning, "Could not write the health row: {Error}")]
    public static partial void HealthWriteFailed(ILogger logger, string error);
}
