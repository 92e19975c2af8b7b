using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Reporting;

/// <summary>Everything the XLSX export shows for one year's POA as of a date.</summary>
/// <param name="Activities">The POA table as of <paramref name="AsOf"/>, in activity order.</param>
/// <param name="Objectives">Each activity's objective, by activity number.</param>
/// <param name="Records">Every record of the year dated up to <paramref name="AsOf"/> (voided and baseline ones included), plus received
/// requests of earlier years still pending when the year began (<see cref="ExportRecordRow.CarriedOver"/>).</param>
/// <param name="Justifications">Written justifications of out-of-range activities at a bimester's close.</param>
/// <param name="Signature">Elaboró / Revisó / Autorizó and the place.</param>
public sealed record PoaWorkbookData(
    int Year,
    string Directorate,
    DateOnly AsOf,
    IReadOnlyList<ActivityProgress> Activities,
    IReadOnlyDictionary<string, string> Objectives,
    IReadOnlyList<ExportRecordRow> Records,
    IReadOnlyList<ExportAuditRow> Audit,
    IReadOnlyList<(string? ActivityNum, string Message)> ImportWarnings,
    IReadOnlyList<(string ActivityNum, int Bimester, string Text, string Author, DateTimeOffset At)> Justifications,
    ReportSignature Signature)
{
    /// <summary>The municipality's time zone: audit instants are shown as its local date and time.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById(MunicipalClock.DefaultZone);

    /// <summary>The semáforo thresholds the table was computed with, explained below it.</summary>
    public SemaforoThresholds Thresholds { get; init; } = SemaforoThresholds.Default;

    /// <summary>The quarterly view as of <see cref="AsOf"/> (ended quarters only).</summary>
    public IReadOnlyList<QuarterRow> Quarters { get; init; } = [];

    /// <summary>The per-council view as of <see cref="AsOf"/>.</summary>
    public IReadOnlyList<CouncilProgress> Councils { get; init; } = [];

    /// <summary>Loads a year's POA from the database; null when there is no POA of that year.</summary>
    /// <param name="zone">The municipality's time zone (setting <c>Poa:TimeZone</c>); America/Mexico_City when null.</param>
    public static PoaWorkbookData? Load(
        DbSession db, int year, DateOnly asOf, SemaforoThresholds thresholds, ReportSignature signature, TimeZoneInfo? zone = null)
    {
        var store = new PoaStore(db);
        var poa = store.Find(year);
        if (poa is null)
        {
            return null;
        }

        zone ??= TimeZoneInfo.FindSystemTimeZoneById(MunicipalClock.DefaultZone);
        var exports = new ExportStore(db);
        var yearStart = new DateOnly(year, 1, 1);
        var records = exports.CarriedOverRequests(yearStart, asOf).Concat(exports.Records(poa.Id, asOf)).ToList();
        var audit = exports.Audit(poa.Id).Where(a => a.Folio is not null || a.ActivityNum is not null || InYear(a, year, zone)).ToList();
        return new PoaWorkbookData(
            year,
            signature.DirectorateOf(poa),
            asOf,
            store.Progress(poa, asOf, thresholds),
            store.Activities(poa.Id).ToDictionary(a => a.Num, a => a.Objective),
            records,
            audit,
            store.ImportWarnings(poa.Id),
            new JustificationStore(db).ForPoa(poa.Id)
                .Select(j => (j.ActivityNum, (int)j.Bimester, j.Text, j.Author, j.UpdatedAt)).ToList(),
            signature)
        {
            TimeZone = zone,
            Thresholds = thresholds,
            Quarters = QuarterlyReport.Rows(year, asOf, date => store.Progress(poa, date, thresholds)),
            Councils = CouncilReport.Load(db, poa, asOf),
        };
    }

    /// <summary>
    /// Closed bimesters in which an activity ended out of the green band (as the close asks) with no written
    /// justification yet.
    /// </summary>
    public IReadOnlyList<(string ActivityNum, int Bimester)> MissingJustifications() =>
        Activities.SelectMany(a => a.Bimesters
                .Where(b => b.State == PeriodState.Closed
                    && Thresholds.Classify(b.Prog, b.Real ?? 0) is not (Semaforo.Verde or Semaforo.SinPrograma)
                    && !Justifications.Any(j => j.ActivityNum == a.Num && j.Bimester == b.Bimester))
                .Select(b => (a.Num, b.Bimester)))
            .ToList();

    /// <summary>The local date and time at which an audit entry happened.</summary>
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    /// <summary>Entries about people (no record, no activity) belong to the year in which they happened.</summary>
    private static bool InYear(ExportAuditRow a, int year, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(a.At, zone).Year == year;
}
