using System.CommandLine;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot chart FILE [--year Y] [--al dd/mm/aaaa]</c>: the POA's progress as a PNG picture.</summary>
public static class ChartCommand
{
    private static readonly Argument<string> File = new(CliText.File) { Description = CliText.ChartFile };

    public static Verb Verb { get; } = new("chart", CliText.Chart, Run) { File, ReportArgs.Year, ReportArgs.AsOf, DirectorateCommand.Option };

    private static int Run(CliContext context)
    {
        var path = context.Args.GetRequiredValue(File);
        if (!ReportArgs.TryParse(context, out var year, out var asOf))
        {
            return 1;
        }

        if (DirectorateCommand.Find(context) is not { } directorate)
        {
            return 2;
        }

        var thresholds = context.Get<Core.Conversations.EngineSettings>().For(directorate).Thresholds;
        return context.Get<Database>().Read(session =>
        {
            var db = session.In(directorate.Id);
            if (ReportArgs.FindPoa(context, db, year) is not { } poa)
            {
                return 1;
            }

            // One page per few activities: the first in FILE, the next ones beside it as FILE-2.png, FILE-3.png, …
            var pages = ProgressChart.Pages((int)poa.Year, asOf, new PoaStore(db).Progress(poa, asOf, thresholds));
            var paths = pages.Select((_, i) => i == 0 ? path : Path.ChangeExtension(path, null) + $"-{i + 1}" + Path.GetExtension(path)).ToList();
            for (var i = 0; i < pages.Count; i++)
            {
                var png = pages[i];
                if (!ReportArgs.TryWrite(context, paths[i], stream => stream.Write(png)))
                {
                    return 1;
                }
            }

            context.Output.WriteLine(CliText.ChartWritten((int)poa.Year, asOf, [.. paths.Select(Path.GetFullPath)]));
            return 0;
        });
    }
}
