using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot activity kind N KIND [--year Y]</c>: the director overrides a detected kind.</summary>
public static class ActivityCommand
{
    public static int Run(CliContext context)
    {
        var p = context.Args.Positionals;
        if (p.Count != 3 || p[0] != "kind" || ActivityNumber.Parse(p[1]) is not { } num)
        {
            return context.Fail("Uso: poabot activity kind NUM TIPO   (TIPO: reuniones, solicitudes, gestiones, programas, generica)");
        }

        if (!ActivityKinds.TryParse(p[2], out var kind))
        {
            return context.Fail($"«{p[2]}» no es un tipo. Use: reuniones, solicitudes, gestiones, programas o generica.");
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

            context.Output.WriteLine($"Actividad {num} del POA {poa.Year}: ahora es de {kind.Label()}.");
            return 0;
        });
    }
}
