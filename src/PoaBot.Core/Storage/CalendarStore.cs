using PoaBot.Core.Domain;

namespace PoaBot.Core.Storage;

/// <summary>What the session directorate's calendar keeps: bimesters the director reopened, and the reminders already sent per bimester.</summary>
public sealed class CalendarStore(DbSession db)
{
    public bool IsReopened(int year, int bimester, DateTimeOffset now) =>
        db.Scalar<long>(
            "SELECT count(*) FROM bimester_reopen WHERE directorate_id = @directorate AND year = @year AND bimester = @bimester AND until > @now",
            new { directorate = db.Directorate, year, bimester, now }) > 0;

    public void Reopen(int year, int bimester, DateTimeOffset until, string reason, string actor, DateTimeOffset now)
    {
        db.Execute(
            """
            INSERT INTO bimester_reopen (directorate_id, year, bimester, until, reason, actor, at)
            VALUES (@directorate, @year, @bimester, @until, @reason, @actor, @now)
            """,
            new { directorate = db.Directorate, year, bimester, until, reason, actor, now });
        new AuditStore(db).Add(now, actor, "reopen", reason, field: $"{Bimesters.ShortName(bimester)} {year}", oldValue: StorageText.Closed, newValue: StorageText.OpenUntil(Instants.Format(until)));
    }

    /// <summary>The (person, kind) pairs already reminded in a bimester.</summary>
    public IReadOnlySet<(long PersonId, string Kind)> RemindersSent(int year, int bimester) =>
        db.Query<(long, string)>(
            "SELECT person_id, kind FROM reminder_sent WHERE directorate_id = @directorate AND year = @year AND bimester = @bimester",
            new { directorate = db.Directorate, year, bimester }).ToHashSet();

    /// <summary>Marks a reminder sent; false when it already was (another process got there first).</summary>
    public bool MarkReminded(long personId, int year, int bimester, string kind, DateTimeOffset now) =>
        db.Execute(
            """
            INSERT INTO reminder_sent (person_id, directorate_id, year, bimester, kind, sent_at)
            VALUES (@personId, @directorate, @year, @bimester, @kind, @now) ON CONFLICT DO NOTHING
            """,
            new { personId, directorate = db.Directorate, year, bimester, kind, now }) == 1;
}
