using System.Globalization;

namespace PoaBot.Core.Storage;

/// <summary>What a backup or a restore did, for the operator.</summary>
public sealed record BackupResult(string Folder, int Files);

/// <summary>
/// Backups of the whole data folder: one folder per backup (<c>poabot-yyyyMMdd-HHmmss</c>, local time) holding the
/// database (VACUUM INTO) and a copy of every file beside it (evidence, exports). Written under a temporary name,
/// then renamed, so a folder with the final name is always complete.
/// </summary>
public static class Backups
{
    public const string DatabaseFile = "poabot.db";
    private const string Prefix = "poabot-";
    private const string StampFormat = "yyyyMMdd-HHmmss";

    public static BackupResult Create(Database database, string folder, DateTime localNow, string? name = null)
    {
        var target = Path.Combine(Path.GetFullPath(folder), name ?? Prefix + localNow.ToString(StampFormat, CultureInfo.InvariantCulture));
        var partial = target + ".parcial";
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        Directory.CreateDirectory(partial);
        database.Backup(Path.Combine(partial, DatabaseFile));
        var files = CopyFiles(DataFolder(database), partial, skip: SkippedIn(database, folder));
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(partial, target);
        return new BackupResult(target, files);
    }

    /// <summary>Deletes the oldest backups beyond <paramref name="keep"/>; returns the folders deleted.</summary>
    public static IReadOnlyList<string> Rotate(string folder, int keep)
    {
        var old = List(folder).Skip(keep).ToList();
        foreach (var dir in old)
        {
            Directory.Delete(dir, recursive: true);
        }

        return old;
    }

    /// <summary>The local date of the newest backup in <paramref name="folder"/>, if any.</summary>
    public static DateOnly? LastDate(string folder) =>
        List(folder).Select(d => DateTime.TryParseExact(Path.GetFileName(d)[Prefix.Length..], StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? DateOnly.FromDateTime(t) : (DateOnly?)null)
            .FirstOrDefault(d => d is not null);

    /// <summary>
    /// Puts a backup folder back: the current state is first kept in <c>respaldos/antes-de-restaurar-…</c>, then the
    /// database is replaced (SQLite backup API) and the backup's files copied over the data folder.
    /// The caller makes sure the bot is not running.
    /// </summary>
    public static (BackupResult Safety, int Files) Restore(Database database, string backupFolder, DateTime localNow)
    {
        var source = Path.Combine(backupFolder, DatabaseFile);
        var safety = Create(database, Path.Combine(DataFolder(database), "respaldos"), localNow, "antes-de-restaurar-" + localNow.ToString(StampFormat, CultureInfo.InvariantCulture));
        database.RestoreFrom(source);
        var files = CopyFiles(backupFolder, DataFolder(database), skip: [Path.GetFullPath(source)]);
        database.Migrate();
        return (safety, files);
    }

    private static IEnumerable<string> List(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetDirectories(folder, Prefix + "*").Where(d => !d.EndsWith(".parcial", StringComparison.Ordinal)).OrderDescending(StringComparer.Ordinal)
            : [];

    private static string DataFolder(Database database) => database.Dialect.DataFolder;

    /// <summary>The database and its journal files, the lock, earlier automatic copies, and the backup folder itself.</summary>
    private static HashSet<string> SkippedIn(Database database, string backupFolder) =>
    [
        database.Path, database.Path + "-wal", database.Path + "-shm", database.Path + "-journal", database.Path + ".lock",
        Path.Combine(DataFolder(database), "respaldos"), Path.GetFullPath(backupFolder),
    ];

    private static int CopyFiles(string from, string to, IReadOnlyCollection<string> skip)
    {
        var count = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(from))
        {
            var full = Path.GetFullPath(entry);
            if (skip.Contains(full))
            {
                continue;
            }

            var destination = Path.Combine(to, Path.GetFileName(entry));
            if (Directory.Exists(full))
            {
                Directory.CreateDirectory(destination);
                count += CopyFiles(full, destination, skip);
            }
            else
            {
                File.Copy(full, destination, overwrite: true);
                count++;
            }
        }

        return count;
    }
}
