using PoaBot.Core.Domain;

namespace PoaBot.Tests.Domain;

public sealed class DateTextTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("hoy", 2026, 12, 2)]
    [InlineData("Ayer", 2026, 12, 1)]
    [InlineData("antier", 2026, 11, 30)]
    [InlineData("anteayer", 2026, 11, 30)]
    [InlineData("30/11", 2026, 11, 30)]
    [InlineData("1/4/24", 2024, 4, 1)]
    [InlineData("30/11/26", 2026, 11, 30)]
    [InlineData("15/04/2024", 2024, 4, 15)]
    [InlineData(" 5-3-2026 ", 2026, 3, 5)]
    [InlineData("5.3.2026", 2026, 3, 5)]
    [InlineData("1 de diciembre", 2026, 12, 1)]
    [InlineData("1 de Diciembre de 2024", 2024, 12, 1)]
    [InlineData("1 DICIEMBRE 2024", 2024, 12, 1)]
    [InlineData("el 5 de marzo", 2026, 3, 5)]
    [InlineData("5 de mar.", 2026, 3, 5)]
    [InlineData("3 de sept", 2026, 9, 3)]
    [InlineData("3 de setiembre", 2026, 9, 3)]
    [InlineData("1° de octubre", 2026, 10, 1)]
    [InlineData("1ro de octubre", 2026, 10, 1)]
    [InlineData("12 de óctubre del 2025", 2025, 10, 12)]
    [InlineData("2", 2026, 12, 2)]
    [InlineData("el 1", 2026, 12, 1)]
    [InlineData("el 28", 2026, 11, 28)]
    [InlineData("el dos", 2026, 12, 2)]
    [InlineData("doce", 2026, 11, 12)]
    [InlineData("2026-11-30", 2026, 11, 30)]
    public void Dates_are_read_as_people_write_them(string text, int year, int month, int day)
    {
        Assert.True(DateText.TryParse(text, Today, 2026, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Fact]
    public void A_day_without_a_year_is_in_the_poas_year()
    {
        Assert.True(DateText.TryParse("28/12", Today, 2025, out var date));
        Assert.Equal(new DateOnly(2025, 12, 28), date);
        Assert.True(DateText.TryParse("28 de diciembre", Today, 2025, out date));
        Assert.Equal(new DateOnly(2025, 12, 28), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("mañana")]
    [InlineData("31/02/2026")]
    [InlineData("29/2/25")]
    [InlineData("13/13")]
    [InlineData("0/1/2026")]
    [InlineData("1 de ma")]
    [InlineData("1 de nada")]
    [InlineData("15/04/2024/1")]
    [InlineData("99999999999")]
    [InlineData("1/2/300")]
    public void Text_that_is_not_a_date_is_refused(string? text) =>
        Assert.False(DateText.TryParse(text, Today, 2026, out _));

    [Fact]
    public void Dates_are_written_long_in_spanish() =>
        Assert.Equal("5 de marzo de 2024", DateText.Long(new DateOnly(2024, 3, 5)));

    [Fact]
    public void The_example_date_is_in_the_poas_year_and_never_in_the_future()
    {
        Assert.Equal(new DateOnly(2026, 12, 1), DateText.Example(2026, Today));
        Assert.Equal(new DateOnly(2026, 1, 1), DateText.Example(2026, new DateOnly(2026, 1, 1)));
        Assert.Equal(new DateOnly(2025, 12, 1), DateText.Example(2025, new DateOnly(2026, 1, 3)));
    }
}
