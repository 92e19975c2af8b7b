using System.CommandLine;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot restore CARPETA</c>: puts a backup folder back, refusing while the bot runs.</summary>
public static class RestoreCommand
{
    private static readonly Argument<string> Folder = new("CARPETA") { Description = "la carpeta de la copia de respaldo" };

    public static Verb Verb { get; } = new("restore", "volver a una copia de respaldo (con el bot detenido)", Run) { Folder };

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
            return context.Fail($"La carpeta {folder} no contiene una copia de PoaBot (falta {Backups.DatabaseFile}).");
        }

        using var held = database.TryHoldInstance();
        if (held is null)
        {
            return context.Fail("El bot está en marcha con esta base de datos. Deténgalo primero (sudo systemctl stop poabot) y vuelva a intentarlo.");
        }

        var clock = context.Get<MunicipalClock>();
        try
        {
            var (safety, files) = Backups.Restore(database, folder, clock.LocalDateTime(clock.Now));
            context.Output.WriteLine($"Se guardó el estado anterior en {safety.Folder}.");
            context.Output.WriteLine($"Se restauró la base de datos desde {folder} y {files} archivos (evidencias y exportaciones).");
            return 0;
        }
        catch (SchemaTooNewException ex)
        {
            return context.Fail(ex.Message);
        }
    }
}
