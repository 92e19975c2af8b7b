using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using PoaBot.Core.Storage;

namespace PoaBot.Bench;

/// <summary>
/// A migrated database with this year's POA, deleted afterwards: a SQLite file in its own temporary folder, or a
/// PostgreSQL database of its own on the server of <see cref="Deployment.PostgresAdmin"/> (the files of
/// every instance in the temporary folder).
/// </summary>
internal sealed class BenchDatabase : IDisposable
{
    private readonly string? connectionString;

    public BenchDatabase(string provider = Deployment.Sqlite)
    {
        Folder = Directory.CreateTempSubdirectory("poabot-bench-").FullName;
        Path = System.IO.Path.Combine(Folder, "poabot.db");
        if (provider == Deployment.Postgres)
        {
            var admin = Deployment.PostgresAdmin!;
            var name = "poabot_bench_" + Guid.NewGuid().ToString("N");
            using (var connection = new NpgsqlConnection(admin))
            {
                connection.Execute($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
            }

            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
            Database = new Database(new PostgresDialect(connectionString, Folder));
        }
        else
        {
            Database = new Database(Path);
        }

        Database.Migrate();
        Seed.Poa(Database);
    }

    public string Folder { get; }

    public string Path { get; }

    /// <summary>The bench's own handle on the database; a host opens its own.</summary>
    public Database Database { get; }

    /// <summary>How durable a commit is: SQLite's synchronous, or PostgreSQL's fsync and synchronous_commit.</summary>
    public string Durability => Database.Read(db => connectionString is null
        ? "synchronous=" + db.Scalar<long>("PRAGMA synchronous") switch
        {
            0 => "OFF",
            1 => "NORMAL",
            2 => "FULL",
            3 => "EXTRA",
            var other => other.ToString(CultureInfo.InvariantCulture),
        }
        : $"PostgreSQL {db.Scalar<string>("SHOW server_version")} fsync={db.Scalar<string>("SHOW fsync")} synchronous_commit={db.Scalar<string>("SHOW synchronous_commit")}");

    /// <summary>
    /// The Storage settings of host number <paramref name="instance"/>; with PostgreSQL each host has a pool of its own
    /// (Npgsql keeps one per connection string), as separate processes would.
    /// </summary>
    public Dictionary<string, string?> Settings(int instance) => connectionString is null
        ? new() { ["Storage:Path"] = Path }
        : new()
        {
            ["Storage:Provider"] = Deployment.Postgres,
            ["Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = $"poabot-bench-{instance}" }.ToString(),
            ["Storage:Folder"] = Folder,
        };

    /// <summary>
    /// CPU time the PostgreSQL server has used so far (the postmaster and all its processes, ended ones included), read
    /// from /proc when the server runs on this machine; null for SQLite (its work is in this process) or when unreadable.
    /// </summary>
    public TimeSpan? ServerCpuTime()
    {
        if (connectionString is null)
        {
            return null;
        }

        try
        {
            // The bench's own backend, if the server is on this machine (its process is then named postgres), leads to the postmaster.
            var backend = Database.Read(db => db.Scalar<int>("SELECT pg_backend_pid()")).ToString(CultureInfo.InvariantCulture);
            if (File.ReadAllText($"/proc/{backend}/comm").Trim() != "postgres")
            {
                return null;
            }

            var postmaster = Stat(backend)[1];
            var ticks = Stat(postmaster).Skip(11).Take(4).Sum(long.Parse);
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                var pid = System.IO.Path.GetFileName(folder);
                if (pid.All(char.IsAsciiDigit) && Stat(pid) is { Length: > 14 } stat && stat[1] == postmaster)
                {
                    ticks += stat.Skip(11).Take(4).Sum(long.Parse);
                }
            }

            // utime, stime, cutime, cstime are in clock ticks of USER_HZ, 100 on Linux.
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }

        // /proc/PID/stat after the command's closing parenthesis: state, ppid, …, utime (12th), stime, cutime, cstime.
        static string[] Stat(string pid)
        {
            try
            {
                var text = File.ReadAllText($"/proc/{pid}/stat");
                return text[(text.LastIndexOf(')') + 2)..].Split(' ');
            }
            catch (IOException)
            {
                return [];
            }
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (connectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
            using var admin = new NpgsqlConnection(Deployment.PostgresAdmin);
            admin.Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
