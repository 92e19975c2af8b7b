namespace PoaBot.Core.Domain;

/// <summary>Turns instants into the municipality's local dates and back. Every clock comes from <see cref="TimeProvider"/>.</summary>
public sealed class MunicipalClock(TimeProvider time, TimeZoneInfo zone)
{
    public const string DefaultZone = "America/Mexico_City";

    public TimeZoneInfo Zone { get; } = zone;

    public TimeProvider Time { get; } = time;

    public static MunicipalClock Create(TimeProvider time, string zoneId) => new(time, TimeZoneInfo.FindSystemTimeZoneById(zoneId));

    public DateTimeOffset Now => Time.GetUtcNow();

    public DateOnly Today => LocalDate(Now);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public DateTime LocalDateTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The UTC instant at which a local date and time happens.</summary>
    public DateTimeOffset ToInstant(DateOnly date, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(time, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
}
