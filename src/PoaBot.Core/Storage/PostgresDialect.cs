using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace PoaBot.Core.Storage;

/// <summary>
/// A PostgreSQL database (Npgsql). The ledger is the table <c>schema_migration</c>; migrations run in one transaction under
/// an advisory lock, so instances starting together migrate once. Backups are the operator's <c>pg_dump</c>. Files go to
/// <see cref="DataFolder"/>, the shared folder every instance reaches (<c>Storage:Folder</c>).
/// </summary>
public sealed class PostgresDialect(string connectionString, string dataFolder) : SqlDialect
{
    /// <summary>The advisory lock keys: migrating, and the running bot ("PoaBot" in ASCII, then a kind).</summary>
    private const long MigrationLock = 0x506F61426F7401, InstanceLock = 0x506F61426F7402;

    public override string Name => "postgresql";

    public override string DataFolder { get; } = Path.GetFullPath(dataFolder);

    public override long SizeBytes
    {
        get
        {
            using var connection = Open();
            return connection.ExecuteScalar<long>("SELECT pg_database_size(current_database())");
        }
    }

    /// <summary>A pooled connection (Npgsql keeps one pool per connection string, as Microsoft.Data.Sqlite does per file).</summary>
    public override DbConnection Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Writes in this process are already one at a time (<see cref="Database.Write{T}"/>); read committed suffices.</summary>
    public override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction(IsolationLevel.ReadCommitted);

    public override DbTransaction BeginRead(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    public override string In(string column, string parameter) => $"{column} = ANY({parameter})";

    public override string JsonText(string column, string key) => $"({column}::jsonb ->> '{key}')";

    public override long SchemaVersion(DbConnection connection) =>
        connection.ExecuteScalar<bool>("SELECT to_regclass('schema_migration') IS NOT NULL")
            ? connection.ExecuteScalar<long>("SELECT coalesce(max(version), 0) FROM schema_migration")
            : 0;

    internal override void Migrate(DbConnection connection, int target)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("SELECT pg_advisory_xact_lock(@MigrationLock)", new { MigrationLock }, transaction);
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_migration (version bigint PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", transaction: transaction);
        var current = connection.ExecuteScalar<long>("SELECT coalesce(max(version), 0) FROM schema_migration", transaction: transaction);
        var scripts = Migrations.For(Name);

        // A new database starts from the baseline (the first script, the whole schema as of its version).
        var due = current == 0 ? scripts.Take(1).Concat(scripts.Skip(1).Where(s => s.Version <= target)) : scripts.Where(s => s.Version > current && s.Version <= target);
        foreach (var (version, sql) in due)
        {
            connection.Execute(sql, transaction: transaction);
            connection.Execute("INSERT INTO schema_migration (version) VALUES (@version)", new { version }, transaction);
        }

        transaction.Commit();
    }

    public override void Backup(string destination) => throw new IOException(StorageText.BackupIsPgDump);

    /// <summary>
    /// A session-level advisory lock on an unpooled connection of its own, released when it closes (or the process dies).
    /// </summary>
    public override IDisposable? TryHoldInstance()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        if (connection.ExecuteScalar<bool>("SELECT pg_try_advisory_lock(@InstanceLock)", new { InstanceLock }))
        {
            return connection;
        }

        connection.Dispose();
        return null;
    }
}
