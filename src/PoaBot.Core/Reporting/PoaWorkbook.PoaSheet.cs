using System.Globalization;
using PoaBot.Core.Domain;

namespace PoaBot.Core.Reporting;

public static partial class PoaWorkbook
{
    // Columns of the POA sheet, 0-based, as in the office's document; the last three are the bot's own.
    private const int NumCol = 0;
    private const int NameCol = 1;
    private const int ObjectiveCol = 2;
    private const int FirstBimesterCol = 3;
    private const int MetaProgCol = FirstBimesterCol + (Bimesters.Count * 3);
    private const int MetaRealCol = MetaProgCol + 1;
    private const int VarCol = MetaProgCol + 2;
    private const int AvanceCol = MetaProgCol + 3;
    private const int CumplimientoCol = MetaProgCol + 4;
    private const int SemaforoCol = MetaProgCol + 5;

    private const uint LabelRow = 5;
    private const uint BimesterRow = 6;
    private const uint SubRow = 7;

    private const double NameWidth = 38;
    private const double ObjectiveWidth = 60;

    /// <summary>The POA table in the seed's layout: the importer finds its columns by these labels.</summary>
    private static XlsxSheet PoaSheet(PoaWorkbookData data, SharedStrings strings)
    {
        var sheet = new XlsxSheet(PoaSheetName, strings) { FrozenRows = SubRow, Landscape = true };
        sheet.Text(1, NumCol, $"PROGRAMA OPERATIVO ANUAL {data.Year}", XlsxStyles.Title);
        sheet.Text(2, NumCol, data.Directorate, XlsxStyles.Subtitle);
        sheet.Text(3, NumCol, Numbers.AsOfTitle(data.Year, data.AsOf), XlsxStyles.Bold);

        Header(sheet, data.Year);
        var row = SubRow + 1;
        foreach (var a in data.Activities)
        {
            ActivityRow(sheet, row++, a, data.Objectives.GetValueOrDefault(a.Num, ""));
        }

        row++;
        foreach (var note in Notes(data))
        {
            sheet.Text(row++, NameCol, note, XlsxStyles.Note);
        }

        Signature(sheet, row + 1, data);
        return sheet;
    }

    private static void Header(XlsxSheet sheet, int year)
    {
        void Label(int col, string text, double width)
        {
            sheet.Text(LabelRow, col, text, XlsxStyles.Header);
            sheet.Merge(LabelRow, col, SubRow, col);
            sheet.Width(col, width);
        }

        Label(NumCol, "Núm. Prog.", 7);
        Label(NameCol, "ACTIVIDADES", NameWidth);
        Label(ObjectiveCol, "OBJETIVOS", ObjectiveWidth);
        sheet.Text(LabelRow, FirstBimesterCol, $"AÑO {year} EN BIMESTRES", XlsxStyles.Header);
        sheet.Merge(LabelRow, FirstBimesterCol, LabelRow, MetaProgCol - 1);
        foreach (var b in Bimesters.All)
        {
            var col = BimesterCol(b);
            sheet.Text(BimesterRow, col, Bimesters.DocumentName(b), XlsxStyles.Header);
            sheet.Merge(BimesterRow, col, BimesterRow, col + 2);
            foreach (var (label, offset) in new[] { ("PROG", 0), ("REAL", 1), ("VAR.", 2) })
            {
                sheet.Text(SubRow, col + offset, label, XlsxStyles.Header);
                sheet.Width(col + offset, 6.5);
            }
        }

        Label(MetaProgCol, "META PROGRAMADA", 14.5);
        Label(MetaRealCol, $"META REAL {year}", 11);
        Label(VarCol, "VARIACIÓN", 11);
        Label(AvanceCol, "% AVANCE ANUAL", 10);
        Label(CumplimientoCol, "% CUMPLIMIENTO", 16);
        Label(SemaforoCol, "SEMÁFORO", 26);
        sheet.Height(LabelRow, 30);
        sheet.Height(BimesterRow, 30);
    }

