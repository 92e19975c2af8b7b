namespace PoaBot.Core.Storage;

/// <summary>
/// The evidence folder beside the database, whose files are named by their SHA-256. A file is kept only while a saved
/// record or a conversation in progress (a draft, a POA waiting for confirmation) refers to it; anything else is removed.
/// </summary>
public static class EvidenceFiles
{
    /// <summary>Prefix of a download in progress; an old one is a leftover of a crash.</summary>
    public const string TempPrefix = ".descarga-";

    public static string Folder(string dataFolder) => Path.Combine(dataFolder, "evidencias");

    /// <summary>A saved record's evidence has this hash, or a conversation's state mentions it (its draft, or a file path).</summary>
    public static bool IsReferenced(DbSession db, string hash) =>
        db.Single<long?>(
            """
            SELECT 1 WHERE EXISTS (SELECT 1 FROM evidence WHERE hash = @hash COLLATE NOCASE)
                        OR EXISTS (SELECT 1 FROM conversation WHERE lower(state) LIKE '%' || lower(@hash) || '%')
            """,
            new { hash }) is not null;

    /// <summary>Removes the files of these hashes that nothing refers to any more; returns how many.</summary>
    public static int DeleteUnreferenced(DbSession db, string folder, IEnumerable<string?> hashes)
    {
        var removed = 0;
        foreach (var hash in hashes.OfType<string>().Where(IsHash).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!Directory.Exists(folder) || IsReferenced(db, hash))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, hash + ".*"))
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>
    /// The maintenance sweep: removes every file nothing refers to, and leftovers of interrupted downloads, skipping files
    /// younger than <paramref name="minAge"/> (a download in flight, a draft not yet saved). Returns how many it removed.
    /// </summary>
    public static int Sweep(DbSession db, string folder, DateTimeOffset now, TimeSpan minAge)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            if (now.UtcDateTime - file.LastWriteTimeUtc < minAge)
            {
                continue;
            }

            var stem = file.Name.Split('.')[0];
            if (file.Name.StartsWith(TempPrefix, StringComparison.Ordinal) || !IsHash(stem) || !IsReferenced(db, stem))
            {
                file.Delete();
                removed++;
            }
        }

        return removed;
    }

    private static bool IsHash(string s) => s.Length == 64 && s.All(char.IsAsciiHexDigit);
}
