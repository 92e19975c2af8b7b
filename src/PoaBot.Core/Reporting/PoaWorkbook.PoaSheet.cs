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
    private const int JustificationCol = MetaProgCol + 6;

    private const uint LabelRow = 5;
    private const uint BimesterRow = 6;
    private const uint SubRow = 7;

    // Narrow enough that one legal page in landscape prints the body at about 8 pt or more: the objectives (long
    // paragraphs) stay in a hidden column, for the importer, and print on their own sheet.
    private const double NameWidth = 28;
    private const double ObjectiveWidth = 60;
    private const double SemaforoWidth = 13;
    private const double JustificationWidth = 30;

    /// <summary>The POA table in the seed's layout: the importer finds its columns by these labels.</summary>
    private static XlsxSheet PoaSheet(PoaWorkbookData data, SharedStrings strings)
    {
        var sheet = new XlsxSheet(PoaSheetName, strings)
        {
            FrozenRows = SubRow,
            Landscape = true,
            OnePage = true,
            PageHeader = PageTitle(data),
        };
        sheet.Text(1, NumCol, ExportText.Title(data.Year).ToUpperInvariant(), XlsxStyles.Title);
        sheet.Text(2, NumCol, data.Directorate, XlsxStyles.Subtitle);
        sheet.Text(3, NumCol, ExportText.AsOf(data.Year, data.AsOf), XlsxStyles.Bold);

        Header(sheet, data.Year);
        var row = SubRow + 1;
        var missing = data.MissingJustifications();
        foreach (var a in data.Activities)
        {
            ActivityRow(sheet, row++, a, data.Objectives.GetValueOrDefault(a.Num, ""), Justification(data, missing, a.Num));
        }

        row++;
        foreach (var note in Notes(data))
        {
            sheet.Text(row++, NameCol, note, XlsxStyles.Note);
        }

        Signature(sheet, row, data);
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

        Label(NumCol, ExportText.NumProg, 5);
        Label(NameCol, ExportText.Activities, NameWidth);
        Label(ObjectiveCol, ExportText.Objectives, ObjectiveWidth);
        sheet.Hide(ObjectiveCol);
        sheet.Text(LabelRow, FirstBimesterCol, ExportText.YearInBimesters(year), XlsxStyles.Header);
        sheet.Merge(LabelRow, FirstBimesterCol, LabelRow, MetaProgCol - 1);
        foreach (var b in Bimesters.All)
        {
            var col = BimesterCol(b);
            sheet.Text(BimesterRow, col, Bimesters.DocumentName(b), XlsxStyles.Header);
            sheet.Merge(BimesterRow, col, BimesterRow, col + 2);
            for (var offset = 0; offset < 3; offset++)
            {
                sheet.Text(SubRow, col + offset, ExportText.ProgRealVar[offset], XlsxStyles.Header);
                sheet.Width(col + offset, 5.5);
            }
        }

        Label(MetaProgCol, ExportText.GoalHeading, 11);
        Label(MetaRealCol, $"{ExportText.GoalRealHeading} {year}", 9);
        Label(VarCol, ExportText.VariationHeading, 11);
        Label(AvanceCol, ExportText.AvanceHeading, 9);
        Label(CumplimientoCol, ExportText.ComplianceHeading, 11);
        Label(SemaforoCol, ExportText.SemaforoHeading, SemaforoWidth);
        Label(JustificationCol, ExportText.JustificationHeading, JustificationWidth);
        sheet.Height(LabelRow, 30);
        sheet.Height(BimesterRow, 30);
    }

    private static void ActivityRow(XlsxSheet sheet, uint row, ActivityProgress a, string objective, string justification)
    {
        sheet.ActivityNum(row, NumCol, a.Num, XlsxStyles.Int);
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
        // A word and a fill colour: printers have no emoji glyphs.
        var semaforo = a.Semaforo.PlainWords(a.ProgAcum);
        sheet.Text(row, SemaforoCol, semaforo, XlsxStyles.Of(a.Semaforo));
        sheet.Text(row, JustificationCol, justification, XlsxStyles.Wrap);
        sheet.FitLines(row, new[]
        {
            XlsxSheet.Lines(a.Name, NameWidth),
            XlsxSheet.Lines(semaforo, SemaforoWidth), XlsxSheet.Lines(justification, JustificationWidth),
        }.Max());
    }

    /// <summary>The activity's written justifications, and «Falta justificación» for closed bimesters that need one.</summary>
    internal static string Justification(PoaWorkbookData data, IReadOnlyList<(string ActivityNum, int Bimester)> missing, string activityNum)
    {
        var lines = data.Justifications.Where(j => j.ActivityNum == activityNum)
            .Select(j => $"{Bimesters.ShortName(j.Bimester)}: {j.Text}").ToList();
        var lacking = missing.Where(m => m.ActivityNum == activityNum).Select(m => Bimesters.ShortName(m.Bimester)).ToList();
        if (lacking.Count > 0)
        {
            lines.Add(ExportText.MissingJustifications(lacking));
        }

        return string.Join("\n", lines);
    }

    /// <summary>The printed page header: municipality, directorate and the report's title.</summary>
    internal static string PageTitle(PoaWorkbookData data) =>
        string.Join(" · ", new[] { data.Signature.Municipality, data.Directorate, $"POA {data.Year}", Numbers.AsOfPhrase(data.Year, data.AsOf) }
            .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    /// <summary>What a reader needs to read the table right: the open bimester and how the semáforo is decided.</summary>
    private static IEnumerable<string> Notes(PoaWorkbookData data)
    {
        var open = data.Activities.SelectMany(a => a.Bimesters).FirstOrDefault(b => b.State == PeriodState.Open);
        if (open is not null)
        {
            yield return ExportText.OpenBimesterColumn(Bimesters.DocumentName(open.Bimester), data.AsOf);
        }

        var t = data.Thresholds;
        yield return ExportText.Formulas;
        yield return ExportText.SemaforoBands(t.Green, t.Yellow, t.Over);
    }

    /// <summary>Source, place and date, then Elaboró / Revisó / Autorizó side by side with a line to sign on.</summary>
    private static void Signature(XlsxSheet sheet, uint row, PoaWorkbookData data)
    {
        sheet.Text(row, NameCol, ExportText.SourceNote, XlsxStyles.Default);
        sheet.Text(row + 1, NameCol, data.Signature.PlaceAndDate(data.AsOf), XlsxStyles.Default);
        int[] cols = [NameCol, BimesterCol(3), BimesterCol(6) + 3];
        foreach (var ((role, who), col) in data.Signature.Lines.Zip(cols))
        {
            sheet.Text(row + 2, col, $"{role}:", XlsxStyles.Bold);
            sheet.Text(row + 4, col, "______________________________", XlsxStyles.Default);
            sheet.Text(row + 5, col, who.Name, XlsxStyles.Bold);
            sheet.Text(row + 6, col, who.Position, XlsxStyles.Default);
        }

        sheet.Height(row + 3, 30);
    }

    private static int BimesterCol(int bimester) => FirstBimesterCol + ((bimester - 1) * 3);

    private static double? Fraction(decimal? pct) => pct is { } p ? (double)Math.Round(p / 100m, 6) : null;

}
