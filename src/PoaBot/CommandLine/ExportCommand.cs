using Microsoft.Extensions.Options;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary>
/// <c>poabot export --xlsx FILE [--year Y] [--al dd/mm/aaaa]</c>: the POA workbook for Excel;
/// <c>poabot export --csv FILE …</c>: the table as <c>summary --csv</c> writes it.
/// </summary>
public static class ExportCommand
{
    private const string Help = "Indique el archivo: poabot export --xlsx ARCHIVO.xlsx o poabot export --csv ARCHIVO.csv";

    public static int Run(CliContext context)
    {
        if (!Targets(context, out var xlsx, out var csv))
        {
            return 1;
        }

        if (!ReportArgs.TryParse(context, out var year, out var asOf))
        {
            return 1;
        }

        var thresholds = context.Get<SemaforoThresholds>();
        var report = context.Get<IOptions<ReportOptions>>().Value;
        var directorate = context.Get<IOptions<PoaOptions>>().Value.Directorate;
        var zone = context.Get<MunicipalClock>().Zone;
        return context.Get<Database>().Read(db =>
        {
            if (ReportArgs.FindPoa(context, db, year) is not { } poa)
            {
                return 1;
            }

            if (xlsx is not null)
            {
                var data = PoaWorkbookData.Load(db, (int)poa.Year, asOf, thresholds, report.Responsible, report.Position, zone)!;
                if (!string.IsNullOrWhiteSpace(directorate))
                {
                    data = data with { Directorate = directorate.Trim() };
                }

                if (!ReportArgs.TryWrite(context, xlsx, stream => PoaWorkbook.Write(stream, data)))
                {
                    return 1;
                }

                context.Output.WriteLine($"Libro de Excel del POA {poa.Year}, {Numbers.AsOfPhrase((int)poa.Year, asOf)}, escrito en {Path.GetFullPath(xlsx)}.");
            }

            if (csv is not null)
            {
                var text = SummaryCsv.Write(new PoaStore(db).Progress(poa, asOf, thresholds));
                if (!ReportArgs.TryWrite(context, csv, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text))))
                {
                    return 1;
                }

                context.Output.WriteLine($"CSV del POA {poa.Year}, {Numbers.AsOfPhrase((int)poa.Year, asOf)}, escrito en {Path.GetFullPath(csv)}.");
            }

            return 0;
        });
    }

    /// <summary>
    /// The files asked for. <c>--csv</c> is a value-less flag for <c>summary</c>, so <c>export --csv FILE</c> leaves FILE as
    /// the positional argument; <c>--csv=FILE</c> works too.
    /// </summary>
    private static bool Targets(CliContext context, out string? xlsx, out string? csv)
    {
        xlsx = null;
        csv = null;
        var positionals = context.Args.Positionals.ToList();
        if (context.Args.Has("xlsx"))
        {
            xlsx = context.Args.Option("xlsx");
            if (xlsx is null or "true" || xlsx.Length == 0)
            {
                context.Fail(Help);
                return false;
            }
        }

        if (context.Args.Has("csv"))
        {
            csv = context.Args.Option("csv");
            if (csv is "true" && positionals.Count > 0)
            {
                csv = positionals[0];
                positionals.RemoveAt(0);
            }

            if (csv is null or "true" || csv.Length == 0)
            {
                context.Fail(Help);
                return false;
            }
        }

        if (xlsx is null && csv is null)
        {
            context.Fail(Help);
            return false;
        }

        if (positionals.Count > 0)
        {
            context.Fail($"No entiendo «{positionals[0]}». {Help}");
            return false;
        }

        return true;
    }
}
