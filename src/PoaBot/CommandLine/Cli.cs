using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PoaBot.Core.Storage;
using PoaBot.Operations;
using PoaBot.Telegram;

namespace PoaBot.CommandLine;

/// <summary>The command line: parses the verb, builds the host, runs the verb. Exit codes: 0 ok, 1 refused input, 2 usage.</summary>
public static class Cli
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextReader input,
        TextWriter output,
        TextWriter error,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        var command = CommandArgs.Parse(args);
        if (command.Has("version") || command.Verb == "version")
        {
            await output.WriteLineAsync(AppVersion.Line);
            return 0;
        }

        if (command.Has("help") || command.Verb is "help" or "ayuda")
        {
            await output.WriteAsync(Usage.Text);
            return 0;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddSystemdCredentials();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (command.Verb == "local")
        {
            // The terminal chat adds sample people and reports: it works on its own file, never on the bot's database.
            var path = command.Option("db") ?? builder.Configuration["Storage:LocalPath"] ?? new StorageOptions().LocalPath;
            builder.Configuration.AddInMemoryCollection([new("Storage:Path", path)]);
        }

        // HttpClient logging writes request URLs, and Telegram URLs contain the token.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.None);
        if (command.Verb != "run")
        {
            builder.Logging.ClearProviders();
        }

        builder.Services.AddPoaBotCore(builder.Configuration);
        if (command.Verb == "run")
        {
            builder.Services.AddTelegramWorker();
            builder.AddOperations();
        }

        configureServices?.Invoke(builder.Services);
        using var host = builder.Build();
        var context = new CliContext(host.Services, command, input, output, error);
        try
        {
            // Every verb checks every setting first, as the host would at start-up.
            host.Services.GetService<IStartupValidator>()?.Validate();
            return command.Verb switch
            {
                "run" => await RunCommand.RunAsync(host, context, cancellationToken),
                "import" => ImportCommand.Run(context),
                "summary" => SummaryCommand.Run(context),
                "export" => ExportCommand.Run(context),
                "chart" => ChartCommand.Run(context),
                "activity" => ActivityCommand.Run(context),
                "backup" => BackupCommand.Run(context),
                "restore" => RestoreCommand.Run(context),
                "status" => StatusCommand.Run(context),
                "council" => CouncilCommand.Run(context),
                "invite" => InviteCommand.Run(context),
                "local" => await LocalCommand.RunAsync(context, cancellationToken),
                "remind" => RemindCommand.Run(context),
                _ => await context.Usage($"No conozco el comando «{command.Verb}»."),
            };
        }
        catch (SchemaTooNewException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"Configuración inválida: {string.Join(" ", ex.Failures)}");
            return 2;
        }
        catch (InvalidOperationException ex) when (UnreadableSetting(ex) is { } key)
        {
            // The configuration binder could not convert a value (e.g. a URL or a number); its message would show the value.
            await error.WriteLineAsync($"Configuración inválida: {SettingText.Unreadable(key)}");
            return 2;
        }
    }

    private static string? UnreadableSetting(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            var match = System.Text.RegularExpressions.Regex.Match(e.Message, "^Failed to convert configuration value .* at '(?<key>[^']+)'");
            if (match.Success)
            {
                return match.Groups["key"].Value;
            }
        }

        return null;
    }
}

/// <summary>What a verb needs: services, its arguments and the terminal.</summary>
public sealed record CliContext(IServiceProvider Services, CommandArgs Args, TextReader Input, TextWriter Output, TextWriter Error)
{
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task<int> Usage(string message)
    {
        await Error.WriteLineAsync(message);
        await Error.WriteLineAsync("Use «poabot help» para ver los comandos.");
        return 2;
    }

    public int Fail(string message)
    {
        Error.WriteLine(message);
        return 1;
    }

    public string Actor => $"línea de comandos ({Environment.UserName})";
}
