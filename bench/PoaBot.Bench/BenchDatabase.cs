using Microsoft.Data.Sqlite;
using PoaBot.Core.Storage;

namespace PoaBot.Bench;

/// <summary>A migrated SQLite file with this year's POA, in its own temporary folder, deleted afterwards.</summary>
internal sealed class BenchDatabase : IDisposable
{
    public BenchDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("poabot-bench-").FullName;
        Path = System.IO.Path.Combine(Folder, "poabot.db");
        Database = new Database(Path);
        Database.Migrate();
        Seed.Poa(Database);
    }

    public string Folder { get; }

    public string Path { get; }

    /// <summary>The bench's own handle on the file; a host opens its own.</summary>
    public Database Database { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
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
