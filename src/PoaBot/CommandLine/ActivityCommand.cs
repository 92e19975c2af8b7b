using System.CommandLine;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot activity kind N KIND [--year Y]</c>: the director overrides a detected kind.</summary>
public static class ActivityCommand
{
    private static readonly Argument<string> Number = new(CliText.Number) { Description = CliText.ActivityNumber };

    private static readonly Argument<string> Kind = new(CliText.Kind) { Description = ActivityKinds.Words };

    public static Verb Verb { get; } = new("activity", CliText.Activity)
    {
        new Verb("kind", CliText.ActivityKind, Run) { Number, Kind, ReportArgs.Year, DirectorateCommand.Option },
    };

    private static int Run(CliContext context)
    {
        var text = context.Args.GetRequiredValue(Kind);
        if (ActivityNumber.Parse(context.Args.GetRequiredValue(Number)) is not { } num)
        {
            return context.Fail(CliText.KindUse(ActivityKinds.Words));
        }

        if (!ActivityKinds.TryParse(text, out var kind))
        {
            return context.Fail(CliText.NotAKind(text, ActivityKinds.Words));
        }

        if (!ReportArgs.TryParse(context, out var year, out _))
        {
            return 1;
        }

        if (DirectorateCommand.Find(context) is not { } directorate)
        {
            return 2;
        }

        var clock = context.Get<MunicipalClock>();
        return context.Get<Database>().Write(db =>
        {
            var store = new PoaStore(db.In(directorate.Id));
            var poa = store.FindOrLatest(year);
            if (poa is null || !store.OverrideKind((int)poa.Year, num, kind, context.Actor, clock.Now))
            {
                return context.Fail(CliText.NoActivity(num));
            }

            context.Output.WriteLine(CliText.KindChanged(num, (int)poa.Year, kind.Label));
            return 0;
        });
    }
}
