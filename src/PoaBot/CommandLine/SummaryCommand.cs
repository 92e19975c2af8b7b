using Microsoft.Extensions.Options;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot summary [--year Y] [--al dd/mm/aaaa] [--csv]</c>: the POA table as of a date.</summary>
public static class SummaryCommand
{
    public static int Run(CliContext context)
    {
        if (!ReportArgs.TryParse(context, out var year, out var asOf))
        {
            return 1;
        }

        var thresholds = context.Get<SemaforoThresholds>();
        return context.Get<Database>().Read(db =>
        {
            if (ReportArgs.FindPoa(context, db, year) is not { } poa)
            {
                return 1;
            }

            var rows = new PoaStore(db).Progress(poa, asOf, thresholds);
            context.Output.Write(context.Args.Has("csv")
                ? SummaryCsv.Write(rows)
                : SummaryText.Write((int)poa.Year, context.Get<IOptions<PoaOptions>>().Value.Directorate is { Length: > 0 } name ? name.Trim() : poa.Directorate, asOf, rows));
            return 0;
        });
    }
}
