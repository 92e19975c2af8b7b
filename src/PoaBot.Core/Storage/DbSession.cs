using System.Data.Common;
using Dapper;

namespace PoaBot.Core.Storage;

/// <summary>
/// A connection and its transaction; stores take one so their work commits together. A session works in one directorate
/// (<see cref="Directorate"/>): the stores read and write that directorate's POAs, councils, people and counters.
/// </summary>
public sealed class DbSession(DbConnection connection, DbTransaction transaction, SqlDialect dialect)
{
    /// <summary>The directorate's id: 1 (the first, the only one of a single-directorate deployment) unless <see cref="In"/> chose another.</summary>
    public long Directorate { get; private init; } = 1;

    /// <summary>The few SQL fragments written differently for each engine.</summary>
    public SqlDialect Sql => dialect;

    /// <summary>This transaction added work (an update, a message): every instance is woken when it commits (<see cref="SqlDialect.Wake"/>).</summary>
    public bool Woken => WokenBox.Value;

    private System.Runtime.CompilerServices.StrongBox<bool> WokenBox { get; init; } = new();

    /// <summary>The same connection and transaction, working in another directorate.</summary>
    public DbSession In(long directorate) => new(connection, transaction, dialect) { Directorate = directorate, WokenBox = WokenBox };

    public void Wake() => WokenBox.Value = true;

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
