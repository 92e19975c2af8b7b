using System.Data.Common;

namespace PoaBot.Core.Storage;

/// <summary>
/// What differs between the two engines PoaBot stores in (<see cref="SqliteDialect"/>, <see cref="PostgresDialect"/>):
/// connecting, transactions, the migration ledger, backups, and the few SQL fragments the stores cannot write the same
/// way for both. Everything else — every store's SQL, the type handlers, the migrations' order — is shared.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>"sqlite" or "postgresql", as <c>Storage:Provider</c> names it.</summary>
    public abstract string Name { get; }

    /// <summary>The folder of files beside the data (evidence, exports, charts): every instance reaches it.</summary>
    public abstract string DataFolder { get; }

    /// <summary>The size of the stored data, in bytes.</summary>
    public abstract long SizeBytes { get; }

    public abstract DbConnection Open();

    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>A read that sees one consistent snapshot.</summary>
    public abstract DbTransaction BeginRead(DbConnection connection);

    /// <summary><paramref name="column"/> is one of the values of the list parameter, whose value is <see cref="List"/>'s.</summary>
    public abstract string In(string column, string parameter);

    /// <summary>
    /// The value of a list parameter for <see cref="In"/>: one parameter whatever the length (SQLite a JSON array read with
    /// json_each, PostgreSQL an array), so the statement's text and its binding cost do not grow with the list.
    /// </summary>
    public abstract object List(IEnumerable<long> values);

    /// <summary>The text at <paramref name="key"/> of the JSON object held in <paramref name="column"/>.</summary>
    public abstract string JsonText(string column, string key);

    /// <summary>The schema version the database holds (0 when new).</summary>
    public abstract long SchemaVersion(DbConnection connection);

    /// <summary>Runs the scripts above the current version, up to <paramref name="target"/>, each recorded as it commits.</summary>
    internal abstract void Migrate(DbConnection connection, int target);

    /// <summary>Writes a consistent copy of the database to a file.</summary>
    public abstract void Backup(string destination);

    /// <summary>
    /// Held while the bot runs, so that a second one on the same database is refused: null when another holds it.
    /// </summary>
    public abstract IDisposable? TryHoldInstance();

    /// <summary>
    /// Takes a chat's pending update for this write transaction, so that each chat is handled by one instance at a time:
    /// false when another instance holds the chat, or handled the update meanwhile.
    /// </summary>
    public abstract bool ClaimChat(DbSession db, long chatId, long updateId);

    /// <summary>
    /// Waits until this process is the one that does <paramref name="role"/> (sending, scheduling, polling) and holds it
    /// until disposed; when the holder dies, another instance takes over within seconds.
    /// </summary>
    public abstract Task<IAsyncDisposable> LeadAsync(string role, TimeProvider time, CancellationToken cancellationToken);

    /// <summary>Tells every instance, at the commit, that there is new work (or a chat it skipped is free again).</summary>
    internal abstract void Wake(DbConnection connection, DbTransaction transaction);

    /// <summary>Calls <paramref name="woken"/> whenever an instance (this one too) commits work, until cancelled.</summary>
    public abstract Task ListenAsync(Action woken, TimeProvider time, CancellationToken cancellationToken);

    /// <summary>A hold on nothing: what a dialect hands out when there is nobody to exclude.</summary>
    private protected sealed class Nothing : IDisposable, IAsyncDisposable
    {
        public static readonly Nothing Instance = new();

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
