using PoaBot.Core.Reporting;

namespace PoaBot.Core.Conversations;

/// <summary>What /reportar says: the questions, the answers refused and why, the card and the saved folio.</summary>
[UserTexts("Reportes: /reportar")]
public static class ReportText
{
    public static string NoPoa(int year) =>
        $"Aún no hay un POA {year} cargado, así que no puedo registrar reportes. Pida a la Dirección que lo importe.";

    public const string NoCouncils = "Usted no tiene consejos asignados, así que no puedo registrar reportes. Pida a la Dirección que le asigne uno.";

    // The questions
    public const string AskActivity = "¿Qué desea reportar?";

    public const string AskCouncil = "¿De qué consejo?";

    public static string AskDateOfYear(int year) => $"¿Qué día de {year} fue? Escriba la fecha, por ejemplo 28/12/{year}.";

    public static string AskYear(int year, DateOnly lastDay) =>
        $"¿Para qué POA es su reporte? El de {year} acepta reportes hasta el {Numbers.Date(lastDay)}.";

    public static string YearButton(int year) => $"POA {year}";

    public static string AskDate(string example) => $"¿Qué día fue? Toque una opción o escriba la fecha (por ejemplo {example}).";

    public static string TodayButton(DateOnly today) => $"Hoy ({today:dd/MM})";

    public static string YesterdayButton(DateOnly yesterday) => $"Ayer ({yesterday:dd/MM})";

    public const string OtherDateButton = "Otra fecha";

    public static string AskDateText(string example) => $"Escriba la fecha así: día/mes/año, por ejemplo {example}, o «ayer».";

    public const string SaveButton = "💾 Guardar";

    public const string EditButton = "✏️ Corregir";

    public const string AskEdit = "¿Qué desea corregir?";

    public const string BackToCard = "Volver a la tarjeta";

    public const string Evidence = "Evidencia";

    public static string SharedProgramButton(string program) => $"Ya registrado: {Html.Shorten(program, 40)}";

    public const string NewProgramButton = "Es un programa nuevo";

    public const string NoPendingRequests =
        "Este consejo no tiene solicitudes pendientes de gestionar. Primero registre la solicitud recibida; después podrá registrar su gestión.";


    // Answers refused
    public const string TapYear = "Por favor toque el año del POA.";

    public const string TapActivity = "Por favor toque una de las actividades de la lista.";

    public const string TapCouncil = "Por favor toque uno de los consejos de la lista.";

    public const string TapCard = "Toque «Guardar» para guardar, «Corregir» para cambiar algo o «Cancelar».";

    public const string TapEdit = "Toque lo que desea corregir.";

    public const string TapPending = "Por favor toque una de las solicitudes pendientes de la lista.";

    public static string ChooseAnotherRequest(string problem) =>
        $"{problem} Elija otra solicitud, o toque «Atrás» para cambiar la fecha de la gestión.";

    public const string TapProgram = "Por favor toque el programa ya registrado o «Es un programa nuevo».";

    public static string DateNotUnderstood(string text, string example) =>
        $"No entendí «{Html.Escape(Html.Shorten(text, 40))}» como fecha. Escríbala así: {example}, o escriba «ayer».";

    public static string DateAsText(string example) => $"Necesito la fecha escrita así: {example}, o toque Hoy o Ayer.";

    public static string Understood(string what) => $"Entendí: {what}.";

    public static string DateInFuture(DateOnly date) => $"El {Numbers.Date(date)} todavía no llega. Escriba la fecha de hoy o una anterior.";

    public static string DateOutsidePoa(DateOnly date, int year, bool currentYear) =>
        currentYear
            ? $"El {Numbers.Date(date)} no es del POA {year}. Escriba una fecha entre el 01/01/{year} y hoy."
            : $"El {Numbers.Date(date)} no es del POA {year}. Escriba una fecha de {year}, por ejemplo 28/12/{year}.";

    public static string ReceivedAfterManaged(DateOnly managed, string folio, DateOnly received) =>
        $"Esa solicitud se gestionó el {Numbers.Date(managed)} (folio {folio}), así que no pudo recibirse el {Numbers.Date(received)}.";

    public static string ManagedBeforeReceived(string folio, DateOnly received, DateOnly managed) =>
        $"La solicitud {folio} se recibió el {Numbers.Date(received)}, así que no pudo gestionarse el {Numbers.Date(managed)}.";

    /// <summary>The bimester is locked: the Dirección reopens it itself with /reabrir; a coordinator asks the Dirección.</summary>
    public static string Locked(string bimester, int year, bool director) =>
        $"El bimestre {bimester} {year} ya está cerrado y bloqueado, así que no se pueden registrar ni cambiar reportes de esas fechas. " +
        (director ? "Si hace falta, reábralo con /reabrir." : "Si hace falta, pida a la Dirección que lo reabra.");

