namespace PoaBot.Core.Storage;

public sealed class JustificationRow
{
    public long ActivityId { get; init; }

    public long Bimester { get; init; }

    public string Text { get; init; } = "";

    public string Author { get; init; } = "";

    public DateTimeOffset UpdatedAt { get; init; }

    public string ActivityNum { get; init; } = "";
}

/// <summary>Justifications per activity and bimester; a change keeps old → new in the audit trail.</summary>
public sealed class JustificationStore(DbSession db)
{
    public void Save(long activityId, int bimester, string text, string author, DateTimeOffset now)
    {
        var old = Text(activityId, bimester);
        db.Execute(
            """
            INSERT INTO justification (activity_id, bimester, text, author, updated_at) VALUES (@activityId, @bimester, @text, @author, @now)
            ON CONFLICT (activity_id, bimester) DO UPDATE SET text = excluded.text, author = excluded.author, updated_at = excluded.updated_at
            """,
            new { activityId, bimester, text, author, now });
        new AuditStore(db).Add(now, author, "justify", StorageText.Justification, activityId: activityId, field: StorageText.JustificationField(bimester), oldValue: old, newValue: text);
    }

    /// <summary>The justification written for an activity's bimester, if any.</summary>
    public string? Text(long activityId, int bimester) =>
        db.Single<string>("SELECT text FROM justification WHERE activity_id = @activityId AND bimester = @bimester", new { activityId, bimester });

    public IReadOnlyList<JustificationRow> ForPoa(long poaId) =>
        db.Query<JustificationRow>(
            """
            SELECT j.*, a.num AS activity_num FROM justification j JOIN activity a ON a.id = j.activity_id
            WHERE a.poa_id = @poaId ORDER BY a.position, j.bimester
            """,
            new { poaId }).ToList();
}
