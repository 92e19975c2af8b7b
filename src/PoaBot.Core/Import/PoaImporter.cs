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
        var poa = new PoaStore(db).Find(document.Year);
        long poaId;
        if (poa is null)
        {
            poaId = db.Scalar<long>(
                "INSERT INTO poa (year, directorate) VALUES (@Year, @Directorate) RETURNING id",
                new { document.Year, document.Directorate });
            changes.Add(ImportText.PoaCreated(document.Year));
        }
        else
        {
            poaId = poa.Id;
            if (document.Directorate.Length > 0 && document.Directorate != poa.Directorate)
            {
                db.Execute("UPDATE poa SET directorate = @Directorate WHERE id = @poaId", new { document.Directorate, poaId });
                changes.Add(ImportText.DirectorateChanged(poa.Directorate, document.Directorate));
            }
        }

        var councilId = DocumentCouncilId(db);
        var reason = ImportText.ReprogramReason(source);
        foreach (var activity in document.Activities)
        {
            var activityId = UpsertActivity(db, poaId, activity, actor, reason, now, changes);
            foreach (var b in Bimesters.All)
            {
                Baseline(db, document.Year, activityId, councilId, activity, b, now, changes, warnings);
            }
        }

        Reorder(db, poaId);

        var before = new PoaStore(db).ImportWarnings(poaId);
        var after = document.Realignment.Concat(warnings).Select(w => (w.ActivityNum, w.Message)).ToList();
        if (!before.SequenceEqual(after))
        {
            db.Execute("DELETE FROM import_warning WHERE poa_id = @poaId", new { poaId });
            foreach (var (num, message) in after)
            {
                db.Execute(
                    "INSERT INTO import_warning (poa_id, activity_num, message) VALUES (@poaId, @num, @message)",
                    new { poaId, num, message });
            }
        }

        return new ImportReport(document.Year, changes, document.Realignment, warnings);
    }

    private static long DocumentCouncilId(DbSession db) =>
        db.Single<long?>("SELECT id FROM council WHERE is_document = 1") ??
        db.Scalar<long>(
            "INSERT INTO council (name, locality, is_document) VALUES (@name, '', 1) RETURNING id",
            new { name = ImportText.DocumentCouncil });

    private static long UpsertActivity(DbSession db, long poaId, DocumentActivity a, string actor, string reason, DateTimeOffset now, List<string> changes)
    {
        var kind = ActivityKinds.Detect(a.Name).Code;
        var existing = db.Single<ExistingActivity>(
            "SELECT id, name, objective, detected_kind, goal FROM activity WHERE poa_id = @poaId AND num = @Num",
            new { poaId, a.Num });
        if (existing is null)
        {
            var id = db.Scalar<long>(
                """
                INSERT INTO activity (poa_id, num, position, name, objective, detected_kind, goal)
                VALUES (@poaId, @Num, (SELECT coalesce(max(position), 0) + 1 FROM activity), @Name, @Objective, @kind, @MetaProgramada) RETURNING id
                """,
                new { poaId, a.Num, a.Name, a.Objective, kind, a.MetaProgramada });
            foreach (var b in Bimesters.All)
            {
                db.Execute(
                    "INSERT INTO activity_target (activity_id, bimester, prog) VALUES (@id, @b, @prog)",
                    new { id, b, prog = a.Prog[b - 1] });
            }

            changes.Add(ImportText.Created(a.Num, ActivityKinds.Detect(a.Name).Label, a.MetaProgramada));
            return id;
        }

        if (existing.Name != a.Name || existing.Objective != a.Objective || existing.DetectedKind != kind)
        {
            db.Execute(
                "UPDATE activity SET name = @Name, objective = @Objective, detected_kind = @kind WHERE id = @Id",
                new { a.Name, a.Objective, kind, existing.Id });
            changes.Add(ImportText.Renamed(a.Num));
        }

        var audit = new AuditStore(db);
        if (existing.Goal != a.MetaProgramada)
        {
            db.Execute("UPDATE activity SET goal = @MetaProgramada WHERE id = @Id", new { a.MetaProgramada, existing.Id });
            audit.Add(now, actor, "goal", reason, activityId: existing.Id, field: "META PROGRAMADA", oldValue: Text(existing.Goal), newValue: Text(a.MetaProgramada));
            changes.Add(ImportText.GoalChanged(a.Num, existing.Goal, a.MetaProgramada));
        }

        var current = db.Query<(long Bimester, long Prog)>(
            "SELECT bimester, prog FROM activity_target WHERE activity_id = @Id", new { existing.Id }).ToDictionary(t => (int)t.Bimester, t => (int)t.Prog);
        foreach (var b in Bimesters.All)
        {
            var old = current.GetValueOrDefault(b);
            if (old != a.Prog[b - 1])
            {
                db.Execute(
                    "INSERT INTO activity_target (activity_id, bimester, prog) VALUES (@Id, @b, @prog) ON CONFLICT DO UPDATE SET prog = excluded.prog",
                    new { existing.Id, b, prog = a.Prog[b - 1] });
                audit.Add(now, actor, "reprogram", reason, activityId: existing.Id, field: $"PROG {Bimesters.ShortName(b)}", oldValue: Text(old), newValue: Text(a.Prog[b - 1]));
                changes.Add(ImportText.Reprogrammed(a.Num, Bimesters.ShortName(b), old, a.Prog[b - 1]));
            }
        }

        return existing.Id;
    }

    /// <summary>One baseline record per non-zero REAL cell, unless the bot already has records in that bimester.</summary>
    private static void Baseline(
        DbSession db, int year, long activityId, long councilId, DocumentActivity a, int b, DateTimeOffset now, List<string> changes, List<ImportNote> warnings)
    {
        var range = new CellRange(activityId, Instants.Format(Bimesters.FirstDay(year, b)), Instants.Format(Bimesters.LastDay(year, b)));
        var live = db.Query<(long Id, long Count)>(
            "SELECT id, count FROM record WHERE activity_id = @ActivityId AND kind = 'baseline' AND voided_at IS NULL AND event_date BETWEEN @From AND @To",
            range).ToList();
        var botCount = db.Scalar<long>(
            "SELECT coalesce(sum(count), 0) FROM record WHERE activity_id = @ActivityId AND kind <> 'baseline' AND voided_at IS NULL AND event_date BETWEEN @From AND @To",
            range);
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

        var wanted = real;

        if (live.Count == 1 && live[0].Count == wanted)
        {
            return;
        }

        if (live.Count == 0 && wanted > 0 && VoidedByDirector(db, range, wanted))
        {
            warnings.Add(new(a.Num, ImportText.BaselineVoided(a.Num, Bimesters.ShortName(b), wanted)));
            return;
        }

        if (live.Count == 0 && wanted == 0)
        {
            return;
        }

        var records = new RecordStore(db);
        foreach (var (id, _) in live)
        {
            records.Void(id, ImportText.ImportActor, ImportText.ReimportReason, now);
        }

        if (wanted > 0)
        {
            var record = records.Insert(new RecordRow
            {
                ActivityId = activityId,
                CouncilId = councilId,
                Kind = "baseline",
                EventDate = Instants.Format(Bimesters.LastDay(year, b)),
                Count = wanted,
                Subject = ImportText.BaselineSubject,
                CreatedAt = Instants.Format(now),
            });
            changes.Add(ImportText.Baseline(a.Num, Bimesters.ShortName(b), wanted, record.Folio));
        }
        else
        {
            changes.Add(ImportText.BaselineRemoved(a.Num, Bimesters.ShortName(b)));
        }
    }

    /// <summary>Keeps <c>position</c> in natural order of the numbers («1», «1.1», «2», «2 bis», «10») for SQL to sort by.</summary>
    private static void Reorder(DbSession db, long poaId)
    {
        var rows = db.Query<(long Id, string Num, long Position)>("SELECT id, num, position FROM activity WHERE poa_id = @poaId", new { poaId }).ToList();
        var ordered = rows.OrderBy(r => r.Num, ActivityNumber.Order).ToList();
        if (ordered.Select(r => r.Position).SequenceEqual(rows.Select(r => r.Position).Order()))
        {
            return;
        }

        var offset = db.Scalar<long>("SELECT coalesce(max(position), 0) FROM activity");
        foreach (var (row, i) in ordered.Select((r, i) => (r, i)))
        {
            db.Execute("UPDATE activity SET position = @position WHERE id = @Id", new { position = offset + i + 1, row.Id });
        }
    }

    private static bool VoidedByDirector(DbSession db, CellRange range, long count) =>
        db.Scalar<long>(
            """
            SELECT count(*) FROM record WHERE activity_id = @ActivityId AND kind = 'baseline' AND voided_at IS NOT NULL
              AND event_date BETWEEN @From AND @To AND count = @count AND void_reason <> @reimport
            """,
            new { range.ActivityId, range.From, range.To, count, reimport = ImportText.ReimportReason }) > 0;

    private sealed record CellRange(long ActivityId, string From, string To);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class ExistingActivity
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string Objective { get; init; } = "";

        public string DetectedKind { get; init; } = "";

        public long Goal { get; init; }
    }
}
