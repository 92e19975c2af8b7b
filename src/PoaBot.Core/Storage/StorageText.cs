using System.Globalization;
using PoaBot.Core.Conversations;

namespace PoaBot.Core.Storage;

/// <summary>
/// What the database side writes: the bot's health (<c>poabot status</c>, /healthz), its errors, the reasons stored in the
/// audit trail, and what the operator reads about SQLite or PostgreSQL.
/// </summary>
[UserTexts("Base de datos: estado del bot, errores e historial de cambios")]
public static class StorageText
{
    // poabot status: the judgement, its problems, then the figures.
    public static string Status(bool healthy) => $"Estado: {(healthy ? "en orden" : "con problemas")}";

    public const string BotNotRunning = "El bot no está en marcha o no ha dado señales de vida.";

    public const string NoTelegramContact =
        "El bot no ha recibido mensajes de Telegram recientemente (revise la red, el token y, si usa webhook, el proxy que lo publica).";

    public static string InboxBacklog(long pending, TimeSpan waiting) => $"Hay {pending} mensajes recibidos sin procesar desde hace {Minutes(waiting)}.";

    public static string OutboxBacklog(long pending, TimeSpan waiting) => $"Hay {pending} respuestas sin enviar; la más antigua espera desde hace {Minutes(waiting)}.";

    public static string Version(string? version) => $"Versión del bot en marcha: {version ?? "ninguna"}";

    /// <summary>A line of <c>status</c> per instance when there are several (one PostgreSQL database).</summary>
    public static string Instance(string name, bool running, string at) =>
        running ? $"Instancia {name}: en marcha (última señal {at})" : $"Instancia {name}: sin señales desde {at} (detenida o caída)";

    public static string LastContact(string? at) => $"Último contacto con Telegram: {at ?? "nunca"}";

    public static string InboxPending(long pending, TimeSpan? oldest) => $"Mensajes recibidos pendientes: {pending}{Age(oldest)}";

    public static string OutboxPending(long pending, TimeSpan? oldest) => $"Respuestas pendientes de envío: {pending}{Age(oldest)}";

    public static string SetAsideUpdates(long count) => $"Mensajes recibidos apartados por error: {count}";

    public static string SetAsideMessages(long count) => $"Respuestas que no se pudieron enviar: {count}";

    public static string LastError(string? error) => $"Último error: {error ?? "ninguno"}";

    public static string DatabaseSize(long bytes) => $"Tamaño de la base de datos: {(bytes / 1024.0 / 1024.0).ToString("#,0.0", CultureInfo.InvariantCulture)} MB";

    // Errors.
    public static string SchemaTooNew(long found, long supported) =>
        $"La base de datos es de una versión más nueva de PoaBot (esquema {found}; este programa conoce hasta el {supported}). " +
        "No se abrió para no dañarla: instale la versión más reciente de PoaBot o restaure una copia anterior con «poabot restore CARPETA».";

    public static string FileExists(string path) => $"El archivo {path} ya existe; elija otro nombre.";

    // Stored with a change in the audit trail (/folio, the workbook's «Auditoría» sheet): the reason, and the field and values in words.
    public const string KindChange = "Cambio de tipo de actividad";

    public const string Justification = "Justificación del bimestre";

    public static string JustificationField(int bimester) => $"justificación bimestre {bimester}";

    public const string Deactivation = "Baja de la persona";

    public const string PersonField = "persona", Inactive = "inactiva", CouncilsField = "consejos", StateField = "estado", Closed = "cerrado";

    public static string OpenUntil(string until) => $"abierto hasta {until}";

    public const string Reassignment = "Reasignación de consejos";

    // Where the data lives: SQLite or PostgreSQL (settings at start, backups on PostgreSQL).
    public const string BadProvider =
        "El ajuste Storage:Provider (variable de entorno Storage__Provider) debe ser «sqlite» (un archivo, una sola instancia; " +
        "es el valor por omisión) o «postgresql».";

    public const string MissingConnectionString =
        "Con Storage:Provider = postgresql falta el ajuste Storage:ConnectionString (variable de entorno Storage__ConnectionString), " +
        "por ejemplo Host=servidor;Database=poabot;Username=poabot;Password=…";

    public const string MissingFolder =
        "Con Storage:Provider = postgresql falta el ajuste Storage:Folder (variable de entorno Storage__Folder): la carpeta " +
        "compartida donde se guardan las evidencias y los archivos exportados, la misma para cada instancia del bot.";

    /// <summary>PostgreSQL refused or could not be reached; <paramref name="detail"/> is Npgsql's own reason (never the password).</summary>
    public static string Unreachable(string detail) =>
        $"No se pudo usar la base de datos PostgreSQL de Storage:ConnectionString: revise el servidor, el nombre de la base, el usuario " +
        $"y su contraseña (detalle: {detail}).";

    public const string BackupIsPgDump =
        "Con PostgreSQL, la copia de la base de datos la hace el operador con pg_dump (vea «PostgreSQL» en el README); " +
        "las evidencias y exportaciones se copian desde la carpeta Storage:Folder.";

    public const string RestoreIsPgRestore =
        "Con PostgreSQL, la base de datos se restaura con pg_restore (vea «PostgreSQL» en el README); " +
        "«poabot restore» solo restaura copias de SQLite.";

    private static string Age(TimeSpan? oldest) => oldest is { } o ? $" (la más antigua, hace {Minutes(o)})" : "";

    private static string Minutes(TimeSpan span) => span.TotalMinutes < 1 ? "menos de un minuto" : span.TotalMinutes < 2 ? "1 minuto" : $"{(int)span.TotalMinutes} minutos";
}
