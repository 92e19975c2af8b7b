using System.Globalization;

namespace PoaBot.Core.Reminders;

/// <summary>The reminder schedule (settings <c>Reminders:DaysBefore</c>, <c>Reminders:At</c>, <c>Reminders:QuietHours</c>).</summary>
public sealed record ReminderSettings(IReadOnlyList<int> DaysBefore, TimeOnly At, TimeOnly QuietStart, TimeOnly QuietEnd)
{
    public static ReminderSettings Default { get; } = new([7, 1], new TimeOnly(9, 0), new TimeOnly(21, 0), new TimeOnly(8, 0));

    /// <summary>Parses "09:00" and "21:00-08:00"; null when a value is not valid.</summary>
    public static ReminderSettings? Parse(IReadOnlyList<int> daysBefore, string at, string quietHours)
    {
        var parts = quietHours.Split('-', StringSplitOptions.TrimEntries);
        return daysBefore.Count > 0 && daysBefore.All(d => d is >= 1 and <= 30)
            && TimeOnly.TryParseExact(at, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            && parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
                ? new ReminderSettings([.. daysBefore.Distinct().OrderDescending()], time, start, end)
                : null;
    }

    /// <summary>Quiet hours may cross midnight (21:00–08:00).</summary>
    public bool IsQuiet(TimeOnly time) =>
        QuietStart > QuietEnd ? time >= QuietStart || time < QuietEnd : time >= QuietStart && time < QuietEnd;
}
