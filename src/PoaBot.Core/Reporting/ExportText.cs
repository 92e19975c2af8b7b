using System.Globalization;
using PoaBot.Core.Conversations;

namespace PoaBot.Core.Reporting;

/// <summary>The sentences of the exported files: the XLSX workbook, the PDF to sign, the chart and the terminal views.</summary>
[UserTexts("Archivos exportados: Excel, PDF, gráfica")]
public static class ExportText
{
    public static string Title(int year) => $"Programa Operativo Anual {year}";

    /// <summary>«Cierre del ejercicio 2024» once the year's last day is reached, else «Avance al 15/04/2024».</summary>
    public static string AsOf(int year, DateOnly asOf) =>
        asOf >= new DateOnly(year, 12, 31) ? $"Cierre del ejercicio {year}" : $"Avance al {Numbers.Date(asOf)}";

    public const string Source = "PoaBot — registros de los Consejos Sociales de Participación Ciudadana";

    public const string SourceNote = "Fuente de información: " + Source;

    public const string Formulas =
        "% AVANCE ANUAL = META REAL ÷ META PROGRAMADA. % CUMPLIMIENTO = META REAL ÷ lo programado en los bimestres cerrados.";

    public static string SemaforoBands(decimal green, decimal yellow, decimal over) =>
        $"Semáforo por % de cumplimiento: verde {Pct(green)}–{Pct(over)} %, amarillo {Pct(yellow)}–<{Pct(green)} %, rojo < {Pct(yellow)} %, sobre lo programado > {Pct(over)} %.";

    /// <summary>The XLSX note on the open bimester's REAL column.</summary>
    public static string OpenBimesterColumn(string bimester, DateOnly asOf) =>
        $"REAL de {bimester} (en cursiva): bimestre en curso, lo reportado hasta el {Numbers.Date(asOf)}; su VAR. se calcula al cerrar el bimestre.";

    /// <summary>The PDF note on the open bimester (its REAL marked with an asterisk).</summary>
    public static string OpenBimesterNote(DateOnly asOf) => $"* Bimestre en curso: lo reportado hasta el {Numbers.Date(asOf)}.";

    public static string Page(int page, int pages) => $"Página {page} de {pages}";

    /// <summary>The workbook's page footer: Excel writes the page for &amp;P and the pages for &amp;N.</summary>
    public const string FooterPage = "Página &P de &N";

    // The signature block of the workbook and the PDF.
    public const string Prepared = "Elaboró";

    public const string Reviewed = "Revisó";

    public const string Authorized = "Autorizó";

    /// <summary>«Zapopan, Jalisco, a 31/12/2024» or, without a municipality, «A 31/12/2024».</summary>
    public static string PlaceAndDate(string? municipality, DateOnly date) =>
        string.IsNullOrWhiteSpace(municipality) ? $"A {Numbers.Date(date)}" : $"{municipality.Trim()}, a {Numbers.Date(date)}";

    public const string JustificationsHeading = "JUSTIFICACIONES";

    public const string JustificationsContinued = "JUSTIFICACIONES (continuación)";

    /// <summary>Ends a justification cut short in the PDF's table.</summary>
    public const string SeeJustifications = "… (ver Justificaciones)";

    public const string MissingJustification = "Falta justificación";

    public static string MissingJustifications(IReadOnlyList<string> bimesters) => $"{MissingJustification} ({string.Join(", ", bimesters)})";

    public static string NoJustificationNeeded(DateOnly asOf) => $"Ninguna actividad requiere justificación al {Numbers.Date(asOf)}.";

    public static string NoJustificationSheet(DateOnly asOf) =>
        $"Ninguna actividad requiere justificación al {Numbers.Date(asOf)}: en los bimestres cerrados todas quedaron en verde o sin programa.";

    // The POA table's headings, as in the office's document (the importer finds its columns by them): the workbook, the PDF and the terminal.
    public const string NumProg = "Núm. Prog.", Activities = "ACTIVIDADES", Objectives = "OBJETIVOS";

    public static string YearInBimesters(int year) => $"AÑO {year} EN BIMESTRES";

    /// <summary>Each bimester's three columns; the PDF and the terminal write VAR without its full stop.</summary>
    public static readonly IReadOnlyList<string> ProgRealVar = ["PROG", "REAL", "VAR."];

    /// <summary>The workbook adds the year to META REAL: «META REAL 2024».</summary>
    public const string GoalHeading = "META PROGRAMADA", GoalRealHeading = "META REAL", VariationHeading = "VARIACIÓN",
        AvanceHeading = "% AVANCE ANUAL", ComplianceHeading = "% CUMPLI-MIENTO", SemaforoHeading = "SEMÁFORO",
        JustificationHeading = "JUSTIFICACIÓN";

    // The PDF's narrow columns: shorter headings, cut where they may wrap.
    public const string PdfGoalHeading = "META PROG.", PdfVariationHeading = "VARIA- CIÓN", PdfComplianceHeading = "% CUMPLI- MIENTO";

    // The terminal's POA table (poabot summary), under each activity's bimesters.
    public static string SummaryGoals(long goal, long real, long variation) =>
        $"  {GoalHeading} {Numbers.Int(goal)} | {GoalRealHeading} {Numbers.Int(real)} | {VariationHeading} {Numbers.Int(variation)}";

