using Microsoft.Extensions.Time.Testing;
using PoaBot.Core.Domain;

namespace PoaBot.Tests.Domain;

public class MunicipalClockTests
{
    private static readonly MunicipalClock Clock = MunicipalClock.Create(new FakeTimeProvider(), MunicipalClock.DefaultZone);

    private static int BimesterAt(string utc) => Bimesters.Of(Clock.LocalDate(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void One_second_before_local_midnight_on_february_29_is_still_ene_feb() =>
        Assert.Equal(1, BimesterAt("2024-03-01T05:59:59Z"));

    [Fact]
    public void Local_midnight_of_march_first_six_utc_is_mar_abr() =>
        Assert.Equal(2, BimesterAt("2024-03-01T06:00:00Z"));

    [Fact]
    public void December_31_local_is_nov_dic_and_january_first_starts_ene_feb_of_the_next_year()
    {
        Assert.Equal(new DateOnly(2024, 12, 31), Clock.LocalDate(DateTimeOffset.Parse("2025-01-01T05:59:59Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new DateOnly(2025, 1, 1), Clock.LocalDate(DateTimeOffset.Parse("2025-01-01T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void In_july_2022_mexico_city_was_utc_minus_five()
    {
        Assert.Equal(new DateOnly(2022, 7, 1), Clock.LocalDate(DateTimeOffset.Parse("2022-07-01T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new DateOnly(2022, 6, 30), Clock.LocalDate(DateTimeOffset.Parse("2022-07-01T04:59:59Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Nine_in_the_morning_local_is_fifteen_utc_since_2022()
    {
        Assert.Equal(DateTimeOffset.Parse("2024-06-24T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Clock.ToInstant(new DateOnly(2024, 6, 24), new TimeOnly(9, 0)));
    }
}
