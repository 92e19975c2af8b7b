using System.Text;
using PoaBot.Core.Samples;

namespace PoaBot.Tests.Import;

/// <summary>The directorate's real POA 2024 (the seed) and variations of it.</summary>
public static class SeedDocuments
{
    public static byte[] Bytes => SampleData.PoaBytes();

    public static string Text => Encoding.UTF8.GetString(Bytes);

    public static IReadOnlyList<string[]> Rows => Text.Split('\n').Select(l => l.Split('\t')).ToList();

    /// <summary>The seed as CSV: every cell quoted when needed, with commas inside names.</summary>
    public static string AsCsv(Func<string, string>? cell = null) =>
        string.Join("\r\n", Rows.Select(r => string.Join(',', r.Select(c => Quote(cell is null ? c : cell(c))))));

    public static byte[] WithRow(int activity, Func<string[], string[]> change) =>
        Encoding.UTF8.GetBytes(string.Join('\n', Rows.Select(r => string.Join('\t', r.Length > 0 && r[0] == activity.ToString(System.Globalization.CultureInfo.InvariantCulture) ? change(r) : r))));

    /// <summary>The seed with its four activities' rows repeated in turn, numbered 1…<paramref name="count"/>, with short names.</summary>
    public static byte[] WithActivities(int count) =>
        WithNumbers([.. Enumerable.Range(1, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>The seed with its four activities' rows repeated in turn, numbered as given («1.1», «2 bis»), with short names.</summary>
    public static byte[] WithNumbers(params string[] numbers)
    {
        var seed = Rows.Where(r => r.Length > 20 && int.TryParse(r[0], out _)).ToList();
        var text = new StringBuilder();
        foreach (var r in Rows.TakeWhile(r => r.Length == 0 || r[0] != "1"))
        {
            text.Append(string.Join('\t', r)).Append('\n');
        }

        foreach (var (number, i) in numbers.Select((n, i) => (n, i)))
        {
            var row = seed[i % seed.Count];
            text.Append(string.Join('\t', [number, $"ACTIVIDAD {number} {row[1][..12]}", "Objetivo", .. row[3..]])).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string c) =>
        c.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c;
}
