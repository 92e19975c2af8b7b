namespace PoaBot.Core.Reporting;

public static partial class PoaWorkbook
{
    /// <summary>«Trimestral»: each activity in each ended quarter (as <c>summary --trimestral</c>); no sheet before the first quarter ends.</summary>
    private static XlsxSheet? QuarterlySheet(PoaWorkbookData data, SharedStrings strings) =>
        XlsxTable.Create(ExportText.QuarterlySheet, strings, data.Quarters, empty: null,
            XlsxColumn<QuarterRow>.Num(ExportText.Num, r => r.AtQuarterEnd.Num),
            XlsxColumn<QuarterRow>.Long(ExportText.Activity, 45, r => r.AtQuarterEnd.Name),
            XlsxColumn<QuarterRow>.Text(ExportText.QuarterColumn, 16, r => ExportText.Quarters[r.Quarter - 1]),
            XlsxColumn<QuarterRow>.Int(ExportText.RealInQuarter, 12, r => r.Real),
            XlsxColumn<QuarterRow>.Int(ExportText.RealAcum, 12, r => r.AtQuarterEnd.RealAcum),
            XlsxColumn<QuarterRow>.Int(ExportText.ProgAcum, 13, r => r.AtQuarterEnd.ProgAcum),
            XlsxColumn<QuarterRow>.Pct(ExportText.Avance, r => r.AtQuarterEnd.AvancePct),
            XlsxColumn<QuarterRow>.Pct(ExportText.Compliance, r => r.AtQuarterEnd.CumplimientoPct),
            XlsxColumn<QuarterRow>.Semaforo(ExportText.Semaforo, r => r.AtQuarterEnd));

    /// <summary>
    /// «Consejos»: every council and activity, zeros included, those with nothing reported first (as <c>summary --consejos</c>);
    /// no sheet while there are no councils.
    /// </summary>
    private static XlsxSheet? CouncilSheet(PoaWorkbookData data, SharedStrings strings) =>
        XlsxTable.Create(
            ExportText.CouncilsSheet,
            strings,
            [.. data.Councils.SelectMany(c => c.Activities.Select(a => (Council: c, Activity: a)))],
            empty: null,
            XlsxColumn<(CouncilProgress Council, CouncilActivity Activity)>.Text(ExportText.Council, 28, r => r.Council.Council),
            XlsxColumn<(CouncilProgress Council, CouncilActivity Activity)>.Text(ExportText.Locality, 20, r => r.Council.Locality),
            XlsxColumn<(CouncilProgress Council, CouncilActivity Activity)>.Num(ExportText.Act, r => r.Activity.Num),
            XlsxColumn<(CouncilProgress Council, CouncilActivity Activity)>.Long(ExportText.Activity, 45, r => r.Activity.Activity),
            XlsxColumn<(CouncilProgress Council, CouncilActivity Activity)>.Int(ExportText.Done, 11, r => r.Activity.Real),
            XlsxColumn<(CouncilProgress Council, CouncilActivity Activity)>.Date(ExportText.LastReportColumn, r => r.Activity.LastReport));
}
