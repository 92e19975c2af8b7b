using System.CommandLine;
using PoaBot.Core.Conversations;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot summary [--year Y] [--al dd/mm/aaaa] [--trimestral | --consejos] [--csv]</c>: the POA table (or its quarters, or per council) as of a date.</summary>
public static class SummaryCommand
{
    private static readonly Option<bool> Quarterly = new("--trimestral") { Description = CliText.SummaryQuarterly };

    private static readonly Option<bool> Councils = new("--consejos") { Description = CliText.SummaryCouncils };

    private static readonly Option<bool> Csv = new("--csv") { Description = CliText.SummaryCsv };

    public static Verb Verb { get; } = new("summary", CliText.Summary, Run) { ReportArgs.Year, ReportArgs.AsOf, Quarterly, Councils, Csv, DirectorateCommand.Option };

    private static int Run(CliContext context)
    {
        if (!ReportArgs.TryParse(context, out var year, out var asOf))
        {
            return 1;
        }

        if (DirectorateCommand.Find(context) is not { } directorate)
        {
            return 2;
        }

        var settings = context.Get<EngineSettings>().For(directorate);
        var thresholds = settings.Thresholds;
        return context.Get<Database>().Read(session =>
        {
            var db = session.In(directorate.Id);
            if (ReportArgs.FindPoa(context, db, year) is not { } poa)
            {
                return 1;
            }

            var store = new PoaStore(db);
            if (context.Args.GetValue(Quarterly))
            {
                var quarters = QuarterlyReport.Rows((int)poa.Year, asOf, date => store.Progress(poa, date, thresholds));
                context.Output.Write(context.Args.GetValue(Csv) ? QuarterlyReport.Csv(quarters) : QuarterlyReport.Text((int)poa.Year, asOf, quarters));
                return 0;
            }

            if (context.Args.GetValue(Councils))
            {
                var councils = CouncilReport.Load(db, poa, asOf);
                context.Output.Write(context.Args.GetValue(Csv) ? CouncilReport.Csv(councils) : CouncilReport.Text((int)poa.Year, asOf, councils));
                return 0;
            }

            var rows = store.Progress(poa, asOf, thresholds);
            context.Output.Write(context.Args.GetValue(Csv)
                ? SummaryCsv.Write(rows)
                : SummaryText.Write((int)poa.Year, settings.Signature.DirectorateOf(poa), asOf, rows));
            return 0;
        });
    }
}
