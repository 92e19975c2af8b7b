using PoaBot.Core.Storage;

namespace PoaBot.Core.Domain;

/// <summary>When bimesters lock: <see cref="GraceDays"/> after their close, unless the director reopened them.</summary>
public sealed record BimesterRules(int GraceDays = 5)
{
    public static BimesterRules Default { get; } = new();

    /// <summary>The first local day on which the bimester is locked.</summary>
    public DateOnly LockDate(int year, int bimester) => Bimesters.LastDay(year, bimester).AddDays(1 + GraceDays);

    public bool IsLocked(DbSession db, DateOnly date, DateOnly today, DateTimeOffset now) =>
        today >= LockDate(date.Year, Bimesters.Of(date)) && !new CalendarStore(db).IsReopened(date.Year, Bimesters.Of(date), now);
}
