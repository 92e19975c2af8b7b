using System.CommandLine;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;
using PoaBot.Operations;

namespace PoaBot.CommandLine;

/// <summary><c>poabot status</c>: how the running bot is doing. Exit 0 in order, 1 with problems.</summary>
public static class StatusCommand
{
    public static Verb Verb { get; } = new("status", CliText.Status, Run);

    private static int Run(CliContext context)
    {
        context.Output.Write(Status.Text(context.Get<Database>(), context.Get<MunicipalClock>(), out var healthy));
        return healthy ? 0 : 1;
    }
}
