namespace PoaBot.Core.Storage;

public class AuditRow
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public string Actor { get; init; } = "";

    public string Action { get; init; } = "";

    public long? RecordId { get; init; }

    public long? ActivityId { get; init; }

    public string? Field { get; init; }

    public string? OldValue { get; init; }

    public string? NewValue { get; init; }

    public string Reason { get; init; } = "";
}

/// <summary>The audit trail: who changed what, when, why, old → new; each entry in the session's directorate.</summary>
public sealed class AuditStore(DbSession db)
{
    public void Add(
        DateTimeOffset at,
        string actor,
        string action,
        string reason,
        long? recordId = null,
        long? activityId = null,
        string? field = null,
        string? oldValue = null,
        string? newValue = null) =>
        db.Execute(
            """
            INSERT INTO audit (at, actor, action, record_id, activity_id, field, old_value, new_value, reason, directorate_id)
            VALUES (@at, @actor, @action, @recordId, @activityId, @field, @oldValue, @newValue, @reason, @directorate)
            """,
            new { at, actor, action, recordId, activityId, field, oldValue, newValue, reason, directorate = db.Directorate });

    public IReadOnlyList<AuditRow> All() => db.Query<AuditRow>("SELECT * FROM audit ORDER BY id").ToList();

    public IReadOnlyList<AuditRow> ForRecord(long recordId) =>
        db.Query<AuditRow>("SELECT * FROM audit WHERE record_id = @recordId ORDER BY id", new { recordId }).ToList();
}
