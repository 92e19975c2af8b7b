using System.Reflection;

namespace PoaBot.Core.Storage;

/// <summary>
/// The numbered schema scripts, embedded: SQLite's in Migrations/, each version's own; PostgreSQL's in Migrations/postgres/,
/// a baseline (the whole schema as of its version, since a PostgreSQL database always starts new) and a twin of every later
/// SQLite script. One list of versions for both: <see cref="Latest"/> is the same on each.
/// </summary>
internal static class Migrations
{
    public static int Latest => For("sqlite").Max(s => s.Version);

    /// <summary>The scripts of one engine in version order.</summary>
    public static IReadOnlyList<(int Version, string Sql)> For(string provider)
    {
        var assembly = typeof(Migrations).Assembly;
        var folder = provider == "sqlite" ? ".Storage.Migrations." : ".Storage.Migrations.postgres.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal))
            .Select(n => (Name: n, File: n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..]))
            .Where(r => r.File.EndsWith(".sql", StringComparison.Ordinal) && r.File.Count(c => c == '.') == 1)
            .Select(r => (Version: ParseVersion(r.File), Sql: Read(assembly, r.Name)))
            .OrderBy(s => s.Version)
            .ToList();
    }

    private static int ParseVersion(string file) =>
        int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)].TrimStart('_'), System.Globalization.CultureInfo.InvariantCulture);

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
