using System.CommandLine;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot activity kind N KIND [--year Y]</c>: the director overrides a detected kind.</summary>
public static class ActivityCommand
{
    private static readonly Argument<string> Number = new("NUM") { Description = "el número de la actividad en el POA" };

    private static readonly Argument<string> Kind = new("TIPO") { Description = ActivityKinds.Words };

    public static Verb Verb { get; } = new("activity", "las actividades del POA")
    {
        new Verb("kind", "cambiar el tipo de una actividad", Run) { Number, Kind, ReportArgs.Year },
    };

    private static int Run(CliContext context)
    {
        var text = context.Args.GetRequiredValue(Kind);
        if (ActivityNumber.Parse(context.Args.GetRequiredValue(Number)) is not { } num)
        {
            return context.Fail("Uso: poabot activity kind NUM TIPO   (TIPO: " + ActivityKinds.Words + ")");
        }

        if (!ActivityKinds.TryParse(text, out var kind))
        {
            return context.Fail($"«{text}» no es un tipo. Use uno de estos: {ActivityKinds.Words}.");
        }

        if (!ReportArgs.TryParse(context, out var year, out _))
        {
            return 1;
        }

        var clock = context.Get<MunicipalClock>();
        return context.Get<Database>().Write(db =>
        {
            var store = new PoaStore(db);
            var poa = store.FindOrLatest(year);
            if (poa is null || !store.OverrideKind((int)poa.Year, num, kind, context.Actor, clock.Now))
            {
                return context.Fail($"No encontré la actividad {num}.");
            }

            context.Output.WriteLine($"Actividad {num} del POA {poa.Year}: ahora es de {kind.Label}.");
            return 0;
        });
    }
}
