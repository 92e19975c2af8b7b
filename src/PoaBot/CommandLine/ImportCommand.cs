using System.CommandLine;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot import FILE</c>: reads the POA document and imports it in one transaction.</summary>
public static class ImportCommand
{
    private static readonly Argument<string> File = new(CliText.File) { Description = CliText.ImportFile };

    public static Verb Verb { get; } = new("import", CliText.Import, Run) { File };

    private static int Run(CliContext context)
    {
        var path = context.Args.GetRequiredValue(File);
        if (!System.IO.File.Exists(path))
        {
            return context.Fail(CliText.FileNotFound(path));
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
            return context.Fail(CliText.NothingImported(ex.Message));
        }
    }
}
