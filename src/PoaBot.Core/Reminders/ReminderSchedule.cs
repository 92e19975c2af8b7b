using PoaBot.Core.Domain;

namespace PoaBot.Core.Reminders;

/// <summary>A moment at which reminders of one kind go out for one bimester: "before7", "before1" or "overdue".</summary>
public sealed record ReminderMoment(int Year, int Bimester, string Kind, DateTimeOffset Due)
{
    public const string Overdue = "overdue";

    public int? DaysBefore => Kind.StartsWith("before", StringComparison.Ordinal) ? int.Parse(Kind[6..], System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>When reminders are due, in the municipality's time: N days before a bimester ends and the first day after it closed.</summary>
public static class ReminderSchedule
{
    public static IEnumerable<ReminderMoment> Moments(int year, ReminderSettings settings, MunicipalClock clock)
    {
        foreach (var b in Bimesters.All)
        {
            var closeDay = Bimesters.LastDay(year, b).AddDays(1);
            foreach (var days in settings.DaysBefore.OrderDescending())
            {
                yield return new ReminderMoment(year, b, $"before{days}", clock.ToInstant(closeDay.AddDays(-days), settings.At));
            }

            yield return new ReminderMoment(year, b, ReminderMoment.Overdue, clock.ToInstant(closeDay, settings.At));
        }
    }

    /// <summary>
    /// What is due now: per bimester only the latest moment already due (after downtime, a later reminder replaces an
    /// earlier one), none once the bimester is locked, and nothing during quiet hours (it waits).
    /// </summary>
    public static IReadOnlyList<ReminderMoment> Due(DateTimeOffset now, ReminderSettings settings, BimesterRules rules, MunicipalClock clock)
    {
        if (settings.IsQuiet(TimeOnly.FromDateTime(clock.LocalDateTime(now))))
        {
            return [];
        }

        var today = clock.LocalDate(now);
        return new[] { today.Year - 1, today.Year }
            .SelectMany(year => Moments(year, settings, clock))
            .Where(m => m.Due <= now && today < rules.LockDate(m.Year, m.Bimester))
            .GroupBy(m => (m.Year, m.Bimester))
            .Select(g => g.MaxBy(m => m.Due)!)
            .ToList();
    }

    public static IEnumerable<ReminderMoment> Upcoming(DateTimeOffset now, ReminderSettings settings, MunicipalClock clock)
    {
        var year = clock.LocalDate(now).Year;
        return Moments(year, settings, clock).Concat(Moments(year + 1, settings, clock)).Where(m => m.Due > now).OrderBy(m => m.Due);
    }
}