    // A locked bimester, said before anything more is typed; open: the bimester still open in the POA's year («May/Jun 2024»), if any
    public static string LockedDate(string bimester, int year, string? open) =>
        $"El bimestre {bimester} {year} ya está cerrado y bloqueado: con esa fecha no se puede guardar. {WhatToDo(bimester, year, open)}";

    public static string LockedDraft(DateOnly date, string bimester, int year, string? open) =>
        $"Su reporte tiene fecha {Numbers.Date(date)}. El bimestre {bimester} {year} ya está cerrado y bloqueado: con esa fecha no se puede " +
        $"guardar. Lo que ya escribió se conserva. {WhatToDo(bimester, year, open)}";

    public static string PoaLocked(int year) =>
        $"El POA {year} ya no acepta reportes: su último bimestre, Nov/Dic {year}, está cerrado y bloqueado. Si su reporte debe contar en " +
        $"{year}, pida a la Dirección que reabra Nov/Dic {year} con /reabrir y después use /reportar.";

    private static string WhatToDo(string bimester, int year, string? open)
    {
        var reopen = $"pida a la Dirección que reabra {bimester} {year} con /reabrir y después continúe con /reportar.";
        return open is null ? $"Para registrarlo, {reopen}" : $"Elija una fecha del bimestre abierto ({open}), o {reopen}";
    }

    public static string TextNeeded(string example) => $"Necesito la respuesta escrita. Por ejemplo: {Html.Escape(example)}";

    public static string NumberNeeded(string example) => $"Necesito un número escrito. Por ejemplo: {example}";

    public static string NumberNegative(string example) => $"El número no puede ser negativo. Escriba, por ejemplo: {example}";

    public static string NumberTooMuch(int number, int max) =>
        $"{Numbers.Int(number)} parece demasiado. El máximo es {Numbers.Int(max)}; revise el número, por favor.";

    public static string NumberAtLeastOne(string example) => $"Debe ser al menos 1. Escriba, por ejemplo: {example}";

    public static string NumberTooBig(int max) => $"Ese número es demasiado grande. El máximo es {Numbers.Int(max)}; revise el número, por favor.";

    public static string NumberNotUnderstood(string text, string example) =>
        $"No entendí «{Html.Escape(Html.Shorten(text, 30))}» como un número entero. Escriba solo el número, por ejemplo: {example}";

    // Saving
    public const string CouncilNoLongerYours =
        "No pude guardar: ese consejo ya no está a su cargo, así que no se guardó nada. Si cree que es un error, consulte a la Dirección.";

    public const string DraftInvalid = "No pude guardar: el reporte quedó incompleto o ya no es válido. Empiece de nuevo con /reportar, por favor.";

    public const string RequestNoLongerPending = "Esa solicitud ya no está pendiente (alguien ya registró su gestión). Elija otra, por favor.";

    public static string Saved(string folio, bool shared, string progress) =>
        $"✅ Guardado con folio <b>{folio}</b>." +
        (shared ? "\nEste programa ya estaba registrado por otro consejo: queda su participación, sin contarlo dos veces." : "") +
        $"\n\n{progress}\n\nPara registrar otro, toque <b>Reportar</b>.";

    // The card
    public const string CardTitle = "<b>Revise su reporte</b>";

    public static string CardActivity(string activity) => $"Actividad: {Html.Escape(activity)}";

    public static string CardCouncil(string? council) => $"Consejo: {Html.Escape(council)}";

    public static string CardDate(DateOnly? date) => $"Fecha: {(date is { } d ? Numbers.Date(d) : "")}";

    // A report left unfinished
    public static string AskResume(string? activity, DateOnly? since, bool stale)
    {
        var what = activity is null ? "" : $" ({Html.Escape(Html.Shorten(activity, 60))})";
        return stale
            ? $"Tiene un reporte sin terminar{(since is { } d ? $" del {Numbers.Date(d)}" : "")}{what}. ¿Desea continuarlo o descartarlo?"
            : $"Ya tiene un reporte en curso{what}. ¿Desea continuarlo o descartarlo para empezar otro?";
    }

    public const string SentAnswerNotTaken = "Lo que acaba de enviar no se guardó. Si continúa el reporte, envíelo otra vez cuando se lo pida.\n\n";

    public const string ResumeButton = "▶️ Continuar";

    public const string DiscardButton = "🗑 Descartar";

    public const string Discarded = "Descarté el reporte anterior. Para empezar otro, toque <b>Reportar</b>.";

    public const string DiscardedForNew = "Descarté el reporte anterior. Empecemos el nuevo.";
}
