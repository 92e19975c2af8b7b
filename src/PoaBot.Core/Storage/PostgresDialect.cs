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
    /// <summary>The advisory lock of migrating ("PoaBot" in ASCII, then 1); the roles' are (<see cref="RoleLocks"/>, hash of the role).</summary>
    private const long MigrationLock = 0x506F61426F7401;

    /// <summary>The first half of the roles' two-part keys: far above any chat id's first half (ids are below 2^52).</summary>
    private const int RoleLocks = 0x506F6142;

    /// <summary>The LISTEN/NOTIFY channel of wake-ups.</summary>
    private const string Channel = "poabot_work";

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

    public override object List(IEnumerable<long> values) => values.ToArray();

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

    /// <summary>Several instances may run on one PostgreSQL database: chats are claimed, and each role has one leader.</summary>
    public override IDisposable? TryHoldInstance() => Nothing.Instance;

    /// <summary>
    /// An advisory lock on the chat id (Telegram ids are below 2^52, clear of PoaBot's own keys) until the commit; then,
    /// on a statement that sees what committed before the lock was taken, whether the update is still pending.
    /// </summary>
    public override bool ClaimChat(DbSession db, long chatId, long updateId) =>
        db.Scalar<bool>("SELECT pg_try_advisory_xact_lock(@chatId)", new { chatId })
        && db.Scalar<bool>("SELECT EXISTS (SELECT 1 FROM inbox WHERE update_id = @updateId AND status = 'pending')", new { updateId });

    /// <summary>A session-level advisory lock per role, tried every two seconds; it goes with its connection.</summary>
    public override async Task<IAsyncDisposable> LeadAsync(string role, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            var connection = Unpooled();
            await connection.OpenAsync(cancellationToken);
            if (await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@RoleLocks, hashtext(@role))", new { RoleLocks, role }))
            {
                return connection;
            }

            await connection.DisposeAsync();
            await Task.Delay(TimeSpan.FromSeconds(2), time, cancellationToken);
        }
    }

    /// <summary>Delivered at the commit, once however many times a transaction sends it.</summary>
    internal override void Wake(DbConnection connection, DbTransaction transaction) => connection.Execute($"NOTIFY {Channel}", transaction: transaction);

    /// <summary>LISTEN on a connection of its own; a lost connection is opened again (a missed wake-up costs one poll interval).</summary>
    public override async Task ListenAsync(Action woken, TimeProvider time, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = Unpooled();
                await connection.OpenAsync(cancellationToken);
                connection.Notification += (_, _) => woken();
                await connection.ExecuteAsync($"LISTEN {Channel}");
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (NpgsqlException)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), time, cancellationToken);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private NpgsqlConnection Unpooled() => new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
}
