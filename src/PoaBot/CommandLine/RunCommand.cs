using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PoaBot.CommandLine;

/// <summary><c>poabot run</c> (the default): the Telegram worker, until stopped.</summary>
public static class RunCommand
{
    public static Verb Verb { get; } = new("run", CliText.Run, RunAsync);

    public static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.Get<IOptions<TelegramOptions>>().Value.Token))
        {
            return context.Fail(CliText.MissingToken);
        }

        using var held = context.Get<PoaBot.Core.Storage.Database>().TryHoldInstance();
        if (held is null)
        {
            return context.Fail(CliText.AlreadyRunning);
        }

        await context.Host.RunAsync(cancellationToken);
        return 0;
    }
}
