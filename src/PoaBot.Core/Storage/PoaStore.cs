using PoaBot.Core.Domain;

namespace PoaBot.Core.Storage;

/// <summary>An activity's row: its kind the override when there is one, else the detected one.</summary>
public sealed class ActivityRow
{
    public long Id { get; init; }

    public string Num { get; init; } = "";

    public string Name { get; init; } = "";

    public string Objective { get; init; } = "";

    public ActivityKind Kind { get; init; } = ActivityKind.Generic;

    public long Goal { get; init; }
}

public sealed class PoaRow
{
    public long Id { get; init; }

    public long Year { get; init; }

    public string Directorate { get; init; } = "";
}

/// <summary>The POA of a year: its activities, what was programmed, and REAL derived from the records.</summary>
public sealed class PoaStore(DbSession db)
{
    /// <summary>
    /// Whole bimesters from the maintained tally (migration 004), less the records of the last, partly counted bimester
    /// dated after the cut-off (a range over the covering index record_counts; for "today" only baselines and the like).
    /// </summary>
    private const string TallySql =
        """
        SELECT activity_id, {0} AS council_id, bimester, CAST(SUM(total) AS bigint) AS total, CAST(SUM(records) AS bigint) AS records FROM record_tally
        WHERE activity_id IN (SELECT id FROM activity WHERE poa_id = @poaId) AND year = @year AND bimester <= @through{1}
        GROUP BY activity_id, bimester{2}
        UNION ALL
        SELECT activity_id, {0} AS council_id, @through AS bimester, -CAST(SUM(count) AS bigint) AS total, -count(*) AS records FROM record
        WHERE activity_id IN (SELECT id FROM activity WHERE poa_id = @poaId) AND voided_at IS NULL
          AND event_date > @asOf AND event_date <= @throughEnd{1}
        GROUP BY activity_id{2}
        """;

    /// <summary>The session directorate's POA of a year.</summary>
    public PoaRow? Find(int year) =>
        db.Single<PoaRow>("SELECT id, year, directorate FROM poa WHERE year = @year AND directorate_id = @directorate", new { year, directorate = db.Directorate });

    /// <summary>The POA of the given year, or else the latest one.</summary>
    public PoaRow? FindOrLatest(int? year) => year is { } y ? Find(y) : Current(int.MaxValue);

    /// <summary>The POA the chat works with: this year's, or else the latest earlier one.</summary>
    public PoaRow? Current(int year) =>
        db.Single<PoaRow>(
            "SELECT id, year, directorate FROM poa WHERE year <= @year AND directorate_id = @directorate ORDER BY year DESC LIMIT 1",
            new { year, directorate = db.Directorate });

    public IReadOnlyList<int> Years() =>
        db.Query<long>("SELECT year FROM poa WHERE directorate_id = @directorate ORDER BY year", new { directorate = db.Directorate }).Select(y => (int)y).ToList();

    /// <summary>The directorate an activity's POA belongs to; null when there is no such activity.</summary>
    public long? DirectorateOf(long activityId) =>
        db.Single<long?>("SELECT p.directorate_id FROM poa p JOIN activity a ON a.poa_id = p.id WHERE a.id = @activityId", new { activityId });

    public IReadOnlyList<ActivityPlan> Activities(long poaId) => Plans("a.poa_id = @id", poaId);

    /// <summary>The POA year an activity belongs to; null when there is no such activity.</summary>
    public int? YearOf(long activityId) =>
        (int?)db.Single<long?>("SELECT p.year FROM poa p JOIN activity a ON a.poa_id = p.id WHERE a.id = @activityId", new { activityId });

    public long? PoaIdOf(long activityId) => db.Single<long?>("SELECT poa_id FROM activity WHERE id = @activityId", new { activityId });

    /// <summary>One activity's plan (read alone: a step asks for it several times, and a POA has many activities).</summary>
    public ActivityPlan? Activity(long activityId) => Plans("a.id = @id", activityId).FirstOrDefault();

    /// <summary>The activities matching <paramref name="where"/> (over <c>activity a</c>, with <c>@id</c>) and their programmed amounts, in order.</summary>
    private List<ActivityPlan> Plans(string where, long id)
    {
        var rows = db.Query<ActivityRow>(
            $"""
            SELECT a.id, a.num, a.name, a.objective, coalesce(a.kind_override, a.detected_kind) AS kind, a.goal
            FROM activity a WHERE {where} ORDER BY a.position
            """,
            new { id }).ToList();
        var targets = db.Query<(long ActivityId, long Bimester, long Prog)>(
            $"""
            SELECT t.activity_id, t.bimester, t.prog FROM activity_target t
            JOIN activity a ON a.id = t.activity_id WHERE {where}
            """,
            new { id }).ToLookup(t => t.ActivityId);
        return rows.Select(r =>
        {
            var prog = new int[Bimesters.Count];
            foreach (var t in targets[r.Id])
            {
                prog[t.Bimester - 1] = (int)t.Prog;
            }

            return new ActivityPlan(r.Id, r.Num, r.Name, r.Objective, r.Kind, (int)r.Goal, prog);
        }).ToList();
    }

