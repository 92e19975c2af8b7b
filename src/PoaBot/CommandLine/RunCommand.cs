using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PoaBot.CommandLine;

/// <summary><c>poabot run</c> (the default): the Telegram worker, until stopped.</summary>
public static class RunCommand
{
    public const string MissingToken =
        "Falta el token del bot de Telegram: configure el ajuste Telegram:Token (variable de entorno Telegram__Token). " +
        "Para probar sin Telegram use: dotnet run --project src/PoaBot -- local";

    public static Verb Verb { get; } = new("run", "el bot de Telegram (necesita Telegram:Token)", RunAsync);

    public static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.Get<IOptions<TelegramOptions>>().Value.Token))
        {
            return context.Fail(MissingToken);
        }

        using var held = context.Get<PoaBot.Core.Storage.Database>().TryHoldInstance();
        if (held is null)
        {
            return context.Fail("Ya hay un bot en marcha con esta base de datos; no se inició otro.");
        }

        await context.Host.RunAsync(cancellationToken);
        return 0;
    }
}
