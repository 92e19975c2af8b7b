namespace PoaBot.Core.Conversations;

/// <summary>What the bimester close says in the chat: justifications (/justificar) and reopening (/reabrir).</summary>
[UserTexts("Cierre de bimestre: /justificar y /reabrir")]
public static class CloseText
{
    // /justificar
    public const string ActivityGone = "Esa actividad ya no existe; no se cambió nada.";

    public static string NotClosedYet(string bimester, DateOnly from) =>
        $"El bimestre {bimester} aún no cierra; podrá justificarlo a partir del {Reporting.Numbers.Date(from)}.";

    /// <summary>The bimester locked: the Dirección reopens it itself; a coordinator asks the Dirección.</summary>
    public static string AlreadyLocked(string bimester, int year, bool director) =>
        $"El bimestre {bimester} {year} ya está bloqueado, así que su justificación ya no se puede escribir ni cambiar. " +
        (director ? "Para hacerlo, reábralo con /reabrir y vuelva a intentarlo." : "Si hace falta, pida a la Dirección que lo reabra.");

    /// <summary>Asks why the activity fell short of the program, or, when it went over (e.g. 200 %), why it exceeded it.</summary>
    public static string AskJustification(string activity, string bimester, int year, string? current, bool over) =>
        $"Escriba la justificación de <b>{Html.Escape(activity)}</b> en {bimester} {year}: " +
        (over ? "por qué se superó lo programado." : "por qué no se alcanzó lo programado.") +
        (current is null ? "" : $"\nJustificación actual: {Html.Escape(current)}") +
        (over
            ? "\nEjemplo: Llegaron más solicitudes por la temporada de lluvias."
            : "\nEjemplo: Se pospuso por las lluvias; se reprogramó para el siguiente bimestre.");

    public const string JustificationText = "Escriba la justificación en un mensaje de texto (máximo 1,000 caracteres), o toque Cancelar.";

    public static string JustificationSaved(string bimester) =>
        $"✅ Justificación guardada para {bimester}. Aparecerá en /resumen y en el reporte del POA.";

    public const string NothingToJustify = "No hay actividades fuera del rango verde en los bimestres cerrados de este año ni del anterior. Puede ver el avance con /resumen.";

    /// <summary>Out-of-band activities in locked bimesters: what to do to justify them.</summary>
    public static string LockedToJustify(IReadOnlyList<string> bimesters) =>
        $"{(bimesters.Count == 1 ? "El bimestre" : "Los bimestres")} {string.Join(", ", bimesters)} " +
        $"{(bimesters.Count == 1 ? "tiene" : "tienen")} actividades fuera del rango verde, pero ya {(bimesters.Count == 1 ? "está bloqueado" : "están bloqueados")}. " +
        "Para justificarlas, reabra el bimestre con /reabrir y vuelva a escribir /justificar.";

    public const string ChooseJustification =
        "¿Qué desea justificar? (actividades fuera del rango verde en bimestres cerrados y aún no bloqueados)";

    public static string JustificationButton(string bimester, int year, string activity) => $"{bimester} {year} · {Html.Shorten(activity, 40)}";

    public const string NoJustificationNeeded = "Esa actividad no necesita justificación en ese bimestre; no se cambió nada.";

    public const string JustificationWritten = "Esa justificación ya está escrita; solo la Dirección puede cambiarla. No se cambió nada.";

    public const string ScheduleNext = "\n\nPara ver qué consejos no han reportado: /resumen consejos";

    // /reabrir
    public static string NothingLocked(int previous, int year) => $"No hay bimestres bloqueados en {previous} ni en {year}.";

    public const string ChooseReopen = "¿Qué bimestre desea reabrir? (de este año y del anterior)";

    public static string AskReopenDays(string bimester, int year) => $"¿Por cuántos días reabre {bimester} {year}? Escriba un número del 1 al 30.";

    public const string ReopenDaysAgain = "Escriba un número de días del 1 al 30, por ejemplo: 3";

    public const string AskReopenReason = "¿Por qué se reabre? Escriba el motivo.\nEjemplo: Faltó registrar dos reuniones del Consejo Centro.";

    public const string ReopenReasonAgain = "Escriba el motivo en un mensaje (máximo 500 caracteres).";

    public static string Reopened(string bimester, int year, DateOnly until) =>
        $"🔓 {bimester} {year} queda abierto hasta el {Reporting.Numbers.Date(until)}. Motivo guardado en la bitácora. " +
        "Ya se pueden registrar y corregir sus reportes; para justificarlo: /justificar";
}