    public static string SummaryProgress(decimal? avancePct, decimal? cumplimientoPct, string semaforo) =>
        $"  Avance anual {Numbers.Pct(avancePct)} | Cumplimiento {Numbers.Pct(cumplimientoPct)} | {semaforo}";

    // The workbook's other sheets: their names, then their columns.
    public const string QuarterlySheet = "Trimestral", CouncilsSheet = "Consejos", ObjectivesSheet = "Objetivos",
        JustificationsSheet = "Justificaciones", AuditSheet = "Auditoría", ImportWarningsSheet = "Advertencias de importación";

    public const string Num = "Núm.", Act = "Act.", Activity = "Actividad", Objective = "Objetivo", QuarterColumn = "Trimestre";

    public static readonly IReadOnlyList<string> Quarters = ["1.º (ene–mar)", "2.º (abr–jun)", "3.º (jul–sep)", "4.º (oct–dic)"];

    public const string RealInQuarter = "Real en el trimestre", RealAcum = "Real acumulado", ProgAcum = "Programado acumulado",
        Avance = "% avance anual", Compliance = "% cumplimiento", Semaforo = "Semáforo";

    public const string Council = "Consejo", Locality = "Localidad", Done = "Realizado", LastReportColumn = "Último reporte", Folio = "Folio",
        Bimester = "Bimestre", Date = "Fecha", Count = "Cantidad";

    public const string Justification = "Justificación", Author = "Autor", Who = "Quién", Action = "Acción", Field = "Campo", Before = "Antes",
        After = "Después", Reason = "Motivo", Warning = "Advertencia";

    public const string RequestFolio = "Folio de la solicitud", RequestDate = "Fecha de la solicitud", RequestSubject = "Qué se solicitó",
        ShareCount = "Cuenta", Note = "Nota";

    public static string ShareNote(string folio) => $"Participación en el programa del folio {folio}";

    public const string State = "Estado", ManagedFolio = "Folio de gestión", ManagedDate = "Fecha de gestión", Evidence = "Evidencia",
        CreatedBy = "Registró", VoidReason = "Motivo de anulación";

    // A record's state in its sheet; a request's also says whether it was managed, and the year it came from.
    public static string Voided(bool feminine) => feminine ? "anulada" : "anulado";

    public const string InForce = "vigente", Managed = "gestionada", Pending = "pendiente";

    public static string CarriedOver(string state, int year) => $"{state} (recibida en {year})";

    public const string NoFont =
        "No encontré una fuente TrueType para el PDF. Instale el paquete fonts-dejavu-core (apt-get install fonts-dejavu-core) e intente de nuevo.";

    // The progress chart.
    public static string ChartTitle(int year, string asOf) => $"POA {year} — {asOf}";

    public const string ChartNoActivities = "El POA no tiene actividades.";

    /// <summary>Followed by <see cref="ChartPage"/> when there are several pages, then a full stop.</summary>
    public const string ChartHowToRead = "Barras: por bimestre. Líneas: acumulado del año";

    public static string ChartPage(int page, int pages) => $" · página {page} de {pages}";

    public static readonly IReadOnlyList<string> ChartLegend =
        ["Programado", "Realizado", "En curso", "Meta anual", "Programado acumulado", "Realizado acumulado"];

    /// <summary>Over the open bimester's bars.</summary>
    public const string ChartOpenTag = "en curso";

    public static string ChartGoal(int goal) => $"Meta {Numbers.Int(goal)}";

    public const string ChartSource = "Fuente: PoaBot, registros de los Consejos de Participación.";

    public static string ChartOpenBimester(string bimester) => $"{bimester} en curso: barra rayada, lo reportado hasta la fecha.";

    /// <summary>"11 de 20 (55.0 %) · cumplimiento 55.0 %: rojo": the semáforo as a word and a number, never colour alone.</summary>
    public static string ChartStatus(long real, long goal, decimal? avancePct, decimal? cumplimientoPct, string semaforo) =>
        $"{Numbers.Int(real)} de {Numbers.Int(goal)} ({Numbers.Pct(avancePct)}) · " +
        (cumplimientoPct is null ? semaforo : $"cumplimiento {Numbers.Pct(cumplimientoPct)}: {semaforo}");

    // The terminal views (poabot summary).
    public static string QuarterlyTitle(int year, string asOf) => $"POA {year}, VISTA TRIMESTRAL — {asOf}\n";

    public const string NoQuarterYet = "Aún no termina ningún trimestre.\n";

    public static string Quarter(int quarter, long real, long realAcum, long progAcum, decimal? avancePct, decimal? cumplimientoPct, string semaforo) =>
        $"  T{quarter}: real {Numbers.Int(real)} | acumulado {Numbers.Int(realAcum)} de {Numbers.Int(progAcum)} programado | " +
        $"avance anual {Numbers.Pct(avancePct)} | cumplimiento {Numbers.Pct(cumplimientoPct)} | {semaforo}\n";

    public static string CouncilReportTitle(int year, DateOnly asOf) => $"POA {year}, POR CONSEJO — {Numbers.AsOfPhrase(year, asOf)}";

    public const string NoCouncils = "No hay consejos registrados.";

    /// <summary>«sin reportes en el año» or «último reporte 12/04/2024».</summary>
    public static string LastReport(DateOnly? lastReport) =>
        lastReport is { } d ? $"último reporte {Numbers.Date(d)}" : "sin reportes en el año";

    public const string OpenBimesterFootnote = "* bimestre en curso: lo reportado hasta la fecha.";

    private static string Pct(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
