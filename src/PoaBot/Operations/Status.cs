using Microsoft.Extensions.Configuration;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Operations;

/// <summary>The health figures and their judgement, shared by <c>status</c> (every instance) and <c>/healthz</c> (its own).</summary>
public static class Status
{
    public static (HealthFigures Figures, IReadOnlyList<string> Problems) Now(Database database, MunicipalClock clock, string? instance = null)
    {
        var now = clock.Now;
        var figures = database.Read(db => new HealthStore(db).Read(now, database.SizeBytes));
        return (figures, HealthCheck.Problems(figures, now, instance));
    }

    public static string Text(Database database, MunicipalClock clock, out bool healthy, string? instance = null)
    {
        var (figures, problems) = Now(database, clock, instance);
        healthy = problems.Count == 0;
        var lines = HealthCheck.Describe(figures, clock.Now, t => clock.LocalDateTime(t).ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))
            .Prepend(StorageText.Status(healthy))
            .Concat(problems.Select(p => "• " + p));
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// This instance's name in the <c>health</c> table: <c>Health:Instance</c>, or the host name and the port of <c>Urls</c>
    /// (stable across restarts, different for each instance of one machine).
    /// </summary>
    public static string InstanceName(IConfiguration configuration)
    {
        if (configuration["Health:Instance"] is { Length: > 0 } name)
        {
            return name;
        }

        var port = configuration["Urls"]?.Split(';')[0].TrimEnd('/').Split(':')[^1];
        return port is { Length: > 0 } && port.All(char.IsAsciiDigit) ? $"{Environment.MachineName}:{port}" : Environment.MachineName;
    }
}
