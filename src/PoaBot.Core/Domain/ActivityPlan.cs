namespace PoaBot.Core.Domain;

/// <summary>An activity of the POA as programmed: PROG per bimester (index 0 = Ene/Feb) and the annual goal.</summary>
public sealed record ActivityPlan(long Id, string Num, string Name, string Objective, ActivityKind Kind, int Goal, IReadOnlyList<int> Prog);
