using PoaBot.Core.Reporting;

namespace PoaBot.Core.Conversations;

/// <summary>What /misreportes and /folio say, and voiding (anular) and correcting (corregir) a record.</summary>
[UserTexts("Reportes guardados: /misreportes, /folio, anular y corregir")]
public static class RecordsText
{
    // /misreportes
    public const string NoRecords = "Aún no ha registrado reportes. Toque <b>Reportar</b> para empezar.";

    public const string ListTitle = "<b>Sus reportes, del más reciente</b>";

    /// <summary>What a report's line says after its folio and day (the list escapes it).</summary>
    public static string ListDescription(string activity, string council) => $"{Html.Shorten(activity, 30)} · {Html.Shorten(council, 30)}";

    public const string VoidedMark = " <i>(anulado)</i>";

    public const string LockedMark = " <i>(bimestre bloqueado)</i>";

    public const string ListEnd =
        "Para ver uno completo escriba /folio y su número. Si alguno está mal, puede corregirlo o anularlo mientras su bimestre no esté bloqueado.";

    public static string AmendFolioButton(string folio) => $"Corregir {folio}";

    public static string VoidFolioButton(string folio) => $"Anular {folio}";

    // /folio
    public static string FolioMissing(string folio) => $"Escriba el folio después del comando, por ejemplo: /folio {folio}";

    public static string FolioNotFound(string folio) =>
        $"No encontré el folio {Html.Escape(Html.Shorten(folio, 30))} entre los reportes que usted puede ver.";

    public const string VoidButton = "🗑 Anular";

    public const string AmendButton = "✏️ Corregir";

    public static string CardTitle(string folio, bool voided) => $"<b>Folio {folio}</b>{(voided ? " — <b>ANULADO</b>" : "")}";


    public static string CardVoided(string? who, string? reason) => $"Anulado por: {Html.Escape(who)}\nMotivo: {Html.Escape(reason)}";

    // Voiding
    public static string AskVoidReason(string folio) => $"¿Por qué anula el folio <b>{folio}</b>? Escriba el motivo.\nEjemplo: Lo registré dos veces.";

    /// <summary>Someone else's record (a forged or old button), or one whose council is no longer the person's.</summary>
    public const string NotAvailable =
        "Ese reporte no está disponible para usted: solo puede corregir o anular los reportes que usted registró. No se cambió nada.";

    public static string Voided(string folio, string reason) => $"🗑 Folio {folio} anulado. Motivo: {Html.Escape(reason)}\nSus reportes: /misreportes";

    public static string AlreadyVoided(string folio) => $"El folio {folio} ya estaba anulado; no se cambió nada. Sus reportes: /misreportes";

    public static string RequestHasManagement(string folio, string dependentFolio) =>
        $"No se puede anular el folio {folio}: esa solicitud ya tiene una gestión registrada ({dependentFolio}). Si la solicitud está mal, anule primero la gestión: /folio {dependentFolio}";

    public static string ProgramShared(string folio, string dependentFolio) =>
        $"No se puede anular el folio {folio}: otro consejo registró su participación en ese programa ({dependentFolio}). Si el programa está mal, anule primero ese folio: /folio {dependentFolio}";

    // Correcting
    public static string AskAmendField(string folio) => $"¿Qué dato del folio <b>{folio}</b> desea corregir?";

    public const string TapAmendField = "Toque el dato que desea corregir.";

    public static string AskNewValue(string field, string? current) =>
        $"Escriba el nuevo valor de <b>{field}</b>. Valor actual: {Html.Escape(current ?? "(vacío)")}";

    public static string AskNewValueAgain(string field) => $"Escriba el nuevo valor de <b>{field}</b>.";

    public static string AskCouncil(string folio, string council) =>
        $"¿De qué consejo es el folio <b>{folio}</b>? Ahora dice: {Html.Escape(council)}.";

    public const string TapCouncil = "Toque uno de los consejos de la lista.";

    public static string DateNotUnderstood(string example) => $"No entendí la fecha. Escríbala así: {example}.";

    public static string DateOutsideYear(int year) => $"La fecha debe ser del {year} y no posterior a hoy.";

    public static string NumberRange(int least, int max) => $"Escriba un número entero de {least} a {Numbers.Int(max)}.";

    public static string TextRange(int max) => $"Escriba el nuevo texto (máximo {Numbers.Int(max)} caracteres).";

    public const string AskAmendReason = "¿Por qué se corrige? Escriba el motivo.\nEjemplo: El acta dice otra fecha.";

    public const string ReasonTooLong = "Escriba el motivo en un mensaje (máximo 500 caracteres). Para no hacer nada, toque Cancelar.";

    public const string AskReasonAgain = "Escriba el motivo, por favor.";

    public static string Amended(string folio, string field, string? old, string value, string reason) =>
        $"✏️ Folio {folio} corregido: {field} {Html.Escape(old ?? "(vacío)")} → {Html.Escape(value)}. Motivo: {Html.Escape(reason)}\nPara verlo: /folio {folio}";

    public static string AmendVoided(string folio) => $"No pude corregir el folio {folio}: ya está anulado. Para verlo: /folio {folio}";
}
