using System.Globalization;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Import;

/// <summary>What an import did, in words for the director.</summary>
public sealed record ImportReport(int Year, IReadOnlyList<string> Changes, IReadOnlyList<ImportNote> Realignment, IReadOnlyList<ImportNote> Warnings)
{
    public bool Changed => Changes.Count > 0;
}

/// <summary>
/// Creates or updates a year's POA from a document in one transaction. Idempotent: the same file twice changes nothing.
/// A changed PROG is a reprogramación kept in the audit trail; the document's REAL cells become baseline records.
/// </summary>
public static class PoaImporter
{
    public static ImportReport Import(Database database, PoaDocument document, string actor, string source, DateTimeOffset now) =>
        database.Write(db => Apply(db, document, actor, source, now));

    /// <summary>Imports inside the caller's transaction.</summary>
    public static ImportReport Apply(DbSession db, PoaDocument document, string actor, string source, DateTimeOffset now)
    {
        var changes = new List<string>();
        var warnings = new List<ImportNote>(document.Warnings);
        var store = new ImportStore(db);
        var poa = new PoaStore(db).Find(document.Year);
        long poaId;
        if (poa is null)
        {
            poaId = store.AddPoa(document.Year, document.Directorate);
            changes.Add(ImportText.PoaCreated(document.Year));
        }
        else
        {
            poaId = poa.Id;
            if (document.Directorate.Length > 0 && document.Directorate != poa.Directorate)
            {
                store.SetDirectorate(poaId, document.Directorate);
                changes.Add(ImportText.DirectorateChanged(poa.Directorate, document.Directorate));
            }
        }

        var councilId = store.DocumentCouncilId(ImportText.DocumentCouncil);
        var reason = ImportText.ReprogramReason(source);
        foreach (var activity in document.Activities)
        {
            var activityId = UpsertActivity(db, store, poaId, activity, actor, reason, now, changes);
            foreach (var b in Bimesters.All)
            {
                Baseline(db, store, document.Year, activityId, councilId, activity, b, now, changes, warnings);
            }
        }

        store.Reorder(poaId);

        var before = new PoaStore(db).ImportWarnings(poaId);
        var after = document.Realignment.Concat(warnings).Select(w => (w.ActivityNum, w.Message)).ToList();
        if (!before.SequenceEqual(after))
        {
            store.ReplaceWarnings(poaId, after);
        }

        return new ImportReport(document.Year, changes, document.Realignment, warnings);
    }

    private static long UpsertActivity(DbSession db, ImportStore store, long poaId, DocumentActivity a, string actor, string reason, DateTimeOffset now, List<string> changes)
    {
        var kind = ActivityKinds.Detect(a.Name);
        var existing = store.Activity(poaId, a.Num);
        if (existing is null)
        {
            var id = store.AddActivity(poaId, a.Num, a.Name, a.Objective, kind, a.MetaProgramada, a.Prog);
            changes.Add(ImportText.Created(a.Num, kind.Label, a.MetaProgramada));
            return id;
        }

        if (existing.Name != a.Name || existing.Objective != a.Objective || existing.Kind != kind)
        {
            store.Describe(existing.Id, a.Name, a.Objective, kind);
            changes.Add(ImportText.Renamed(a.Num));
        }

        var audit = new AuditStore(db);
        if (existing.Goal != a.MetaProgramada)
        {
            store.SetGoal(existing.Id, a.MetaProgramada);
            audit.Add(now, actor, "goal", reason, activityId: existing.Id, field: Reporting.ExportText.GoalHeading, oldValue: Text(existing.Goal), newValue: Text(a.MetaProgramada));
            changes.Add(ImportText.GoalChanged(a.Num, existing.Goal, a.MetaProgramada));
        }

        var current = store.Targets(existing.Id);
        foreach (var b in Bimesters.All)
        {
            var old = current.GetValueOrDefault(b);
            if (old != a.Prog[b - 1])
            {
                store.SetTarget(existing.Id, b, a.Prog[b - 1]);
                audit.Add(now, actor, "reprogram", reason, activityId: existing.Id, field: $"{Reporting.ExportText.ProgRealVar[0]} {Bimesters.ShortName(b)}", oldValue: Text(old), newValue: Text(a.Prog[b - 1]));
                changes.Add(ImportText.Reprogrammed(a.Num, Bimesters.ShortName(b), old, a.Prog[b - 1]));
            }
        }

        return existing.Id;
    }

    /// <summary>One baseline record per non-zero REAL cell, unless the bot already has records in that bimester.</summary>
    private static void Baseline(
        DbSession db, ImportStore store, int year, long activityId, long councilId, DocumentActivity a, int b, DateTimeOffset now, List<string> changes, List<ImportNote> warnings)
    {
        var (from, to) = (Bimesters.FirstDay(year, b), Bimesters.LastDay(year, b));
        var (live, botCount) = store.Bimester(activityId, from, to);
        var real = a.Real[b - 1];
        if (botCount > 0)
        {
            // The bot has its own records there: report the difference, add nothing, and leave any earlier baseline as it is.
            var baseline = live.Sum(l => l.Count);
            if (real != botCount + baseline)
            {
                warnings.Add(new(a.Num, ImportText.RealDiffers(a.Num, Bimesters.ShortName(b), real, botCount, baseline)));
            }

            return;
        }

        if ((live.Count == 1 && live[0].Count == real) || (live.Count == 0 && real == 0))
        {
            return;
        }

        if (live.Count == 0 && store.BaselineVoidedByPerson(activityId, from, to, real))
        {
            warnings.Add(new(a.Num, ImportText.BaselineVoided(a.Num, Bimesters.ShortName(b), real)));
            return;
        }

        var records = new RecordStore(db);
        foreach (var (id, _) in live)
        {
            records.Void(id, ImportText.ImportActor, ImportText.ReimportReason, now, RecordStore.ReimportCode);
        }

        if (real > 0)
        {
            var record = records.Insert(new RecordRow
            {
                ActivityId = activityId,
                CouncilId = councilId,
                Kind = ActivityKind.Baseline,
                EventDate = to,
                Count = real,
                Subject = ImportText.BaselineSubject,
                CreatedAt = now,
            });
            changes.Add(ImportText.Baseline(a.Num, Bimesters.ShortName(b), real, record.Folio));
        }
        else
        {
            changes.Add(ImportText.BaselineRemoved(a.Num, Bimesters.ShortName(b)));
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
