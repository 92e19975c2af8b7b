using System.Text;
using PoaBot.Core.Domain;

namespace PoaBot.Core.Reporting;

/// <summary>One activity in one quarter (LGCG quarters: Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec).</summary>
public sealed record QuarterRow(ActivityProgress AtQuarterEnd, int Quarter, int Real);

/// <summary>
/// The quarterly view, from the dated records: REAL in the quarter is REAL_acum at the quarter's last day minus REAL_acum
/// at the previous quarter's last day (records carry their own date, so nothing is apportioned); PROG_acum is what was
/// programmed in the bimesters closed by the quarter's last day (Q1: Ene/Feb; Q2: up to May/Jun; Q3: up to Jul/Ago;
/// Q4: the whole year). Only quarters that have ended by the date are shown.
/// </summary>
public static class QuarterlyReport
{
    public const string CsvHeader = "num,actividad,trimestre,real,real_acum,prog_acum,avance_pct,cumplimiento_pct,semaforo";

    public static DateOnly LastDay(int year, int quarter) => new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);

    /// <param name="progressAt">The POA table as of a date.</param>
    public static IReadOnlyList<QuarterRow> Rows(int year, DateOnly asOf, Func<DateOnly, IReadOnlyList<ActivityProgress>> progressAt)
    {
        var rows = new List<QuarterRow>();
        IReadOnlyList<ActivityProgress>? previous = null;
        for (var q = 1; q <= 4 && LastDay(year, q) <= asOf; q++)
        {
            var current = progressAt(LastDay(year, q));
            rows.AddRange(current.Select((a, i) => new QuarterRow(a, q, a.RealAcum - (previous?[i].RealAcum ?? 0))));
            previous = current;
        }

        return [.. rows.OrderBy(r => r.AtQuarterEnd.Num, ActivityNumber.Order).ThenBy(r => r.Quarter)];
    }

    public static string Csv(IReadOnlyList<QuarterRow> rows)
    {
        var csv = new StringBuilder().Append(CsvHeader).Append('\n');
        foreach (var r in rows)
        {
            var a = r.AtQuarterEnd;
            csv.Append(Reporting.Csv.Line([
                Reporting.Csv.Text(a.Num), Reporting.Csv.Text(a.Name), Reporting.Csv.Int(r.Quarter), Reporting.Csv.Int(r.Real),
                Reporting.Csv.Int(a.RealAcum), Reporting.Csv.Int(a.ProgAcum), Reporting.Csv.Pct(a.AvancePct), Reporting.Csv.Pct(a.CumplimientoPct),
                a.Semaforo.CsvCode(a.ProgAcum)]));
        }

        return csv.ToString();
    }

    public static string Text(int year, DateOnly asOf, IReadOnlyList<QuarterRow> rows)
    {
        var text = new StringBuilder(ExportText.QuarterlyTitle(year, Numbers.AsOfPhrase(year, asOf)));
        if (rows.Count == 0)
        {
            return text.Append(ExportText.NoQuarterYet).ToString();
        }

        foreach (var activity in rows.GroupBy(r => r.AtQuarterEnd.Num))
        {
            text.Append('\n').Append($"{activity.Key}. {activity.First().AtQuarterEnd.Name}\n");
            foreach (var r in activity)
            {
                var a = r.AtQuarterEnd;
                text.Append(ExportText.Quarter(r.Quarter, r.Real, a.RealAcum, a.ProgAcum, a.AvancePct, a.CumplimientoPct, a.Semaforo.PlainWords(a.ProgAcum)));
            }
        }

        return text.ToString();
    }
}
