using PoaBot.Core.Conversations;

namespace PoaBot.Core.Storage;

/// <summary>What the operator reads about where PoaBot stores its data (settings at start, backups on PostgreSQL).</summary>
[UserTexts("Almacenamiento: SQLite o PostgreSQL")]
public static class StorageText
{
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
}
