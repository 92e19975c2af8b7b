using Microsoft.Extensions.DependencyInjection;
using PoaBot.CommandLine;

namespace PoaBot.Tests.CommandLine;

/// <summary>Runs the real command line (the same entry point as Program.cs) against a temporary database.</summary>
public sealed class CliRunner(string databasePath)
{
    public async Task<(int Exit, string Output, string Error)> RunAsync(
        string[] args, string input = "", Action<IServiceCollection>? services = null, Dictionary<string, string?>? extra = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var settings = new Dictionary<string, string?>(extra ?? []) { ["Storage:Path"] = databasePath };
        var exit = await Cli.RunAsync(args, reader, output, error, settings, services);
        return (exit, output.ToString(), error.ToString());
    }
}
