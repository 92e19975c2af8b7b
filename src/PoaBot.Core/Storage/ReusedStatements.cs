using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace PoaBot.Core.Storage;

/// <summary>
/// A SQLite connection, as Dapper sees it, that prepares each distinct statement once per transaction: Microsoft.Data.Sqlite
/// prepares a new command's SQL every time, and a batch of updates runs the same few statements for each update (the
/// parse and plan were a tenth of the CPU of a step). Dapper still builds the parameters and reads the rows; the command it
/// creates hands its text and parameters to the one prepared command kept for that text, which only rebinds them.
/// </summary>
[SuppressMessage("Security", "CA2100", Justification = "The SQL is Dapper's, passed through unchanged.")]
internal sealed class ReusedStatements(SqliteConnection inner) : DbConnection
{
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);
    private readonly HashSet<SqliteCommand> openReaders = [];
    private readonly List<SqliteCommand> extra = [];

    [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => throw new NotSupportedException();
    }

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Open() => inner.Open();

    public override void Close()
    {
        foreach (var command in prepared.Values.Concat(extra))
        {
            command.Dispose();
        }

        prepared.Clear();
        extra.Clear();
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => inner.BeginTransaction(isolationLevel);

    protected override DbCommand CreateDbCommand() => new Command(this);

    protected override void Dispose(bool disposing)
    {
        Close();
        base.Dispose(disposing);
    }

    /// <summary>The prepared command for <paramref name="sql"/>, with these parameters; a fresh one while the kept one has a reader open.</summary>
    private SqliteCommand Rent(string sql, DbTransaction? transaction, SqliteParameterCollection parameters)
    {
        if (!prepared.TryGetValue(sql, out var command) || openReaders.Contains(command))
        {
            command = new SqliteCommand(sql, inner);
            if (!prepared.TryAdd(sql, command))
            {
                extra.Add(command);
            }
        }

        command.Transaction = (SqliteTransaction?)transaction;
        command.Parameters.Clear();
        foreach (SqliteParameter parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private sealed class Command(ReusedStatements connection) : DbCommand
    {
        private readonly SqliteCommand parameters = new();

        [AllowNull]
        public override string CommandText { get; set; } = "";

        public override int CommandTimeout { get; set; } = 30;

        public override CommandType CommandType { get; set; } = CommandType.Text;

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection
        {
            get => connection;
            set => throw new NotSupportedException();
        }

        protected override DbParameterCollection DbParameterCollection => parameters.Parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override int ExecuteNonQuery() => Run(c => c.ExecuteNonQuery());

        public override object? ExecuteScalar() => Run(c => c.ExecuteScalar());

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            var command = Rent();
            try
            {
                var reader = command.ExecuteReader(behavior);
                connection.openReaders.Add(command);
                return new Reader(reader, () => connection.openReaders.Remove(command));
            }
            catch
            {
                Forget(command);
                throw;
            }
        }

        protected override void Dispose(bool disposing)
        {
            parameters.Dispose();
            base.Dispose(disposing);
        }

        private T Run<T>(Func<SqliteCommand, T> execute)
        {
            var command = Rent();
            try
            {
                return execute(command);
            }
            catch
            {
                Forget(command);
                throw;
            }
        }

        private SqliteCommand Rent() => connection.Rent(CommandText, DbTransaction, parameters.Parameters);

        /// <summary>A statement that failed is prepared anew next time.</summary>
        private void Forget(SqliteCommand command)
        {
            if (connection.prepared.TryGetValue(CommandText, out var kept) && kept == command)
            {
                connection.prepared.Remove(CommandText);
            }

            connection.extra.Remove(command);
            command.Dispose();
        }
    }

    /// <summary>The command's reader; disposing it frees the command for the next use of its statement.</summary>
    private sealed class Reader(SqliteDataReader inner, Action closed) : DbDataReader
    {
        public override object this[int ordinal] => inner[ordinal];

        public override object this[string name] => inner[name];

        public override int Depth => inner.Depth;

        public override int FieldCount => inner.FieldCount;

        public override bool HasRows => inner.HasRows;

        public override bool IsClosed => inner.IsClosed;

        public override int RecordsAffected => inner.RecordsAffected;

        public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);

        public override byte GetByte(int ordinal) => inner.GetByte(ordinal);

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

        public override char GetChar(int ordinal) => inner.GetChar(ordinal);

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

        public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);

        public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);

        public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);

        public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);

        public override System.Collections.IEnumerator GetEnumerator() => inner.GetEnumerator();

        [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
        public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);

        public override T GetFieldValue<T>(int ordinal) => inner.GetFieldValue<T>(ordinal);

        public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);

        public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);

        public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);

        public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);

        public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);

        public override string GetName(int ordinal) => inner.GetName(ordinal);

        public override int GetOrdinal(string name) => inner.GetOrdinal(name);

        public override DataTable? GetSchemaTable() => inner.GetSchemaTable();

        public override Stream GetStream(int ordinal) => inner.GetStream(ordinal);

        public override string GetString(int ordinal) => inner.GetString(ordinal);

        public override TextReader GetTextReader(int ordinal) => inner.GetTextReader(ordinal);

        public override object GetValue(int ordinal) => inner.GetValue(ordinal);

        public override int GetValues(object[] values) => inner.GetValues(values);

        public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);

        public override bool NextResult() => inner.NextResult();

        public override bool Read() => inner.Read();

        /// <summary>Also what disposing does (<see cref="DbDataReader.Dispose(bool)"/> calls it).</summary>
        public override void Close()
        {
            if (!inner.IsClosed)
            {
                inner.Dispose();
                closed();
            }
        }
    }
}
