using System.CommandLine;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot backup FILE</c>: a consistent copy (VACUUM INTO), safe while the bot runs.</summary>
public static class BackupCommand
{
    private static readonly Argument<string> File = new(CliText.File) { Description = CliText.BackupFile };

    public static Verb Verb { get; } = new("backup", CliText.Backup, Run) { File };

    private static int Run(CliContext context)
    {
        var file = context.Args.GetRequiredValue(File);
        try
        {
            context.Get<Database>().Backup(file);
            context.Output.WriteLine(CliText.BackupWritten(Path.GetFullPath(file)));
            return 0;
        }
        catch (IOException ex)
        {
            return context.Fail(ex.Message);
        }
    }
}
