using Dapper;
using PoaBot.Core.Storage;

namespace PoaBot.Tests;

/// <summary>A real SQLite file in its own temporary folder, migrated, deleted after the test.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("poabot-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "poabot.db");
        Database = new Database(Path);
        Database.Migrate();
    }

    public string Folder { get; }

    public string Path { get; }

    public Database Database { get; }

    /// <summary>Every row of every table (but <paramref name="except"/>), as text: equal fingerprints mean nothing changed.</summary>
    public string Fingerprint(params string[] except)
    {
        using var connection = Database.Open();
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").Except(except);
        return string.Join('\n', tables.SelectMany(t =>
            connection.Query($"SELECT * FROM \"{t}\" ORDER BY 1").Select(r => t + ":" + string.Join('|', ((IDictionary<string, object?>)r).Values))));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
