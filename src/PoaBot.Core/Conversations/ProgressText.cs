using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;

namespace PoaBot.Core.Conversations;

/// <summary>
/// How the chat names an activity and phrases its progress, the same in /reportar, /misreportes, /folio, /resumen, drafts
/// and reminders: «1. Reunión de consejo»; «1 de 15 programadas»; «🟢 verde (95.0 % de lo programado en bimestres cerrados)».
/// </summary>
[UserTexts("Avance y nombres de actividades en el chat")]
public static class ProgressText
{
    /// <summary>An activity as people read it: its number and its kind's name («1. Reunión de consejo»), else its own name in sentence case.</summary>
    public static string Activity(string num, string name, ActivityKind kind) =>
        $"{num}. {kind.MenuLabel ?? Html.Shorten(Html.Sentence(name), 40)}";

    public static string Activity(ActivityPlan activity) => Activity(activity.Num, activity.Name, activity.Kind);

    /// <summary>«4 de 15 programadas», or «1, sin nada programado» when nothing was programmed.</summary>
    public static string OfProgrammed(int real, int prog) =>
        prog == 0 ? $"{Numbers.Int(real)}, sin nada programado" : $"{Numbers.Int(real)} de {Numbers.Int(prog)} programadas";

    /// <summary>«Año: 5 de 20 · avance anual 25.0 %»: the year's goal.</summary>
    public static string Year(ActivityProgress a) => $"Año: {Numbers.Int(a.RealAcum)} de {Numbers.Int(a.Goal)} · avance anual {Numbers.Pct(a.AvancePct)}";

    /// <summary>«VAR: +1 contra lo programado en bimestres cerrados (0)».</summary>
    public static string Var(ActivityProgress a)
    {
        var var = a.RealAcum - a.ProgAcum;
        return $"VAR: {(var > 0 ? "+" : "")}{Numbers.Int(var)} contra lo programado en bimestres cerrados ({Numbers.Int(a.ProgAcum)})";
    }

    /// <summary>
    /// The semáforo against what was programmed in closed bimesters, never against the year's goal: «🔵 sobre lo programado
    /// (125.0 % de lo programado en bimestres cerrados)»; before any closed bimester had something programmed, «⚪ aún no
    /// cierra un bimestre con programación».
    /// </summary>
    public static string Light(Semaforo semaforo, int progClosed, int real) =>
        progClosed > 0 ? $"{semaforo.Words(progClosed)} ({Numbers.Pct(SemaforoThresholds.Percent(real, progClosed))} de lo programado en bimestres cerrados)"
        : real > 0 ? "🔵 adelantado: aún no cierra un bimestre con programación"
        : "⚪ aún no cierra un bimestre con programación";

    public static string Light(ActivityProgress a) => Light(a.Semaforo, a.ProgAcum, a.RealAcum);
}
