using System.Text;
using PoaBot.Core.Domain;

namespace PoaBot.Core.Reporting;

/// <summary>The POA table for an 80-column terminal, in the seed's order: six bimesters of PROG / REAL / VAR, then the goals.</summary>
public static class SummaryText
{
    public static string Write(int year, string directorate, DateOnly asOf, IReadOnlyList<ActivityProgress> rows)
    {
        var text = new StringBuilder();
        text.Append(ExportText.Title(year).ToUpperInvariant()).Append('\n');
        if (directorate.Length > 0)
        {
            text.Append(directorate).Append('\n');
        }

        text.Append(ExportText.AsOf(year, asOf)).Append('\n');
        var labels = ExportText.ProgRealVar.Select(l => $"  {l.TrimEnd('.'),-6}").ToList();
        foreach (var a in rows)
        {
            text.Append('\n');
            foreach (var line in Wrap($"{a.Num}. {a.Name}", 78))
            {
                text.Append(line).Append('\n');
            }

            text.Append("        ").AppendJoin("", Bimesters.All.Select(b => Bimesters.ShortName(b).PadLeft(9))).Append('\n');
            text.Append(labels[0]).AppendJoin("", a.Bimesters.Select(b => Numbers.Int(b.Prog).PadLeft(9))).Append('\n');
            text.Append(labels[1]).AppendJoin("", a.Bimesters.Select(b => Cell(b.Real, b.State == PeriodState.Open ? "*" : "").PadLeft(9))).Append('\n');
            text.Append(labels[2]).AppendJoin("", a.Bimesters.Select(b => Cell(b.Var, "").PadLeft(9))).Append('\n');
            text.Append(ExportText.SummaryGoals(a.Goal, a.MetaReal, a.Variacion)).Append('\n');
            text.Append(ExportText.SummaryProgress(a.AvancePct, a.CumplimientoPct, a.Semaforo.Words(a.ProgAcum))).Append('\n');
        }

        if (rows.Any(a => a.OpenBimester is not null))
        {
            text.Append('\n').Append(ExportText.OpenBimesterFootnote).Append('\n');
        }

        return string.Join('\n', text.ToString().Split('\n').Select(l => l.TrimEnd()));
    }

    private static string Cell(int? value, string mark) => value is { } v ? Numbers.Int(v) + mark : "";

    public static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append("   ");
            }

            if (line.Length > 0 && line.ToString().Trim().Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
