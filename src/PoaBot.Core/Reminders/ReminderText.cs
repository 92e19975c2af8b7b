using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;

namespace PoaBot.Core.Reminders;

/// <summary>What reminders say: to coordinators with pending activities, the directors' digest, and /recordatorios.</summary>
[UserTexts("Recordatorios")]
public static class ReminderText
{
    // The heading of every reminder of a moment.
    public static string Closed(string bimester, DateOnly lastDayToReport) =>
        $"⚠️ <b>El bimestre {bimester} ya cerró.</b> Todavía puede registrar lo que falte hasta el {Numbers.Date(lastDayToReport)}; después se bloquea.";

    public static string LastDay(string bimester, DateOnly lastDay) => $"⏰ <b>Hoy es el último día del bimestre {bimester}</b> ({Numbers.Date(lastDay)}).";

    public static string DaysLeft(int days, string bimester, DateOnly lastDay) =>
        $"⏰ <b>Faltan {days} días para que cierre el bimestre {bimester}</b> (cierra el {Numbers.Date(lastDay)} a medianoche).";

    // To a coordinator.
    public static string Pending(IReadOnlyList<string> councils) => $"Para sus consejos ({Html.Escape(string.Join(", ", councils))}) está pendiente:";

    public static string PendingActivity(string activity, int prog, int real) =>
        $"\n• {Html.Escape(activity)}: programado {prog}, reportado {real}, faltan {prog - real}";

    public const string JustifyHint = "\n\nSi una actividad quedó por debajo o por encima de lo programado, escriba su justificación con el botón «Justificar».";

    public static string ReportButton(string activity) => $"📝 Reportar: {Html.Shorten(activity, 40)}";

    public static string JustifyButton(string activity) => $"✍️ Justificar: {Html.Shorten(activity, 40)}";

    // To the directors.
    public const string DigestTitle = "📋 <b>Resumen para la Dirección</b>\n";

    /// <summary>An activity and its traffic light this bimester (<paramref name="semaforo"/> in words).</summary>
    public static string ActivityLight(string activity, Semaforo semaforo, int real, int prog) =>
        $"\n• {Html.Escape(activity)}: " + (prog == 0 ? ProgressText.OfProgrammed(real, prog) : $"{semaforo.Words(prog)} ({ProgressText.OfProgrammed(real, prog)})");

    public static string SilentCouncils(IReadOnlyList<string> councils) =>
        "\n\nConsejos sin reportes este bimestre: " + (councils.Count == 0 ? "ninguno 🎉" : Html.Escape(string.Join(", ", councils)));

    public static string Unreachable(IReadOnlyList<string> names) =>
        "\nPersonas a quienes no puedo escribir: " + (names.Count == 0 ? "ninguna" : Html.Escape(string.Join(", ", names)));

    public static string JustificationsTitle(string bimester, int year) =>
        $"📝 <b>Justificaciones de {bimester} {year}</b>\nEstas actividades quedaron fuera del rango verde y necesitan una justificación:";

    // Why each reminder goes out (remind --dry-run).
    public static string PendingWhy(string activity, int prog, int real) => $"{activity}: PROG {prog}, REAL {real}, ninguno de sus consejos reportó";

    public const string DigestWhy = "resumen para la Dirección";

    public static string OutOfBandWhy(int activities) => $"{Spanish.Count(activities, "actividad", "actividades")} fuera del rango verde";

    // /recordatorios
    public static string Schedule(IReadOnlyList<int> daysBefore, TimeOnly at, TimeOnly quietStart, TimeOnly quietEnd, int graceDays) =>
        "⏰ <b>Recordatorios</b>\n" +
        $"{string.Join(" y ", daysBefore)} {(daysBefore is [1] ? "día" : "días")} antes del cierre de cada bimestre y el día siguiente al cierre, a las {at:HH\\:mm}. " +
        $"Horario silencioso: {quietStart:HH\\:mm}–{quietEnd:HH\\:mm}. " +
        $"Un bimestre se bloquea {Spanish.Count(graceDays, "día", "días")} después de su cierre.\n\n<b>Próximos</b>";

    public static string Upcoming(DateTime due, string bimester, int year, int? daysBefore, int coordinators) =>
        $"\n• {due:dd/MM/yyyy HH:mm} — {bimester} {year}, {Moment(daysBefore)}: hoy irían a {Spanish.Count(coordinators, "coordinador", "coordinadores")} con pendientes";

    /// <summary>Which reminder: «faltan 7 días» before a bimester closes, or the notice after it closed.</summary>
    public static string Moment(int? daysBefore) =>
        daysBefore is { } d ? $"{(d == 1 ? "falta" : "faltan")} {Spanish.Count(d, "día", "días")}" : "aviso de cierre y justificaciones";
}
