using System.Text;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Reporting;

/// <summary>What one council reported for one activity: REAL from its records, and the date of its latest one.</summary>
public sealed record CouncilActivity(string Num, string Activity, int Real, DateOnly? LastReport);

/// <summary>One council's progress: every activity of the POA, zeros included.</summary>
public sealed record CouncilProgress(string Council, string Locality, IReadOnlyList<CouncilActivity> Activities)
{
    public DateOnly? LastReport => Activities.Max(a => a.LastReport);

    public bool NothingReported => LastReport is null;
}

/// <summary>
/// The per-council view: every council (not the «Documento POA» of the imported baseline), those with nothing reported
/// first, then by name; for each, every activity's REAL as of the date and its latest report.
/// </summary>
public static class CouncilReport
{
    public const string CsvHeader = "consejo,localidad,num,actividad,real,ultimo_reporte";

    private static readonly StringComparer ByName = StringComparer.Create(Numbers.Mexico, ignoreCase: true);

    public static IReadOnlyList<CouncilProgress> Load(DbSession db, PoaRow poa, DateOnly asOf)
    {
        var store = new PoaStore(db);
        var activities = store.Activities(poa.Id);
        var totals = store.CouncilTotals(poa.Id, asOf).ToDictionary(t => (t.CouncilId, t.ActivityId), t => t.Total);
        var last = store.LastReports(poa.Id, asOf).ToDictionary(t => (t.CouncilId, t.ActivityId), t => t.Last);
        return new PeopleStore(db).Councils()
            .Select(c => new CouncilProgress(
                c.Name,
                c.Locality,
                [.. activities.Select(a => new CouncilActivity(
                    a.Num, a.Name, totals.GetValueOrDefault((c.Id, a.Id)), last.TryGetValue((c.Id, a.Id), out var d) ? d : null))]))
            .OrderBy(c => !c.NothingReported).ThenBy(c => c.Council, ByName)
            .ToList();
    }

    /// <summary>One row per council and activity, zeros included; <c>ultimo_reporte</c> as dd/mm/aaaa, empty when none.</summary>
    public static string Csv(IReadOnlyList<CouncilProgress> councils)
    {
        var csv = new StringBuilder().Append(CsvHeader).Append('\n');
        foreach (var c in councils)
        {
            foreach (var a in c.Activities)
            {
                csv.Append(Reporting.Csv.Line([
                    Reporting.Csv.Text(c.Council), Reporting.Csv.Text(c.Locality), Reporting.Csv.Text(a.Num), Reporting.Csv.Text(a.Activity),
                    Reporting.Csv.Int(a.Real), a.LastReport is { } d ? Numbers.Date(d) : ""]));
            }
        }

        return csv.ToString();
    }

    public static string Text(int year, DateOnly asOf, IReadOnlyList<CouncilProgress> councils)
    {
        var text = new StringBuilder($"POA {year}, AVANCE POR CONSEJO — {Numbers.AsOfPhrase(year, asOf)}\n");
        if (councils.Count == 0)
        {
            return text.Append("No hay consejos registrados.\n").ToString();
        }

        foreach (var c in councils)
        {
            var where = c.Locality.Length > 0 ? $" ({c.Locality})" : "";
            text.Append('\n').Append($"{c.Council}{where}: {LastReportPhrase(c)}\n");
            foreach (var a in c.Activities)
            {
                text.Append($"  {a.Num}. {a.Activity}: {Numbers.Int(a.Real)}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>«sin reportes en el año» or «último reporte 12/04/2024».</summary>
    public static string LastReportPhrase(CouncilProgress c) =>
        c.LastReport is { } d ? $"último reporte {Numbers.Date(d)}" : "sin reportes en el año";
}
