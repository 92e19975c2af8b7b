namespace PoaBot.Core.Reporting;

public static partial class PoaWorkbook
{
    /// <summary>«Trimestral»: each activity in each ended quarter (as <c>summary --trimestral</c>); no sheet before the first quarter ends.</summary>
    private static XlsxSheet? QuarterlySheet(PoaWorkbookData data, SharedStrings strings) =>
        XlsxTable.Create("Trimestral", strings, data.Quarters, empty: null,
            XlsxColumn<QuarterRow>.Num("Núm.", r => r.AtQuarterEnd.Num),
            XlsxColumn<QuarterRow>.Long("Actividad", 45, r => r.AtQuarterEnd.Name),
            XlsxColumn<QuarterRow>.Text("Trimestre", 16, r => QuarterName(r.Quarter)),
            XlsxColumn<QuarterRow>.Int("Real en el trimestre", 12, r => r.Real),
            XlsxColumn<QuarterRow>.Int("Real acumulado", 12, r => r.AtQuarterEnd.RealAcum),
            XlsxColumn<QuarterRow>.Int("Programado acumulado", 13, r => r.AtQuarterEnd.ProgAcum),
            XlsxColumn<QuarterRow>.Pct("% avance anual", r => r.AtQuarterEnd.AvancePct),
            XlsxColumn<QuarterRow>.Pct("% cumplimiento", r => r.AtQuarterEnd.CumplimientoPct),
            XlsxColumn<QuarterRow>.Semaforo("Semáforo", r => r.AtQuarterEnd));

    /// <summary>
    /// «Consejos»: every council and activity, zeros included, those with nothing reported first (as <c>summary --consejos</c>);
    /// no sheet while there are no councils.
    /// </summary>
    private static XlsxSheet? CouncilSheet(PoaWorkbookData data, SharedStrings strings) =>
        XlsxTable.Create(
            "Consejos",
            strings,
            [.. data.Councils.SelectMany(c => c.Activities.Select(a => (Council: c, Activity: a)))],
            empty: null,
            XlsxColumn<(CouncilProgress Council, CouncilActivity Activity)>.Text("Consejo", 28, r => r.Council.Council),
            XlsxColumn<(CouncilProgress Council, CouncilActivity Activity)>.Text("Localidad", 20, r => r.Council.Locality),
            XlsxColumn<(CouncilProgress Council, CouncilActivity Activity)>.Num("Act.", r => r.Activity.Num),
            XlsxColumn<(CouncilProgress Council, CouncilActivity Activity)>.Long("Actividad", 45, r => r.Activity.Activity),
            XlsxColumn<(CouncilProgress Council, CouncilActivity Activity)>.Int("Realizado", 11, r => r.Activity.Real),
            XlsxColumn<(CouncilProgress Council, CouncilActivity Activity)>.Date("Último reporte", r => r.Activity.LastReport));

    private static string QuarterName(int quarter) => quarter switch
    {
        1 => "1.º (ene–mar)",
        2 => "2.º (abr–jun)",
        3 => "3.º (jul–sep)",
        _ => "4.º (oct–dic)",
    };
}
