using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot import FILE</c>: reads the POA document and imports it in one transaction.</summary>
public static class ImportCommand
{
    public static int Run(CliContext context)
    {
        if (context.Args.Positionals.Count != 1)
        {
            return context.Fail("Indique el archivo: poabot import ARCHIVO");
        }

        var path = context.Args.Positionals[0];
        if (!File.Exists(path))
        {
            return context.Fail($"No encontré el archivo «{path}». Revise la ruta y vuelva a intentarlo.");
        }

        try
        {
            var document = PoaFile.Parse(path, Path.GetFileName(path));
            var report = PoaImporter.Import(context.Get<Database>(), document, context.Actor, Path.GetFileName(path), context.Get<MunicipalClock>().Now);
            context.Output.Write(ImportReportText.Write(report));
            return 0;
        }
        catch (PoaImportException ex)
        {
            return context.Fail($"No se importó nada: {ex.Message}");
        }
    }
}
