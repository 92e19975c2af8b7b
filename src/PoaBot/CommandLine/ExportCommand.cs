using System.CommandLine;
using PoaBot.Core.Conversations;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary>
/// <c>poabot export --xlsx FILE [--year Y] [--al dd/mm/aaaa]</c>: the POA workbook for Excel;
/// <c>poabot export --csv FILE …</c>: the table as <c>summary --csv</c> writes it;
/// <c>poabot export --pdf FILE …</c>: the signable PDF (POA table, justifications, signature block).
/// </summary>
public static class ExportCommand
{
    private static readonly Option<string?> Xlsx = File("--xlsx", CliText.ExportXlsx);

    private static readonly Option<string?> Pdf = File("--pdf", CliText.ExportPdf);

    private static readonly Option<string?> Csv = File("--csv", CliText.ExportCsv);

    public static Verb Verb { get; } = new("export", CliText.Export, Run) { Xlsx, Pdf, Csv, ReportArgs.Year, ReportArgs.AsOf, DirectorateCommand.Option };

    private static int Run(CliContext context)
    {
        if (!Targets(context, out var xlsx, out var pdf, out var csv))
        {
            return 1;
        }

        if (!ReportArgs.TryParse(context, out var year, out var asOf))
        {
            return 1;
        }

        if (DirectorateCommand.Find(context) is not { } directorate)
        {
            return 2;
        }

        var settings = context.Get<EngineSettings>().For(directorate);
        return context.Get<Database>().Read(session =>
        {
            var db = session.In(directorate.Id);
            if (ReportArgs.FindPoa(context, db, year) is not { } poa)
            {
                return 1;
            }

            bool Write(string? path, string what, Action<Stream> write)
            {
                if (path is null)
                {
                    return true;
                }

                if (!ReportArgs.TryWrite(context, path, write))
                {
                    return false;
                }

                context.Output.WriteLine(CliText.Written(what, (int)poa.Year, asOf, Path.GetFullPath(path)));
                return true;
            }

            var data = xlsx is null && pdf is null ? null : PoaWorkbookData.Load(db, (int)poa.Year, asOf, settings.Thresholds, settings.Signature, settings.Clock.Zone)!;
            try
            {
                return Write(xlsx, CliText.Workbook, stream => PoaWorkbook.Write(stream, data!))
                    && Write(pdf, "PDF", stream => PoaPdf.Write(stream, data!))
                    && Write(csv, "CSV", stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(SummaryCsv.Write(new PoaStore(db).Progress(poa, asOf, settings.Thresholds)))))
                    ? 0
                    : 1;
            }
            catch (PdfFontException e)
            {
                return context.Fail(e.Message);
            }
        });
    }

    private static Option<string?> File(string name, string description) =>
        new(name) { HelpName = CliText.File, Description = description, Arity = ArgumentArity.ZeroOrOne };

    /// <summary>The files asked for: at least one, and each option that is given names its file.</summary>
    private static bool Targets(CliContext context, out string? xlsx, out string? pdf, out string? csv)
    {
        xlsx = context.Args.GetValue(Xlsx);
        pdf = context.Args.GetValue(Pdf);
        csv = context.Args.GetValue(Csv);
        Option<string?>[] given = [.. new[] { Xlsx, Pdf, Csv }.Where(o => context.Args.GetResult(o) is not null)];
        if (given.Length == 0 || given.Any(o => string.IsNullOrEmpty(context.Args.GetValue(o))))
        {
            context.Fail(CliText.ExportWhich);
            return false;
        }

        return true;
    }
}
