using System.Data;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace PoaBot.Core.Storage;

/// <summary>
/// The SQLite file. Every connection gets DESIGN.md's pragmas; all writes go through <see cref="Write{T}"/>,
/// one writer at a time in this process (other processes wait on busy_timeout).
/// </summary>
public sealed class Database
{
    private readonly string connectionString;
    private readonly Lock writer = new();

    static Database() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public Database(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Folder beside the database where evidence files are kept.</summary>
    public string EvidenceFolder => EvidenceFiles.Folder(System.IO.Path.GetDirectoryName(Path)!);

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        connection.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;");
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction; commits when it returns, rolls back when it throws.</summary>
    public T Write<T>(Func<DbSession, T> work)
    {
        lock (writer)
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);
            var result = work(new DbSession(connection, transaction));
            transaction.Commit();
            return result;
        }
    }

    public void Write(Action<DbSession> work) => Write(session =>
    {
        work(session);
        return 0;
    });

    /// <summary>Runs read-only work on its own connection (WAL lets reads run beside the writer).</summary>
    public T Read<T>(Func<DbSession, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        return work(new DbSession(connection, transaction));
    }

    /// <summary>Creates or upgrades the schema with the embedded, numbered SQL scripts.</summary>
    public void Migrate()
    {
        lock (writer)
        {
            using var connection = Open();
            var current = connection.ExecuteScalar<long>("PRAGMA user_version");
            foreach (var (version, sql) in Scripts().Where(s => s.Version > current))
            {
                using var transaction = connection.BeginTransaction();
                connection.Execute(sql, transaction: transaction);
                connection.Execute($"PRAGMA user_version = {version}", transaction: transaction);
                connection.Execute("PRAGMA foreign_key_check", transaction: transaction);
                transaction.Commit();
            }
        }
    }

    public static int LatestVersion => Scripts().Max(s => s.Version);

    public long SchemaVersion()
    {
        using var connection = Open();
        return connection.ExecuteScalar<long>("PRAGMA user_version");
    }

    /// <summary>Writes a consistent copy of the database, safe while the bot runs.</summary>
    public void Backup(string destination)
    {
        var target = System.IO.Path.GetFullPath(destination);
        if (File.Exists(target))
        {
            throw new IOException($"El archivo {target} ya existe; elija otro nombre.");
        }

        using var connection = Open();
        connection.Execute("VACUUM INTO @target", new { target });
    }

    private static IEnumerable<(int Version, string Sql)> Scripts()
    {
        var assembly = typeof(Database).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Storage.Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Version: ParseVersion(n), Sql: ReadResource(assembly, n)))
            .OrderBy(s => s.Version);
    }

    private static int ParseVersion(string resourceName)
    {
        var file = resourceName[(resourceName.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
        return int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)].TrimStart('_'), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
