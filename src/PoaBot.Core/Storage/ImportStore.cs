using PoaBot.Core.Domain;

namespace PoaBot.Core.Storage;

/// <summary>What the importer writes: the POA, its activities and targets, baselines and warnings.</summary>
public sealed class ImportStore(DbSession db)
{
    public long AddPoa(int year, string directorate) =>
        db.Scalar<long>(
            "INSERT INTO poa (directorate_id, year, directorate) VALUES (@directorateId, @year, @directorate) RETURNING id",
            new { directorateId = db.Directorate, year, directorate });

    public void SetDirectorate(long poaId, string directorate) =>
        db.Execute("UPDATE poa SET directorate = @directorate WHERE id = @poaId", new { directorate, poaId });

    public void ReplaceWarnings(long poaId, IEnumerable<(string? Num, string Message)> warnings)
    {
        db.Execute("DELETE FROM import_warning WHERE poa_id = @poaId", new { poaId });
        foreach (var (num, message) in warnings)
        {
            db.Execute("INSERT INTO import_warning (poa_id, activity_num, message) VALUES (@poaId, @num, @message)", new { poaId, num, message });
        }
    }

    /// <summary>The council that stands for the directorate's POA document (its baselines belong to no real council), created once.</summary>
    public long DocumentCouncilId(string name) =>
        db.Single<long?>("SELECT id FROM council WHERE is_document = 1 AND directorate_id = @directorate", new { directorate = db.Directorate }) ??
        db.Scalar<long>(
            "INSERT INTO council (directorate_id, name, locality, is_document) VALUES (@directorate, @name, '', 1) RETURNING id",
            new { directorate = db.Directorate, name });

    /// <summary>An activity as the last import left it (its <see cref="ActivityRow.Kind"/> the one detected, not an override).</summary>
    public ActivityRow? Activity(long poaId, string num) =>
        db.Single<ActivityRow>("SELECT id, num, name, objective, detected_kind AS kind, goal FROM activity WHERE poa_id = @poaId AND num = @num", new { poaId, num });

    /// <summary>Adds an activity after every other one (<see cref="Reorder"/> puts it in place) with its targets.</summary>
    public long AddActivity(long poaId, string num, string name, string objective, ActivityKind kind, int goal, IReadOnlyList<int> prog)
    {
        var id = db.Scalar<long>(
            """
            INSERT INTO activity (poa_id, num, position, name, objective, detected_kind, goal)
            VALUES (@poaId, @num, (SELECT coalesce(max(position), 0) + 1 FROM activity), @name, @objective, @kind, @goal) RETURNING id
            """,
            new { poaId, num, name, objective, kind, goal });
        foreach (var b in Bimesters.All)
        {
            SetTarget(id, b, prog[b - 1]);
        }

        return id;
    }

    public void Describe(long id, string name, string objective, ActivityKind kind) =>
        db.Execute("UPDATE activity SET name = @name, objective = @objective, detected_kind = @kind WHERE id = @id", new { name, objective, kind, id });

    public void SetGoal(long id, int goal) => db.Execute("UPDATE activity SET goal = @goal WHERE id = @id", new { goal, id });

    public IReadOnlyDictionary<int, int> Targets(long id) =>
        db.Query<(long Bimester, long Prog)>("SELECT bimester, prog FROM activity_target WHERE activity_id = @id", new { id })
            .ToDictionary(t => (int)t.Bimester, t => (int)t.Prog);

    public void SetTarget(long id, int bimester, int prog) =>
        db.Execute(
            "INSERT INTO activity_target (activity_id, bimester, prog) VALUES (@id, @bimester, @prog) ON CONFLICT (activity_id, bimester) DO UPDATE SET prog = excluded.prog",
            new { id, bimester, prog });

    /// <summary>The live baseline records of an activity's bimester, and what the bot's own live records there count.</summary>
    public (IReadOnlyList<(long Id, long Count)> Baselines, long BotCount) Bimester(long activityId, DateOnly from, DateOnly to)
    {
        var range = new { activityId, from, to, baseline = ActivityKind.Baseline };
        return (
            db.Query<(long, long)>(
                "SELECT id, count FROM record WHERE activity_id = @activityId AND kind = @baseline AND voided_at IS NULL AND event_date BETWEEN @from AND @to",
                range).ToList(),
            db.Scalar<long>(
                "SELECT CAST(coalesce(sum(count), 0) AS bigint) FROM record WHERE activity_id = @activityId AND kind <> @baseline AND voided_at IS NULL AND event_date BETWEEN @from AND @to",
                range));
    }

    /// <summary>Whether someone (not a re-import) voided a baseline of this count in the bimester.</summary>
    public bool BaselineVoidedByPerson(long activityId, DateOnly from, DateOnly to, long count) =>
        db.Scalar<long>(
            """
            SELECT count(*) FROM record WHERE activity_id = @activityId AND kind = @baseline AND voided_at IS NOT NULL
              AND event_date BETWEEN @from AND @to AND count = @count AND void_code IS DISTINCT FROM @reimport
            """,
            new { activityId, from, to, count, baseline = ActivityKind.Baseline, reimport = RecordStore.ReimportCode }) > 0;

    /// <summary>Keeps <c>position</c> in natural order of the numbers («1», «1.1», «2», «2 bis», «10») for SQL to sort by.</summary>
    public void Reorder(long poaId)
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
}
