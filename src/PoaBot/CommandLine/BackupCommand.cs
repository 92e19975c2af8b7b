using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot backup FILE</c>: a consistent copy (VACUUM INTO), safe while the bot runs.</summary>
public static class BackupCommand
{
    public static int Run(CliContext context)
    {
        if (context.Args.Positionals.Count != 1)
        {
            return context.Fail("Indique el archivo de la copia: poabot backup ARCHIVO");
        }

        try
        {
            context.Get<Database>().Backup(context.Args.Positionals[0]);
            context.Output.WriteLine($"Copia escrita en {Path.GetFullPath(context.Args.Positionals[0])}.");
            return 0;
        }
        catch (IOException ex)
        {
            return context.Fail(ex.Message);
        }
    }
}
