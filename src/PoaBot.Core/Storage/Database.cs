using Dapper;

namespace PoaBot.Core.Storage;

/// <summary>
/// The database, SQLite or PostgreSQL (<see cref="Dialect"/> holds what differs). All writes go through
/// <see cref="Write{T}"/>, one writer at a time in this process; reads run beside them on a snapshot.
/// </summary>
public sealed class Database
{
    private readonly Lock writer = new();

    static Database()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        Instants.Register();
    }

    /// <summary>The SQLite file at <paramref name="path"/>.</summary>
    public Database(string path)
        : this(new SqliteDialect(path))
    {
    }

    public Database(SqlDialect dialect) => Dialect = dialect;

    public SqlDialect Dialect { get; }

    /// <summary>The SQLite file; with PostgreSQL, where the files are (nothing of the database is there).</summary>
    public string Path => Dialect is SqliteDialect sqlite ? sqlite.Path : Dialect.DataFolder;

    /// <summary>Folder where evidence files are kept.</summary>
    public string EvidenceFolder => EvidenceFiles.Folder(Dialect.DataFolder);

    public long SizeBytes => Dialect.SizeBytes;

    public System.Data.Common.DbConnection Open() => Dialect.Open();

    /// <summary>Runs <paramref name="work"/> in one write transaction; commits when it returns, rolls back when it throws.</summary>
    public T Write<T>(Func<DbSession, T> work)
    {
        lock (writer)
        {
            using var connection = Open();
            using var transaction = Dialect.BeginWrite(connection);
            using var statements = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite ? new ReusedStatements(sqlite) : null;
            var session = new DbSession((System.Data.Common.DbConnection?)statements ?? connection, transaction, Dialect);
            var result = work(session);
            if (session.Woken)
            {
                Dialect.Wake(connection, transaction);
            }

            transaction.Commit();
            return result;
        }
    }

    public void Write(Action<DbSession> work) => Write(session =>
    {
        work(session);
        return 0;
    });

    /// <summary>Runs read-only work on its own connection, beside the writer.</summary>
    public T Read<T>(Func<DbSession, T> work)
    {
        using var connection = Open();
        using var transaction = Dialect.BeginRead(connection);
        return work(new DbSession(connection, transaction, Dialect));
    }

    /// <summary>
    /// Creates or upgrades the schema with the embedded, numbered SQL scripts (SQLite first copies an existing file to
    /// <see cref="PreMigrationBackupPath"/>); a database newer than this binary is refused.
    /// </summary>
    public void Migrate() => MigrateTo(LatestVersion);

    /// <summary>Migrates up to <paramref name="target"/> only (tests build an older file with it).</summary>
    internal void MigrateTo(int target)
    {
        lock (writer)
        {
            using var connection = Open();
            var current = Dialect.SchemaVersion(connection);
            if (current > LatestVersion)
            {
                throw new SchemaTooNewException(current, LatestVersion);
            }

            Dialect.Migrate(connection, target);
        }
    }

    /// <summary>Where SQLite's copy taken before migrating from <paramref name="version"/> goes: beside the database.</summary>
    public string PreMigrationBackupPath(long version) => ((SqliteDialect)Dialect).PreMigrationBackupPath(version);

    public static int LatestVersion => Migrations.Latest;

    public long SchemaVersion()
    {
        using var connection = Open();
        return Dialect.SchemaVersion(connection);
    }

    /// <summary>Writes a consistent copy of the database, safe while the bot runs (SQLite; PostgreSQL's is pg_dump).</summary>
    public void Backup(string destination) => Dialect.Backup(destination);

    /// <summary>Replaces this database's content with the SQLite file <paramref name="source"/>'s.</summary>
    public void RestoreFrom(string source)
    {
        lock (writer)
        {
            (Dialect as SqliteDialect ?? throw new IOException(StorageText.RestoreIsPgRestore)).RestoreFrom(source);
        }
    }

    /// <summary>Held while the bot runs; null when another bot already runs on this database.</summary>
    public IDisposable? TryHoldInstance() => Dialect.TryHoldInstance();
}
