using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace PoaBot.Core.Storage;

/// <summary>
/// The SQLite file (the default, one process). Every connection gets DESIGN.md's pragmas; the ledger is
/// <c>PRAGMA user_version</c>; an existing file is copied (VACUUM INTO) before it is migrated.
/// </summary>
public sealed class SqliteDialect : SqlDialect
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = new();
    private readonly string connectionString;

    /// <param name="path">The database file.</param>
    /// <param name="folder">Where files go (<c>Storage:Folder</c>); beside the database file when not given.</param>
    public SqliteDialect(string path, string? folder = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        DataFolder = System.IO.Path.GetFullPath(folder ?? System.IO.Path.GetDirectoryName(Path)!);
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } parent)
        {
            Directory.CreateDirectory(parent);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override string Name => "sqlite";

    public string Path { get; }

    public override string DataFolder { get; }

    /// <summary>The database file and its write-ahead log.</summary>
    public override long SizeBytes => new[] { Path, Path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    public override DbConnection Open()
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

    public override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction(IsolationLevel.Serializable);

    /// <summary>WAL lets a deferred read run beside the writer, on the snapshot of its first read.</summary>
    public override DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public override string In(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    public override object List(IEnumerable<long> values) => "[" + string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";

    public override string JsonText(string column, string key) => $"json_extract({column}, '$.{key}')";

    public override long SchemaVersion(DbConnection connection) => connection.ExecuteScalar<long>("PRAGMA user_version");

    internal override void Migrate(DbConnection connection, int target)
    {
        var current = SchemaVersion(connection);
        if (current > 0 && current < target)
        {
            BackupTo(connection, PreMigrationBackupPath(current), replace: true);
        }

        // Foreign keys are off while a script runs (a table is rebuilt by copying it, SQLite's way to change a CHECK)
        // and checked before it commits.
        connection.Execute("PRAGMA foreign_keys=OFF");
        try
        {
            foreach (var (version, sql) in Migrations.For(Name).Where(s => s.Version > current && s.Version <= target))
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

    /// <summary>Where the copy taken before migrating from <paramref name="version"/> goes: beside the database.</summary>
    public string PreMigrationBackupPath(long version) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, "respaldos", $"antes-de-migrar-v{version}.db");

    public override void Backup(string destination)
    {
        using var connection = Open();
        BackupTo(connection, destination, replace: false);
    }

    /// <summary>Replaces this database's content with <paramref name="source"/>'s (the SQLite backup API, safe with WAL).</summary>
    public void RestoreFrom(string source)
    {
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        from.Open();
        using var to = (SqliteConnection)Open();
        from.BackupDatabase(to);

        // The restored file may come without the pragmas' persistent part (WAL): pooled handles are set up again.
        SqliteConnection.ClearPool(to);
    }

    public override IDisposable? TryHoldInstance() => ProcessLock.TryAcquire(Path);

    /// <summary>One process per file: every chat is this process's.</summary>
    public override bool ClaimChat(DbSession db, long chatId, long updateId) => true;

    /// <summary>One process per file: it does everything.</summary>
    public override Task<IAsyncDisposable> LeadAsync(string role, TimeProvider time, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(Nothing.Instance);

    /// <summary>The process's own signals wake it; there is no other.</summary>
    internal override void Wake(DbConnection connection, DbTransaction transaction)
    {
    }

    public override Task ListenAsync(Action woken, TimeProvider time, CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    private static void BackupTo(DbConnection connection, string destination, bool replace)
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
}
