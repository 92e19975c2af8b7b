using System.Globalization;
using System.Text;
using PoaBot.Core.Domain;

namespace PoaBot.Core.Reporting;

/// <summary>The POA table as CSV, one row per activity, with the header of <c>summary --csv</c>.</summary>
public static class SummaryCsv
{
    public static string Header { get; } = string.Join(',', new[] { "num", "actividad" }
        .Concat(Bimesters.All.SelectMany(b => new[] { "prog", "real", "var" }.Select(p => $"{Bimesters.CsvName(b)}_{p}")))
        .Concat(["meta_programada", "meta_real", "variacion", "avance_pct", "semaforo"]));

    public static string Write(IReadOnlyList<ActivityProgress> rows)
    {
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var a in rows)
        {
            var cells = new List<string> { Int(a.Num), Quote(a.Name) };
            foreach (var b in a.Bimesters)
            {
                cells.Add(Int(b.Prog));
                cells.Add(b.Real is { } r ? Int(r) : "");
                cells.Add(b.Var is { } v ? Int(v) : "");
            }

            cells.Add(Int(a.Goal));
            cells.Add(Int(a.MetaReal));
            cells.Add(Int(a.Variacion));
            cells.Add(a.AvancePct is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) : "");
            cells.Add(a.Semaforo.Code());
            csv.AppendJoin(',', cells).Append('\n');
        }

        return csv.ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
