using Dapper;
using Microsoft.Data.Sqlite;

namespace PoaBot.Core.Storage;

/// <summary>
/// A connection and its transaction; stores take one so their work commits together. A session works in one directorate
/// (<see cref="Directorate"/>): the stores read and write that directorate's POAs, councils, people and counters.
/// </summary>
public sealed class DbSession(SqliteConnection connection, SqliteTransaction transaction)
{
    /// <summary>The directorate's id: 1 (the first, the only one of a single-directorate deployment) unless <see cref="In"/> chose another.</summary>
    public long Directorate { get; private init; } = 1;

    /// <summary>The same connection and transaction, working in another directorate.</summary>
    public DbSession In(long directorate) => new(connection, transaction) { Directorate = directorate };

    public IEnumerable<T> Query<T>(string sql, object? parameters = null) => connection.Query<T>(sql, parameters, transaction);

    public T? Single<T>(string sql, object? parameters = null) => connection.QuerySingleOrDefault<T>(sql, parameters, transaction);

    public T Scalar<T>(string sql, object? parameters = null) => connection.ExecuteScalar<T>(sql, parameters, transaction)!;

    public int Execute(string sql, object? parameters = null) => connection.Execute(sql, parameters, transaction);

    /// <summary>Runs <paramref name="work"/> inside a savepoint: if it throws, only its own changes roll back.</summary>
    public T Savepoint<T>(Func<T> work)
    {
        Execute("SAVEPOINT work");
        try
        {
            var result = work();
            Execute("RELEASE work");
            return result;
        }
        catch
        {
            Execute("ROLLBACK TO work; RELEASE work");
            throw;
        }
    }
}
