using System.Text;
using PoaBot.Core.Domain;

namespace PoaBot.Core.Reporting;

/// <summary>
/// The POA table as CSV, one row per activity, with the header of <c>summary --csv</c>: the bimesters, the goals,
/// PROG_acum and REAL_acum (so the semáforo can be checked by hand), % avance anual, % cumplimiento and the semáforo.
/// </summary>
public static class SummaryCsv
{
    public static string Header { get; } = string.Join(',', new[] { "num", "actividad" }
        .Concat(Bimesters.All.SelectMany(b => new[] { "prog", "real", "var" }.Select(p => $"{Bimesters.CsvName(b)}_{p}")))
        .Concat(["meta_programada", "meta_real", "variacion", "prog_acum", "real_acum", "avance_pct", "cumplimiento_pct", "semaforo"]));

    public static string Write(IReadOnlyList<ActivityProgress> rows)
    {
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var a in rows)
        {
            var cells = new List<string> { Csv.Text(a.Num), Csv.Text(a.Name) };
            foreach (var b in a.Bimesters)
            {
                cells.Add(Csv.Int(b.Prog));
                cells.Add(Csv.Int(b.Real));
                cells.Add(Csv.Int(b.Var));
            }

            cells.AddRange([
                Csv.Int(a.Goal), Csv.Int(a.MetaReal), Csv.Int(a.Variacion), Csv.Int(a.ProgAcum), Csv.Int(a.RealAcum),
                Csv.Pct(a.AvancePct), Csv.Pct(a.CumplimientoPct), a.Semaforo.CsvCode(a.ProgAcum)]);
            csv.Append(Csv.Line(cells));
        }

        return csv.ToString();
    }
}