    private static void ActivityRow(XlsxSheet sheet, uint row, ActivityProgress a, string objective)
    {
        sheet.Number(row, NumCol, a.Num, XlsxStyles.Int);
        sheet.Text(row, NameCol, a.Name, XlsxStyles.Wrap);
        sheet.Text(row, ObjectiveCol, objective, XlsxStyles.Wrap);
        foreach (var cell in a.Bimesters)
        {
            var col = BimesterCol(cell.Bimester);
            sheet.Number(row, col, cell.Prog, XlsxStyles.Int);
            sheet.Number(row, col + 1, cell.Real, cell.State == PeriodState.Open ? XlsxStyles.IntOpen : XlsxStyles.Int);
            sheet.Number(row, col + 2, cell.Var, XlsxStyles.Int);
        }

        sheet.Number(row, MetaProgCol, a.Goal, XlsxStyles.Int);
        sheet.Number(row, MetaRealCol, a.MetaReal, XlsxStyles.Int);
        sheet.Number(row, VarCol, a.Variacion, XlsxStyles.Int);
        sheet.Number(row, AvanceCol, Fraction(a.AvancePct), XlsxStyles.Percent);
        sheet.Number(row, CumplimientoCol, Fraction(a.CumplimientoPct), XlsxStyles.Percent);
        sheet.Text(row, SemaforoCol, a.Semaforo.Words(a.ProgAcum), XlsxStyles.Of(a.Semaforo));
        var lines = Math.Max(Lines(a.Name, NameWidth), Lines(objective, ObjectiveWidth));
        sheet.Height(row, Math.Max(1, lines) * 15 + 3);
    }

    /// <summary>What a reader needs to read the table right: the open bimester and how the semáforo is decided.</summary>
    private static IEnumerable<string> Notes(PoaWorkbookData data)
    {
        var open = data.Activities.SelectMany(a => a.Bimesters).FirstOrDefault(b => b.State == PeriodState.Open);
        if (open is not null)
        {
            yield return $"REAL de {Bimesters.DocumentName(open.Bimester)} (en cursiva): bimestre en curso, lo reportado hasta el {Numbers.Date(data.AsOf)}; su VAR. se calcula al cerrar el bimestre.";
        }

        var t = data.Thresholds;
        yield return "% AVANCE ANUAL = META REAL ÷ META PROGRAMADA. % CUMPLIMIENTO = META REAL ÷ lo programado en los bimestres cerrados.";
        yield return $"Semáforo por % de cumplimiento: verde {Pct(t.Green)}–{Pct(t.Over)} %, amarillo {Pct(t.Yellow)}–<{Pct(t.Green)} %, rojo < {Pct(t.Yellow)} %, sobre la meta > {Pct(t.Over)} %.";
    }

    private static void Signature(XlsxSheet sheet, uint row, PoaWorkbookData data)
    {
        sheet.Text(row, NameCol, $"Fuente de información: {Source}", XlsxStyles.Default);
        sheet.Text(row + 2, NameCol, "Responsable de la información:", XlsxStyles.Bold);
        sheet.Text(row + 5, NameCol, "______________________________________", XlsxStyles.Default);
        sheet.Text(row + 6, NameCol, data.Responsible, XlsxStyles.Bold);
        sheet.Text(row + 7, NameCol, data.Position, XlsxStyles.Default);
    }

    private static int BimesterCol(int bimester) => FirstBimesterCol + ((bimester - 1) * 3);

    private static double? Fraction(decimal? pct) => pct is { } p ? (double)Math.Round(p / 100m, 6) : null;

    private static string Pct(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A rough count of the lines a wrapped text takes in a column (one width unit is about one character).</summary>
    private static int Lines(string text, double width)
    {
        var perLine = Math.Max(1, (int)(width * 1.05));
        return text.Split('\n').Sum(part => Math.Max(1, (int)Math.Ceiling(part.Length / (double)perLine)));
    }
}
