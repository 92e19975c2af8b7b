using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;

namespace PoaBot.Core.Conversations;

/// <summary>
/// What /resumen says: the POA's progress by activity, by council and by quarter, and an activity's after a report is saved.
/// The one place that names an activity and phrases progress in the chat (/reportar, /misreportes, /folio, drafts,
/// reminders too): «1. Reunión de consejo»; «1 de 15 programadas»; «🟢 verde (95.0 % de lo programado en bimestres cerrados)».
/// </summary>
[UserTexts("Avance: /resumen, y el nombre de cada actividad en el chat")]
public static class ProgressText
{
    /// <summary>An activity as people read it: its number and its kind's name («1. Reunión de consejo»), else its own name in sentence case.</summary>
    public static string Activity(string num, string name, ActivityKind kind) =>
        $"{num}. {kind.MenuLabel ?? Html.Shorten(Html.Sentence(name), 40)}";

    public static string Activity(ActivityPlan activity) => Activity(activity.Num, activity.Name, activity.Kind);

    /// <summary>«4 de 15 programadas», or «1, sin nada programado» when nothing was programmed.</summary>
    public static string OfProgrammed(int real, int prog) =>
        prog == 0 ? $"{Numbers.Int(real)}, sin nada programado" : $"{Numbers.Int(real)} de {Numbers.Int(prog)} programadas";

    public static string NoPoa(int year, string directorate) =>
        $"Aún no hay un POA {year} cargado para {DirectorateText.The(directorate)}. Pida a la dirección que lo importe.";

    public static string Title(int year, DateOnly asOf) => $"📊 <b>Avance del POA {year}</b>{When(year, asOf)}\n";

    /// <summary>« al 15/04/2024», or «: cierre del ejercicio» from the year's last day: a title's date, after «Avance …».</summary>
    private static string When(int year, DateOnly asOf) => asOf >= new DateOnly(year, 12, 31) ? ": cierre del ejercicio" : $" al {Numbers.Date(asOf)}";

    /// <summary>An activity's heading in /resumen: its name as <see cref="Activity(string, string, ActivityKind)"/> gives it.</summary>
    public static string Heading(string activity) => $"<b>{Html.Escape(activity)}</b>\n";

    public static string OpenBimester(string bimester, int real, int prog) => $"{bimester} (en curso): {OfProgrammed(real, prog)}\n";

    public static string Bimester(string bimester, int real, int prog) => $"{bimester}: {OfProgrammed(real, prog)}\n";

    /// <summary>«Año: 5 de 20 · avance anual 25.0 %»: against the year's goal.</summary>
    public static string Year(int real, int goal, decimal? advance) =>
        $"Año: {Numbers.Int(real)} de {Numbers.Int(goal)} · avance anual {Numbers.Pct(advance)}\n";

    public static string Variance(string signed, int prog) => $"VAR: {signed} contra lo programado en bimestres cerrados ({Numbers.Int(prog)})\n";

    /// <summary>«De sus consejos: 1 de los 3 del año»: what the coordinator's own councils reported, of everyone's.</summary>
    public static string YourCouncils(int own, int all) => $"De sus consejos: {Numbers.Int(own)} de los {Numbers.Int(all)} del año\n";

    public static string Justification(string bimester, string text) => $"📝 {bimester}: {Html.Escape(Html.Shorten(text, 120))}\n";

    public const string ListGoesOn = "… (la lista sigue; pida el reporte completo a la Dirección)";

    /// <summary>
    /// The semáforo against what was programmed in closed bimesters, never against the year's goal: «🔵 sobre lo programado
    /// (125.0 % de lo programado en bimestres cerrados)»; before any closed bimester had something programmed, «⚪ aún no
    /// cierra un bimestre con programación».
    /// </summary>
    public static string Light(Semaforo semaforo, int progClosed, int real) =>
        progClosed > 0 ? $"{semaforo.Words(progClosed)} ({Numbers.Pct(SemaforoThresholds.Percent(real, progClosed))} de lo programado en bimestres cerrados)"
        : real > 0 ? "🔵 adelantado: aún no cierra un bimestre con programación"
        : "⚪ aún no cierra un bimestre con programación";

    /// <summary>«Vea también: /resumen trimestre · /resumen consejos»: the other views of the summary.</summary>
    public static string OtherViews(IEnumerable<string> commands) => "\n\nVea también: " + string.Join(" · ", commands);

    // By council
    public static string CouncilsTitle(int year, DateOnly asOf) => $"🏘 <b>Avance por consejo del POA {year}</b>{When(year, asOf)}\n";

    public const string NoCouncils = "\nAún no hay consejos registrados.";

    public static string CouncilCount(int councils, int silent) =>
        $"\n{Numbers.Int(councils)} consejos; {Numbers.Int(silent)} sin reportes en el año.\n";

    // By quarter
    public static string QuartersTitle(int year, DateOnly asOf) => $"📅 <b>Avance trimestral del POA {year}</b>{When(year, asOf)}\n";

    public const string NoQuarterEnded = "\nAún no termina ningún trimestre del año.";

    public static string Quarter(int quarter, int real, int realAcum, int progAcum, string semaforo) =>
        $"T{quarter}: {Numbers.Int(real)} en el trimestre · en el año {OfProgrammed(realAcum, progAcum)} · {semaforo}\n";
}
