using PoaBot.Core.Domain;

namespace PoaBot.Tests.Domain;

public class PoaCalculatorTests
{
    private static readonly ActivityPlan Meetings = new(1, "1", "REUNIONES", "", ActivityKind.Meeting, 20, [0, 1, 0, 0, 9, 10]);

    private static ActivityProgress Compute(DateOnly asOf, params (int Bimester, int Total)[] real) =>
        PoaCalculator.Compute(Meetings, real.ToDictionary(r => r.Bimester, r => r.Total), 2024, asOf, SemaforoThresholds.Default);

    [Fact]
    public void A_closed_bimester_shows_prog_real_and_var()
    {
        var row = Compute(new DateOnly(2024, 5, 10), (2, 3));

        var marAbr = row.Bimesters[1];
        Assert.Equal((PeriodState.Closed, 1, 3, 2), (marAbr.State, marAbr.Prog, marAbr.Real!.Value, marAbr.Var!.Value));
    }

    [Fact]
    public void The_open_bimester_shows_real_so_far_without_var_and_future_ones_stay_empty()
    {
        var row = Compute(new DateOnly(2024, 9, 15), (5, 4));

        Assert.Equal(PeriodState.Open, row.Bimesters[4].State);
        Assert.Equal(4, row.Bimesters[4].Real);
        Assert.Null(row.Bimesters[4].Var);
        Assert.Equal(PeriodState.Future, row.Bimesters[5].State);
        Assert.Null(row.Bimesters[5].Real);
        Assert.Null(row.Bimesters[5].Var);
    }

    [Fact]
    public void Prog_acum_counts_closed_bimesters_and_real_acum_counts_every_record_to_date()
    {
        var row = Compute(new DateOnly(2024, 9, 15), (2, 1), (5, 4));

        Assert.Equal(1, row.ProgAcum);
        Assert.Equal(5, row.RealAcum);
        Assert.Equal(25m, row.AvancePct);
        Assert.Equal(500m, row.CumplimientoPct);
        Assert.Equal(Semaforo.Sobre, row.Semaforo);
    }

    [Fact]
    public void As_of_a_date_means_through_the_end_of_that_day_so_a_bimesters_last_day_closes_it()
    {
        Assert.Equal(PeriodState.Open, PoaCalculator.StateOf(2024, 1, new DateOnly(2024, 2, 28)));
        Assert.Equal(PeriodState.Closed, PoaCalculator.StateOf(2024, 1, new DateOnly(2024, 2, 29)));
        Assert.Equal(PeriodState.Open, PoaCalculator.StateOf(2024, 6, new DateOnly(2024, 12, 30)));
        Assert.Equal(PeriodState.Closed, PoaCalculator.StateOf(2024, 6, new DateOnly(2024, 12, 31)));
        Assert.Equal(PeriodState.Future, PoaCalculator.StateOf(2024, 2, new DateOnly(2024, 2, 29)));
    }

    [Theory]
    [InlineData(2000, 1799, 90.0, Semaforo.Verde)]
    [InlineData(2000, 1798, 89.9, Semaforo.Amarillo)]
    [InlineData(10000, 11004, 110.0, Semaforo.Verde)]
    [InlineData(10000, 11005, 110.1, Semaforo.Sobre)]
    [InlineData(2000, 1399, 70.0, Semaforo.Amarillo)]
    public void The_semaforo_is_decided_on_the_rounded_figure_that_is_printed(int prog, int real, double shown, Semaforo expected)
    {
        var row = PoaCalculator.Compute(Meetings with { Goal = prog, Prog = [prog, 0, 0, 0, 0, 0] }, new Dictionary<int, int> { [1] = real }, 2024, new DateOnly(2024, 12, 31), SemaforoThresholds.Default);

        Assert.Equal((decimal)shown, row.CumplimientoPct);
        Assert.Equal(expected, row.Semaforo);
    }

    [Theory]
    [InlineData(10, 9, Semaforo.Verde)]
    [InlineData(10, 11, Semaforo.Verde)]
    [InlineData(10, 12, Semaforo.Sobre)]
    [InlineData(10, 8, Semaforo.Amarillo)]
    [InlineData(10, 7, Semaforo.Amarillo)]
    [InlineData(10, 6, Semaforo.Rojo)]
    [InlineData(0, 0, Semaforo.SinPrograma)]
    [InlineData(0, 3, Semaforo.Sobre)]
    public void The_semaforo_follows_the_thresholds(int prog, int real, Semaforo expected) =>
        Assert.Equal(expected, SemaforoThresholds.Default.Classify(prog, real));

    [Fact]
    public void Thresholds_come_from_settings()
    {
        var strict = new SemaforoThresholds(Green: 100, Yellow: 95, Over: 100);

        Assert.Equal(Semaforo.Amarillo, strict.Classify(100, 96));
        Assert.Equal(Semaforo.Sobre, strict.Classify(100, 101));
    }

    [Fact]
    public void A_semaforo_is_never_colour_alone()
    {
        Assert.Equal("🔴 rojo", Semaforo.Rojo.Words(10));
        Assert.Equal("🔵 avance sin programación", Semaforo.Sobre.Words(0));
        Assert.Equal("⚪ sin programa", Semaforo.SinPrograma.Words(0));
    }

    [Fact]
    public void Avance_anual_is_empty_when_the_goal_is_zero()
    {
        var row = PoaCalculator.Compute(Meetings with { Goal = 0, Prog = [0, 0, 0, 0, 0, 0] }, new Dictionary<int, int>(), 2024, new DateOnly(2025, 1, 1), SemaforoThresholds.Default);

        Assert.Null(row.AvancePct);
        Assert.Equal(Semaforo.SinPrograma, row.Semaforo);
    }
}
