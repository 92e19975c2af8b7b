using System.Globalization;
using System.Text.RegularExpressions;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;

namespace PoaBot.Core.Import;

/// <summary>
/// Reads the directorate's POA layout: columns found by their header labels; a data row with one cell more than
/// the labels is realigned by the sum rule (PROG cells add up to META PROGRAMADA); inconsistencies become warnings.
/// </summary>
public static partial class PoaDocumentParser
{
    private static readonly string[] BimesterPrefixes = ["ENE", "MAR", "MAY", "JUL", "SEP", "NOV"];

    public static PoaDocument Parse(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new PoaImportException(ImportText.Empty);
        }

        return Parse(TableText.Rows(TableText.Decode(bytes)));
    }

    public static PoaDocument Parse(IReadOnlyList<string[]> rawRows)
    {
        var rows = rawRows.Select(r => r.Select(c => c.Trim()).ToArray()).ToList();
        var labelRow = rows.FindIndex(r => r.Any(c => Fold(c).StartsWith("ACTIVIDAD", StringComparison.Ordinal)));
        if (labelRow < 0)
        {
            throw new PoaImportException(ImportText.NoHeader);
        }

        var labels = rows[labelRow];
        var nameCol = Column(labels, "ACTIVIDAD");
        var objectiveCol = Column(labels, "OBJETIVO");
        var metaProgCol = Column(labels, ExportText.GoalHeading);
        var metaRealCol = Column(labels, ExportText.GoalRealHeading);
        var varCol = Column(labels, "VARIACI");
        if (nameCol < 0 || metaProgCol < 0)
        {
            throw new PoaImportException(ImportText.HeaderColumnsMissing);
        }

        var (bimesterRow, bimesterCols) = FindBimesters(rows, labelRow);
        var subRow = FindSubHeader(rows, bimesterRow, bimesterCols);
        var year = FindYear(rows, labelRow);
        var directorate = rows.Take(labelRow).SelectMany(r => r).FirstOrDefault(c => Fold(c).StartsWith("DIRECCION", StringComparison.Ordinal)) ?? "";

        var layout = new Layout(nameCol, objectiveCol, bimesterCols, metaProgCol, metaRealCol, varCol);
        var dataRows = rows.Skip(Math.Max(subRow, bimesterRow) + 1)
            .Where(r => r.Length > 0 && ActivityNumber.Parse(r[0]) is not null)
            .Select(TrimEnd)
            .ToList();
        if (dataRows.Count == 0)
        {
            throw new PoaImportException(ImportText.NoActivities);
        }

        var labelWidth = TrimEnd(labels).Length;
        var realignment = new List<ImportNote>();
        var misaligned = dataRows.Where(r => r.Length > labelWidth).ToList();
        if (misaligned.FirstOrDefault(r => r.Length > labelWidth + 1) is { } row)
        {
            throw new PoaImportException(ImportText.ExtraCells(row[0], row.Length - labelWidth));
        }

        var dropAt = misaligned.Count > 0 ? Realign(misaligned, layout, realignment) : -1;
        var activities = dataRows.Select(r => ReadActivity(r, layout, r.Length > labelWidth ? dropAt : -1)).ToList();
        Validate(activities);
        return new PoaDocument(year, directorate, activities, realignment, Warnings(activities, year));
    }

    private sealed record Layout(int NameCol, int ObjectiveCol, int[] BimesterCols, int MetaProgCol, int MetaRealCol, int VarCol)
    {
        public int FirstCell => BimesterCols[0];

        public int LastCell => BimesterCols[5] + 2;
    }

    private static DocumentActivity ReadActivity(string[] row, Layout layout, int dropAt)
    {
        var num = ActivityNumber.Parse(row[0])!;
        var shift = dropAt >= 0 ? 1 : 0;
        var cells = BimesterCells(row, layout, dropAt, num);
        string Cell(int col) => col >= 0 && col + shift < row.Length ? row[col + shift] : "";
        int? Optional(int col, string label) => string.IsNullOrWhiteSpace(Cell(col)) ? null : Number(Cell(col), num, label);

        return new DocumentActivity(
            num,
            layout.NameCol < row.Length ? row[layout.NameCol] : "",
            layout.ObjectiveCol >= 0 && layout.ObjectiveCol < row.Length ? row[layout.ObjectiveCol] : "",
            [.. Enumerable.Range(0, 6).Select(b => cells[b * 3] ?? 0)],
            [.. Enumerable.Range(0, 6).Select(b => cells[(b * 3) + 1] ?? 0)],
            [.. Enumerable.Range(0, 6).Select(b => cells[(b * 3) + 2])],
            Optional(layout.MetaProgCol, ExportText.GoalHeading) ?? 0,
            Optional(layout.MetaRealCol, ExportText.GoalRealHeading),
            Optional(layout.VarCol, ExportText.VariationHeading));
    }

    /// <summary>The 18 PROG/REAL/VAR cells of a row, with the cell at <paramref name="dropAt"/> left out when realigning.</summary>
    private static int?[] BimesterCells(string[] row, Layout layout, int dropAt, string num)
    {
        var last = layout.LastCell + (dropAt >= 0 ? 1 : 0);
        var columns = Enumerable.Range(layout.FirstCell, last - layout.FirstCell + 1).Where(col => col != dropAt);
        return [.. columns.Select(col => col < row.Length ? row[col] : "")
            .Select(text => string.IsNullOrWhiteSpace(text) ? (int?)null : Number(text, num, ImportText.BimesterColumn))];
    }

    /// <summary>Finds where the extra cell sits: PROG must add up to META PROGRAMADA in every row; then as many rows as possible must
    /// have REAL adding up to META REAL; every position left must give the same reading, else the file is refused.</summary>
    private static int Realign(List<string[]> rows, Layout layout, List<ImportNote> notes)
    {
        var candidates = Enumerable.Range(layout.FirstCell, layout.LastCell - layout.FirstCell + 2)
            .Select(k => (DropAt: k, Read: rows.Select(row => ReadActivity(row, layout, k)).ToList()))
            .Where(c => c.Read.All(a => a.Prog.Sum() == a.MetaProgramada))
            .Select(c => (c.DropAt, RealMatches: c.Read.Count(a => a.Real.Sum() == a.MetaReal),
                Reading: string.Join(';', c.Read.Select(Cells))))
            .ToList();

        var nums = string.Join(", ", rows.Select(r => r[0]));
        if (candidates.Count == 0)
        {
            throw new PoaImportException(ImportText.ExtraCellNowhere(nums));
        }

        var best = candidates.Max(c => c.RealMatches);
        var kept = candidates.Where(c => c.RealMatches == best).ToList();
        if (kept.Select(c => c.Reading).Distinct().Count() > 1)
        {
            throw new PoaImportException(ImportText.ExtraCellAmbiguous(nums, Where(kept[0].DropAt, layout), Where(kept[^1].DropAt, layout)));
        }

        var dropAt = kept[0].DropAt;
        var values = rows.Select(r => dropAt < r.Length ? r[dropAt] : "").Distinct().ToList();
        var (first, last) = (BimesterOf(kept[0].DropAt, layout), BimesterOf(kept[^1].DropAt, layout));
        var place = first == last ? Where(dropAt, layout) : ImportText.Between(Bimesters.DocumentName(first), Bimesters.DocumentName(last));
        notes.Add(new ImportNote(null, ImportText.Realigned(nums, place, values)));
        return dropAt;
    }

    /// <summary>A row's bimester cells as one reading, to compare the places the extra cell may sit.</summary>
    private static string Cells(DocumentActivity a) =>
        $"{string.Join(',', a.Prog)}|{string.Join(',', a.Real)}|{string.Join(',', a.VarWritten)}";

    private static int BimesterOf(int col, Layout layout) => Math.Clamp(((col - layout.FirstCell) / 3) + 1, 1, 6);

    private static string Where(int col, Layout layout)
    {
        var b = BimesterOf(col, layout);
        var offset = col - layout.BimesterCols[b - 1];
        return offset >= 2 && b < 6 ? ImportText.Between(Bimesters.DocumentName(b), Bimesters.DocumentName(b + 1)) : ImportText.In(Bimesters.DocumentName(b));
    }

    private static void Validate(List<DocumentActivity> activities)
    {
        foreach (var a in activities)
        {
            var problem = string.IsNullOrWhiteSpace(a.Name) ? ImportText.NoName(a.Num)
                : a.MetaProgramada < 0 || a.Prog.Any(p => p < 0) ? ImportText.NegativeGoal(a.Num)
                : a.Real.Any(r => r < 0) ? ImportText.NegativeReal(a.Num)
                : null;
            if (problem is not null)
            {
                throw new PoaImportException(problem);
            }
        }

        if (activities.GroupBy(a => a.Num).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new PoaImportException(ImportText.Repeated(repeated.Key));
        }
    }

    private static List<ImportNote> Warnings(List<DocumentActivity> activities, int year)
    {
        var notes = new List<ImportNote>();
        foreach (var a in activities)
        {
            var progSum = a.Prog.Sum();
            if (progSum != a.MetaProgramada)
            {
                notes.Add(new(a.Num, ImportText.ProgSum(a.Num, progSum, a.MetaProgramada)));
            }

            var realSum = a.Real.Sum();
            if (a.MetaReal is { } metaReal && realSum != metaReal)
            {
                var cells = string.Join(", ", Bimesters.All.Where(b => a.Real[b - 1] != 0).Select(b => $"{Bimesters.ShortName(b)} {a.Real[b - 1]}"));
                var likeProg = Bimesters.All
                    .Where(b => a.Real[b - 1] > 0 && a.Real[b - 1] == a.Prog[b - 1] && realSum - a.Real[b - 1] == metaReal)
                    .Select(b => ImportText.RealLooksLikeProg(Bimesters.ShortName(b), a.Real[b - 1]));
                var text = ImportText.RealSum(a.Num, realSum, cells, year, metaReal) + string.Concat(likeProg);
                notes.Add(new(a.Num, text + ImportText.RealCounted(realSum)));
            }

            if (a.Variacion is { } variacion && a.MetaReal is { } mr && variacion != mr - a.MetaProgramada)
            {
                notes.Add(new(a.Num, ImportText.Variation(a.Num, variacion, mr - a.MetaProgramada)));
            }

            var wrong = Bimesters.All.Select(b => (Bimester: b, Written: a.VarWritten[b - 1], Expected: a.Real[b - 1] - a.Prog[b - 1]))
                .Where(v => v.Written is { } written && written != v.Expected).ToList();
            notes.AddRange(wrong.Where(v => v.Written != 0).Select(v =>
                new ImportNote(a.Num, ImportText.BimesterVariation(a.Num, Bimesters.ShortName(v.Bimester), v.Written!.Value, v.Expected))));

            // A VAR. written 0 in every bimester not yet reported is one habit of the office: one line per activity.
            var zeros = wrong.Where(v => v.Written == 0).ToList();
            if (zeros.Count > 0)
            {
                notes.Add(new(a.Num, ImportText.ZeroVariations(
                    a.Num,
                    ImportText.List([.. zeros.Select(z => Bimesters.ShortName(z.Bimester))]),
                    ImportText.List([.. zeros.Select(z => z.Expected.ToString(CultureInfo.InvariantCulture))]))));
            }
        }

        return notes;
    }

    private static (int Row, int[] Cols) FindBimesters(List<string[]> rows, int labelRow)
    {
        for (var r = labelRow; r < Math.Min(rows.Count, labelRow + 4); r++)
        {
            var cols = BimesterPrefixes.Select(p => Array.FindIndex(rows[r], c => Fold(c).StartsWith(p, StringComparison.Ordinal))).ToArray();
            if (cols.All(c => c >= 0) && cols.Zip(cols.Skip(1)).All(p => p.Second == p.First + 3))
            {
                return (r, cols);
            }
        }

        throw new PoaImportException(ImportText.NoBimesters);
    }

    private static int FindSubHeader(List<string[]> rows, int bimesterRow, int[] cols)
    {
        for (var r = bimesterRow + 1; r < Math.Min(rows.Count, bimesterRow + 3); r++)
        {
            var row = rows[r];
            string At(int c) => c < row.Length ? Fold(row[c]) : "";
            if (cols.All(c => At(c).StartsWith("PROG", StringComparison.Ordinal) && At(c + 1).StartsWith("REAL", StringComparison.Ordinal) && At(c + 2).StartsWith("VAR", StringComparison.Ordinal)))
            {
                return r;
            }
        }

        throw new PoaImportException(ImportText.NoSubHeader);
    }

    /// <summary>
    /// The POA's year, only from «PROGRAMA OPERATIVO ANUAL 2024» or «META REAL 2024»: another number in a title
    /// («H. AYUNTAMIENTO CONSTITUCIONAL 2021-2024») says nothing about the year of the program.
    /// </summary>
    private static int FindYear(List<string[]> rows, int labelRow) =>
        rows.Take(labelRow + 1).SelectMany(r => r).Select(c => YearPattern().Match(Fold(c))).FirstOrDefault(m => m.Success) is { } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new PoaImportException(ImportText.NoYear);

    private static int Column(string[] labels, string prefix) =>
        Array.FindIndex(labels, c => Fold(c).StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Reads a count as the office writes it: "0", "-4", "1+" (sign after), "−3".</summary>
    private static int Number(string text, string activity, string what)
    {
        var t = text.Replace('−', '-').Replace(" ", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        var negative = false;
        if (t.EndsWith('+') || t.EndsWith('-'))
        {
            negative = t.EndsWith('-');
            t = t[..^1];
        }

        if (int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= 1_000_000)
        {
            return negative ? -value : value;
        }

        throw new PoaImportException(ImportText.NotANumber(activity, Shorten(text), what));
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string[] TrimEnd(string[] row) => row[..(Array.FindLastIndex(row, c => !string.IsNullOrWhiteSpace(c)) + 1)];

    private static string Fold(string text) => Spanish.Fold(text);

    [GeneratedRegex(@"(?:PROGRAMA\s+OPERATIVO\s+ANUAL|META\s+REAL)\s*(20\d{2})\b")]
    private static partial Regex YearPattern();
}
