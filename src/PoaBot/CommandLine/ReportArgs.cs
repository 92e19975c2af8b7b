using System.CommandLine;
using System.Globalization;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary>The options the report verbs share: <c>--year Y</c> and <c>--al dd/mm/aaaa</c>, and finding the POA they name.</summary>
public static class ReportArgs
{
    public static readonly Option<string?> Year = new("--year") { HelpName = CliText.Year, Description = CliText.ReportYear };

    public static readonly Option<string?> AsOf = new("--al") { HelpName = CliText.Date, Description = CliText.ReportAsOf };

    /// <summary>Reads <c>--year</c> and <c>--al</c>; on a bad value writes a Spanish message and returns false.</summary>
    public static bool TryParse(CliContext context, out int? year, out DateOnly asOf)
    {
        year = null;
        var today = context.Get<MunicipalClock>().Today;
        asOf = today;
        if (context.Args.GetValue(Year) is { } y)
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                context.Fail(CliText.NotAYear(y));
                return false;
            }

            year = parsed;
        }

        if (context.Args.GetValue(AsOf) is { } al && !DateText.TryParse(al, today, year ?? today.Year, out asOf))
        {
            context.Fail(CliText.NotADate(al, AsOf.Name, $"30/06/{year ?? today.Year}"));
            return false;
        }

        return true;
    }

    /// <summary>The POA of the year asked for, or the latest; null after writing how to import one.</summary>
    public static PoaRow? FindPoa(CliContext context, DbSession db, int? year)
    {
        var poa = new PoaStore(db).FindOrLatest(year);
        if (poa is null)
        {
            context.Fail(CliText.NoPoa(year));
        }

        return poa;
    }

    /// <summary>
    /// Writes a report file whole or not at all (a temporary file beside it, then a rename), never over the database.
    /// On failure writes a Spanish message and returns false.
    /// </summary>
    public static bool TryWrite(CliContext context, string path, Action<Stream> write)
    {
        var target = Path.GetFullPath(path);
        var database = context.Get<Database>().Path;
        if (new[] { database, database + "-wal", database + "-shm" }.Contains(target, StringComparer.Ordinal))
        {
            context.Fail(CliText.IsTheDatabase(path));
            return false;
        }

        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            context.Fail(CliText.NoFolder(folder));
            return false;
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                write(stream);
            }

            File.Move(temporary, target, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Fail(CliText.CannotWrite(path, ex.Message));
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