    /// <summary>Counted records per activity and bimester, dated up to <paramref name="asOf"/>; optionally only some councils'.</summary>
    public ILookup<long, (int Bimester, int Total)> RealCounts(long poaId, DateOnly asOf, IReadOnlyCollection<long>? councilIds = null) =>
        Tally(poaId, asOf, councilIds, byCouncil: false)
            .GroupBy(t => (t.ActivityId, t.Bimester))
            .ToLookup(g => g.Key.ActivityId, g => ((int)g.Key.Bimester, (int)g.Sum(t => t.Total)));

    /// <summary>Counted records per council and activity, dated up to <paramref name="asOf"/>.</summary>
    public IReadOnlyList<(long CouncilId, string Council, long ActivityId, int Total)> CouncilTotals(long poaId, DateOnly asOf)
    {
        var names = db.Query<(long Id, string Name)>("SELECT id, name FROM council").ToDictionary(c => c.Id, c => c.Name);
        return Tally(poaId, asOf, councilIds: null, byCouncil: true)
            .GroupBy(t => (t.CouncilId, t.ActivityId))
            .Where(g => g.Sum(t => t.Records) > 0)
            .Select(g => (g.Key.CouncilId, names[g.Key.CouncilId], g.Key.ActivityId, (int)g.Sum(t => t.Total)))
            .ToList();
    }

    /// <summary>The date of each council's latest live record per activity of the POA, dated in its year up to <paramref name="asOf"/>.</summary>
    public IReadOnlyList<(long CouncilId, long ActivityId, DateOnly Last)> LastReports(long poaId, DateOnly asOf) =>
        db.Query<(long, long, DateOnly)>(
            """
            SELECT council_id, activity_id, max(event_date) FROM record
            WHERE activity_id IN (SELECT id FROM activity WHERE poa_id = @poaId) AND voided_at IS NULL
              AND event_date >= (SELECT year || '-01-01' FROM poa WHERE id = @poaId) AND event_date <= @asOf
            GROUP BY council_id, activity_id
            """,
            new { poaId, asOf }).ToList();

    /// <summary>Counted records of one bimester per activity and council (live records only).</summary>
    public IReadOnlyList<(long ActivityId, long CouncilId, int Total)> BimesterTotals(long poaId, int year, int bimester) =>
        db.Query<(long, long, long)>(
            """
            SELECT activity_id, council_id, total FROM record_tally
            WHERE activity_id IN (SELECT id FROM activity WHERE poa_id = @poaId) AND year = @year AND bimester = @bimester AND records > 0
            """,
            new { poaId, year, bimester })
            .Select(t => (t.Item1, t.Item2, (int)t.Item3)).ToList();

    /// <summary>The POA table as of a date.</summary>
    public IReadOnlyList<ActivityProgress> Progress(PoaRow poa, DateOnly asOf, SemaforoThresholds thresholds, IReadOnlyCollection<long>? councilIds = null)
    {
        var counts = RealCounts(poa.Id, asOf, councilIds);
        return Activities(poa.Id)
            .Select(a => PoaCalculator.Compute(a, counts[a.Id].ToDictionary(c => c.Bimester, c => c.Total), (int)poa.Year, asOf, thresholds))
            .ToList();
    }

    public IReadOnlyList<(string? ActivityNum, string Message)> ImportWarnings(long poaId) =>
        db.Query<(string?, string)>("SELECT activity_num, message FROM import_warning WHERE poa_id = @poaId ORDER BY id", new { poaId }).ToList();

    /// <summary>Overrides an activity's kind; the override survives re-import.</summary>
    public bool OverrideKind(int year, string num, ActivityKind kind, string actor, DateTimeOffset now)
    {
        var row = db.Single<ActivityRow>(
            """
            SELECT a.id, a.num, a.name, a.objective, coalesce(a.kind_override, a.detected_kind) AS kind, a.goal
            FROM activity a JOIN poa p ON p.id = a.poa_id WHERE p.year = @year AND a.num = @num AND p.directorate_id = @directorate
            """,
            new { year, num, directorate = db.Directorate });
        if (row is null)
        {
            return false;
        }

        db.Execute("UPDATE activity SET kind_override = @kind WHERE id = @id", new { kind, id = row.Id });
        new AuditStore(db).Add(now, actor, "kind", reason: StorageText.KindChange, activityId: row.Id, field: "kind", oldValue: row.Kind.Code, newValue: kind.Code);
        return true;
    }

    /// <summary>Counted records per activity, bimester and (when <paramref name="byCouncil"/>) council, dated up to <paramref name="asOf"/>.</summary>
    private IEnumerable<(long ActivityId, long CouncilId, long Bimester, long Total, long Records)> Tally(long poaId, DateOnly asOf, IReadOnlyCollection<long>? councilIds, bool byCouncil)
    {
        var year = (int)db.Scalar<long>("SELECT year FROM poa WHERE id = @poaId", new { poaId });
        if (asOf < Bimesters.FirstDay(year, 1))
        {
            return [];
        }

        var through = asOf.Year > year ? Bimesters.Count : Bimesters.Of(asOf);
        var sql = string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            TallySql,
            byCouncil ? "council_id" : "0",
            councilIds is null ? "" : " AND " + db.Sql.In("council_id", "@councilIds"),
            byCouncil ? ", council_id" : "");
        return db.Query<(long, long, long, long, long)>(
            sql,
            new { poaId, year, through, asOf, throughEnd = Bimesters.LastDay(year, through), councilIds = councilIds is null ? null : db.Sql.List(councilIds) });
    }
}
