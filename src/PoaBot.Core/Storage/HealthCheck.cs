using System.Globalization;

namespace PoaBot.Core.Storage;

/// <summary>Judges <see cref="HealthFigures"/>: healthy, or degraded with the reasons, in Spanish for the operator.</summary>
public static class HealthCheck
{
    /// <summary>The bot rewrites its row every few seconds and hears from Telegram (a poll, or the webhook check) at least every 25 s; a minute late is a stall.</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(2);

    /// <summary>A pending update or a due message waiting this long means a stuck processor or sender.</summary>
    public static readonly TimeSpan Backlog = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<string> Problems(HealthFigures f, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (f.Bot is null || now - f.Bot.WrittenAt > Stale)
        {
            problems.Add("El bot no está en marcha o no ha dado señales de vida.");
        }
        else if (f.Bot.LastPollAt is null || now - f.Bot.LastPollAt > Stale)
        {
            problems.Add("El bot no ha recibido mensajes de Telegram recientemente (revise la red, el token y, si usa webhook, el proxy que lo publica).");
        }

        if (f.OldestInbox is { } inbox && now - inbox > Backlog)
        {
            problems.Add($"Hay {f.InboxPending} mensajes recibidos sin procesar desde hace {Minutes(now - inbox)}.");
        }

        if (f.OldestOutboxDue is { } outbox && now - outbox > Backlog)
        {
            problems.Add($"Hay {f.OutboxPending} respuestas sin enviar; la más antigua espera desde hace {Minutes(now - outbox)}.");
        }

        return problems;
    }

    /// <summary>The figures as lines for a terminal.</summary>
    public static IEnumerable<string> Describe(HealthFigures f, DateTimeOffset now, Func<DateTimeOffset, string> local)
    {
        yield return $"Versión del bot en marcha: {f.Bot?.Version ?? "ninguna"}";
        yield return $"Último contacto con Telegram: {(f.Bot?.LastPollAt is { } p ? local(p) : "nunca")}";
        yield return $"Mensajes recibidos pendientes: {f.InboxPending}{Age(f.OldestInbox, now)}";
        yield return $"Respuestas pendientes de envío: {f.OutboxPending}{Age(f.OldestOutboxDue, now)}";
        yield return $"Mensajes recibidos apartados por error: {f.SetAsideUpdates}";
        yield return $"Respuestas que no se pudieron enviar: {f.SetAsideMessages}";
        yield return $"Último error: {(f.Bot?.LastError is { } e ? $"{e} ({local(f.Bot.LastErrorAt!.Value)})" : "ninguno")}";
        yield return $"Tamaño de la base de datos: {(f.DatabaseBytes / 1024.0 / 1024.0).ToString("#,0.0", CultureInfo.InvariantCulture)} MB";
    }

    private static string Age(DateTimeOffset? oldest, DateTimeOffset now) => oldest is { } o ? $" (la más antigua, hace {Minutes(now - o)})" : "";

    private static string Minutes(TimeSpan span) => span.TotalMinutes < 1 ? "menos de un minuto" : span.TotalMinutes < 2 ? "1 minuto" : $"{(int)span.TotalMinutes} minutos";
}
