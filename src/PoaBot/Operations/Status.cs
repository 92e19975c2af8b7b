using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Operations;

/// <summary>The health figures and their judgement, shared by <c>status</c> and <c>/healthz</c>.</summary>
public static class Status
{
    public static (HealthFigures Figures, IReadOnlyList<string> Problems) Now(Database database, MunicipalClock clock)
    {
        var now = clock.Now;
        var figures = database.Read(db => new HealthStore(db).Read(now, database.SizeBytes));
        return (figures, HealthCheck.Problems(figures, now));
    }

    public static string Text(Database database, MunicipalClock clock, out bool healthy)
    {
        var (figures, problems) = Now(database, clock);
        healthy = problems.Count == 0;
        var lines = HealthCheck.Describe(figures, clock.Now, t => clock.LocalDateTime(t).ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))
            .Prepend(StorageText.Status(healthy))
            .Concat(problems.Select(p => "• " + p));
        return string.Join('\n', lines) + "\n";
    }
}
