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

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = new();

    static Database()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        Instants.Register();
    }

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

    /// <summary>The database file and its write-ahead log, in bytes.</summary>
    public long SizeBytes => new[] { Path, Path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();

        // The pragmas stay with the SQLite handle, which the pool keeps: set once per handle, not at every open.
        if (!Configured.TryGetValue(connection.Handle!, out _))
        {
            connection.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;");
            Configured.AddOrUpdate(connection.Handle!, Configured);
        }

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

    /// <summary>
    /// Creates or upgrades the schema with the embedded, numbered SQL scripts. An existing database is first copied
    /// (VACUUM INTO) to <see cref="PreMigrationBackupPath"/>; a database newer than this binary is refused.
    /// </summary>
    public void Migrate() => MigrateTo(LatestVersion);

    /// <summary>Migrates up to <paramref name="target"/> only (tests build an older file with it).</summary>
    internal void MigrateTo(int target)
    {
        lock (writer)
        {
            using var connection = Open();
            var current = connection.ExecuteScalar<long>("PRAGMA user_version");
            var latest = LatestVersion;
            if (current > latest)
            {
                throw new SchemaTooNewException(current, latest);
            }

            if (current > 0 && current < target)
            {
                BackupTo(connection, PreMigrationBackupPath(current), replace: true);
            }

            // Foreign keys are off while a script runs (a table is rebuilt by copying it, SQLite's way to change a CHECK)
            // and checked before it commits.
            connection.Execute("PRAGMA foreign_keys=OFF");
            try
            {
                foreach (var (version, sql) in Scripts().Where(s => s.Version > current && s.Version <= target))
                {
                    using var transaction = connection.BeginTransaction();
                    connection.Execute(sql, transaction: transaction);
                    connection.Execute($"PRAGMA user_version = {version}", transaction: transaction);
                    if (connection.Query("PRAGMA foreign_key_check", transaction: transaction).Any())
                    {
                        throw new InvalidDataException($"Migration {version} left records pointing to nothing; nothing was changed.");
                    }

                    transaction.Commit();
                }
            }
            finally
            {
                connection.Execute("PRAGMA foreign_keys=ON");
            }
        }
    }

    /// <summary>Where the copy taken before migrating from <paramref name="version"/> goes: beside the database.</summary>
    public string PreMigrationBackupPath(long version) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "respaldos", $"antes-de-migrar-v{version}.db");

    public static int LatestVersion => Scripts().Max(s => s.Version);

    public long SchemaVersion()
    {
        using var connection = Open();
        return connection.ExecuteScalar<long>("PRAGMA user_version");
    }

    /// <summary>Writes a consistent copy of the database, safe while the bot runs.</summary>
    public void Backup(string destination)
    {
        using var connection = Open();
        BackupTo(connection, destination, replace: false);
    }

    /// <summary>Replaces this database's content with <paramref name="source"/>'s (the SQLite backup API, safe with WAL).</summary>
    public void RestoreFrom(string source)
    {
        lock (writer)
        {
            using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            from.Open();
            using var to = Open();
            from.BackupDatabase(to);

            // The restored file may come without the pragmas' persistent part (WAL): pooled handles are set up again.
            SqliteConnection.ClearPool(to);
        }
    }

    private static void BackupTo(SqliteConnection connection, string destination, bool replace)
    {
        var target = System.IO.Path.GetFullPath(destination);
        if (File.Exists(target) && !replace)
        {
            throw new IOException(StorageText.FileExists(target));
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        var partial = target + ".parcial";
        File.Delete(partial);
        connection.Execute("VACUUM INTO @partial", new { partial });
        File.Move(partial, target, overwrite: true);
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
