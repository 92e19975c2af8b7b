namespace PoaBot.Core.Domain;

public enum PeriodState
{
    Closed,
    Open,
    Future,
}

/// <summary>One bimester of an activity as of a date. REAL and VAR are null where DESIGN.md leaves them empty.</summary>
public sealed record BimesterCell(int Bimester, PeriodState State, int Prog, int? Real, int? Var);

/// <summary>An activity's row of the POA table as of a date.</summary>
public sealed record ActivityProgress(
    string Num,
    string Name,
    ActivityKind Kind,
    int Goal,
    IReadOnlyList<BimesterCell> Bimesters,
    int ProgAcum,
    int RealAcum,
    Semaforo Semaforo)
{
    public int MetaReal => RealAcum;

    public int Variacion => RealAcum - Goal;

    /// <summary>% avance anual = REAL_acum / META PROGRAMADA; null when the goal is 0.</summary>
    public decimal? AvancePct => SemaforoThresholds.Percent(RealAcum, Goal);

    /// <summary>% cumplimiento = REAL_acum / PROG_acum; null when nothing was programmed yet.</summary>
    public decimal? CumplimientoPct => SemaforoThresholds.Percent(RealAcum, ProgAcum);

    public BimesterCell? OpenBimester => Bimesters.FirstOrDefault(b => b.State == PeriodState.Open);
}

/// <summary>The calculations "as of a date" of DESIGN.md.</summary>
public static class PoaCalculator
{
    /// <param name="realByBimester">Counted records per bimester (1–6), dated up to <paramref name="asOf"/>.</param>
    public static ActivityProgress Compute(
        ActivityPlan activity, IReadOnlyDictionary<int, int> realByBimester, int year, DateOnly asOf, SemaforoThresholds thresholds)
    {
        var cells = new List<BimesterCell>(Bimesters.Count);
        var progAcum = 0;
        var realAcum = 0;
        foreach (var b in Bimesters.All)
        {
            var prog = activity.Prog[b - 1];
            var real = realByBimester.GetValueOrDefault(b);
            var state = StateOf(year, b, asOf);
            progAcum += state == PeriodState.Closed ? prog : 0;
            realAcum += state == PeriodState.Future ? 0 : real;
            cells.Add(new BimesterCell(
                b, state, prog, state == PeriodState.Future ? null : real, state == PeriodState.Closed ? real - prog : null));
        }

        return new ActivityProgress(
            activity.Num, activity.Name, activity.Kind, activity.Goal, cells, progAcum, realAcum, thresholds.Classify(progAcum, realAcum));
    }

    /// <summary>
    /// "As of a date" means through the end of that day: a bimester whose last day is on or before the date is closed,
    /// one the date falls in before its last day is open.
    /// </summary>
    public static PeriodState StateOf(int year, int bimester, DateOnly asOf) =>
        asOf >= Bimesters.LastDay(year, bimester) ? PeriodState.Closed
        : asOf >= Bimesters.FirstDay(year, bimester) ? PeriodState.Open
        : PeriodState.Future;
}
