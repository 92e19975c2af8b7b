using System.Globalization;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot summary [--year Y] [--al dd/mm/aaaa] [--csv]</c>: the POA table as of a date.</summary>
public static class SummaryCommand
{
    public static int Run(CliContext context)
    {
        int? year = null;
        if (context.Args.Option("year") is { } y)
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return context.Fail($"«{y}» no es un año; use por ejemplo --year 2024.");
            }

            year = parsed;
        }

        var asOf = context.Get<MunicipalClock>().Today;
        if (context.Args.Option("al") is { } al && !Numbers.TryParseDate(al, out asOf))
        {
            return context.Fail($"«{al}» no es una fecha; use dd/mm/aaaa, por ejemplo --al 30/06/2024.");
        }

        var thresholds = context.Get<SemaforoThresholds>();
        return context.Get<Database>().Read(db =>
        {
            var store = new PoaStore(db);
            var poa = store.FindOrLatest(year);
            if (poa is null)
            {
                return context.Fail(year is null
                    ? "Aún no hay ningún POA. Impórtelo con: poabot import ARCHIVO"
                    : $"No hay POA {year}. Impórtelo con: poabot import ARCHIVO");
            }

            var rows = store.Progress(poa, asOf, thresholds);
            context.Output.Write(context.Args.Has("csv")
                ? SummaryCsv.Write(rows)
                : SummaryText.Write((int)poa.Year, poa.Directorate, asOf, rows));
            return 0;
        });
    }
}
