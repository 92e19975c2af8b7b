using PoaBot.Core.Storage;

namespace PoaBot.Core.Domain;

/// <summary>When bimesters lock: <see cref="GraceDays"/> after their close, unless the director reopened them.</summary>
public sealed record BimesterRules(int GraceDays = 5)
{
    public static BimesterRules Default { get; } = new();

    /// <summary>The first local day on which the bimester is locked.</summary>
    public DateOnly LockDate(int year, int bimester) => Bimesters.LastDay(year, bimester).AddDays(1 + GraceDays);

    public bool IsLocked(DbSession db, DateOnly date, DateOnly today, DateTimeOffset now) =>
        today >= LockDate(date.Year, Bimesters.Of(date)) && !IsReopened(db, date.Year, Bimesters.Of(date), now);

    public static bool IsReopened(DbSession db, int year, int bimester, DateTimeOffset now) =>
        db.Scalar<long>(
            "SELECT count(*) FROM bimester_reopen WHERE year = @year AND bimester = @bimester AND until > @now",
            new { year, bimester, now = Instants.Format(now) }) > 0;

    public static void Reopen(DbSession db, int year, int bimester, DateTimeOffset until, string reason, string actor, DateTimeOffset now)
    {
        db.Execute(
            "INSERT INTO bimester_reopen (year, bimester, until, reason, actor, at) VALUES (@year, @bimester, @until, @reason, @actor, @now)",
            new { year, bimester, until = Instants.Format(until), reason, actor, now = Instants.Format(now) });
        new AuditStore(db).Add(now, actor, "reopen", reason, field: $"{Bimesters.ShortName(bimester)} {year}", oldValue: "cerrado", newValue: $"abierto hasta {Instants.Format(until)}");
    }
}
