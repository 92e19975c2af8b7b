using System.CommandLine;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot restore CARPETA</c>: puts a backup folder back, refusing while the bot runs.</summary>
public static class RestoreCommand
{
    private static readonly Argument<string> Folder = new(CliText.Folder) { Description = CliText.RestoreFolder };

    public static Verb Verb { get; } = new("restore", CliText.Restore, Run) { Folder };

    private static int Run(CliContext context)
    {
        var database = context.Get<Database>();
        if (database.Dialect is not SqliteDialect)
        {
            return context.Fail(StorageText.RestoreIsPgRestore);
        }

        var folder = Path.GetFullPath(context.Args.GetRequiredValue(Folder));
        if (!File.Exists(Path.Combine(folder, Backups.DatabaseFile)))
        {
            return context.Fail(CliText.NotABackup(folder, Backups.DatabaseFile));
        }

        using var held = database.TryHoldInstance();
        if (held is null)
        {
            return context.Fail(CliText.StopFirst);
        }

        var clock = context.Get<MunicipalClock>();
        try
        {
            var (safety, files) = Backups.Restore(database, folder, clock.LocalDateTime(clock.Now));
            context.Output.WriteLine(CliText.Restored(safety.Folder, folder, files));
            return 0;
        }
        catch (SchemaTooNewException ex)
        {
            return context.Fail(ex.Message);
        }
    }
}
