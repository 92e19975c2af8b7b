using System.Reflection;
using Dapper;
using Npgsql;
using PoaBot.Core.Storage;
using Xunit.Sdk;

namespace PoaBot.Tests;

/// <summary>
/// A real, migrated database deleted after the test: a SQLite file in its own temporary folder, or (with
/// <see cref="Postgres"/>) a PostgreSQL database of its own, created through the admin connection in
/// POABOT_TEST_POSTGRES and dropped after, with its files in the temporary folder.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgresql";

    /// <summary>The admin connection string of a PostgreSQL server for tests (.ci/with-postgres sets it), if any.</summary>
    public static readonly string? PostgresAdmin = Environment.GetEnvironmentVariable("POABOT_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    private readonly string? postgresName;

    public TestDatabase(string provider = Sqlite)
    {
        Provider = provider;
        Folder = Directory.CreateTempSubdirectory("poabot-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "poabot.db");
        if (provider == Postgres)
        {
            postgresName = "poabot_test_" + Guid.NewGuid().ToString("N");
            using (var admin = new NpgsqlConnection(PostgresAdmin ?? throw new InvalidOperationException("POABOT_TEST_POSTGRES is not set.")))
            {
                admin.Execute($"CREATE DATABASE {postgresName} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
            }

            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = postgresName }.ToString();
            Database = new Database(new PostgresDialect(ConnectionString, Folder));
        }
        else
        {
            Database = new Database(Path);
        }

        Database.Migrate();
    }

    public string Provider { get; }

    /// <summary>The data folder: the SQLite file and every file the bot keeps (evidence, exports).</summary>
    public string Folder { get; }

    public string Path { get; }

    public string? ConnectionString { get; }

    public Database Database { get; }

    /// <summary>The host's Storage settings for this database.</summary>
    public Dictionary<string, string?> Settings => Provider == Postgres
        ? new() { ["Storage:Provider"] = Postgres, ["Storage:ConnectionString"] = ConnectionString, ["Storage:Folder"] = Folder }
        : new() { ["Storage:Path"] = Path };

    /// <summary>This database when it is <paramref name="provider"/>'s, else (this one disposed) a new one there.</summary>
    public TestDatabase On(string provider)
    {
        if (provider == Provider)
        {
            return this;
        }

        Dispose();
        return new TestDatabase(provider);
    }

    /// <summary>Every row of every table (but <paramref name="except"/>), as text: equal fingerprints mean nothing changed.</summary>
    public string Fingerprint(params string[] except)
    {
        using var connection = Database.Open();
        var tables = connection.Query<string>(Provider == Postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").Except(except);
        return string.Join('\n', tables.SelectMany(t =>
            connection.Query($"SELECT * FROM \"{t}\" ORDER BY 1").Select(r => t + ":" + string.Join('|', ((IDictionary<string, object?>)r).Values))));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(PostgresAdmin);
            admin.Execute($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left for the OS to clean.
        }
    }
}

/// <summary>A theory row on SQLite: the test's other arguments, then <see cref="TestDatabase.Sqlite"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OnSqliteAttribute(params object[] arguments) : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[.. arguments, TestDatabase.Sqlite]];
}

/// <summary>
/// A theory row on PostgreSQL: skipped, saying why, when no server is given (POABOT_TEST_POSTGRES; .ci/with-postgres
/// starts one, and CI always does).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OnPostgresAttribute : DataAttribute
{
    private readonly object[] arguments;

    public OnPostgresAttribute(params object[] arguments)
    {
        this.arguments = arguments;
        if (TestDatabase.PostgresAdmin is null)
        {
            Skip = "PostgreSQL: POABOT_TEST_POSTGRES is not set (run the tests through .ci/with-postgres; CI does).";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[.. arguments, TestDatabase.Postgres]];
}
