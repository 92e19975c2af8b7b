using System.CommandLine;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot import FILE</c>: reads the POA document and imports it in one transaction.</summary>
public static class ImportCommand
{
    private static readonly Argument<string> File = new(CliText.File) { Description = CliText.ImportFile };

    public static Verb Verb { get; } = new("import", CliText.Import, Run) { File, DirectorateCommand.Option };

    private static int Run(CliContext context)
    {
        var path = context.Args.GetRequiredValue(File);
        if (!System.IO.File.Exists(path))
        {
            return context.Fail(CliText.FileNotFound(path));
        }

        if (DirectorateCommand.Find(context) is not { } directorate)
        {
            return 2;
        }

        try
        {
            var document = PoaFile.Parse(path, Path.GetFileName(path));
            var now = context.Get<MunicipalClock>().Now;
            var report = context.Get<Database>().Write(db => PoaImporter.Apply(db.In(directorate.Id), document, context.Actor, Path.GetFileName(path), now));
            context.Output.Write(ImportReportText.Write(report));
            return 0;
        }
        catch (PoaImportException ex)
        {
            return context.Fail(CliText.NothingImported(ex.Message));
        }
    }
}
