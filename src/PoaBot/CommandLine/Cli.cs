using System.CommandLine;
using System.CommandLine.Parsing;
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
    private static readonly Option<bool> HelpOption = new("--help", "-h") { Description = CliText.Help, Recursive = true };
    private static readonly Option<bool> VersionOption = new("--version") { Description = CliText.Version, Recursive = true };
    private static readonly Argument<string?> HelpVerb = new(CliText.Command) { Arity = ArgumentArity.ZeroOrOne };
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };
    private static readonly Lock ParseLock = new();

    /// <summary>Every verb; the root itself runs the bot (<c>poabot</c> alone is <c>poabot run</c>).</summary>
    private static readonly Verb Root = new("poabot", CliText.About, RunCommand.RunAsync)
    {
        RunCommand.Verb,
        LocalCommand.Verb,
        ImportCommand.Verb,
        SummaryCommand.Verb,
        ExportCommand.Verb,
        ChartCommand.Verb,
        ActivityCommand.Verb,
        CouncilCommand.Verb,
        InviteCommand.Verb,
        RemindCommand.Verb,
        BackupCommand.Verb,
        StatusCommand.Verb,
        RestoreCommand.Verb,
        DirectorateCommand.Verb,
        new Verb("help", CliText.HelpVerb, _ => 0) { Aliases = { "ayuda" }, Arguments = { HelpVerb } },
        new Verb("version", CliText.Version, _ => 0),
        HelpOption,
        VersionOption,
    };

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextReader input,
        TextWriter output,
        TextWriter error,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        ParseResult parsed;
        lock (ParseLock)
        {
            parsed = Root.Parse([.. args.Select((a, i) => i == 0 && !a.StartsWith('-') ? a.ToLowerInvariant() : a)], Parsing);
        }

        var verb = (Verb)parsed.CommandResult.Command;
        if (parsed.GetValue(VersionOption) || verb.Name == "version")
        {
            await output.WriteLineAsync(AppVersion.Line);
            return 0;
        }

        if (parsed.GetValue(HelpOption) || verb.Name == "help")
        {
            var about = verb.Name == "help" && parsed.GetValue(HelpVerb) is { } name ? Root.Subcommands.FirstOrDefault(c => c.Name == name || c.Aliases.Contains(name)) : verb;
            if (about is null)
            {
                return await Refuse(error, CliText.UnknownCommand(parsed.GetValue(HelpVerb)!), Root);
            }

            await output.WriteAsync(about == Root || about.Name == "help" ? Usage.Overview(Root) : Usage.Of(about));
            return 0;
        }

        if (parsed.Errors.Count > 0 && parsed.UnmatchedTokens.Count == 0 && parsed.Errors.All(e => e.SymbolResult is ArgumentResult { Tokens.Count: 0 } || verb.Action is null))
        {
            // Something left out, as before the parser: refused input (1), naming what is missing and the verb's use.
            var missing = verb.Action is null ? CliText.MissingWhatToDo
                : CliText.Missing([.. verb.Arguments.Where(a => parsed.GetResult(a) is null or { Tokens.Count: 0 }).Select(a => a.Name)]);
            await error.WriteAsync($"{missing}\n{Usage.Of(verb)}");
            return 1;
        }

        if (parsed.Errors.Count > 0)
        {
            return await Refuse(error, Problem(parsed), verb);
        }

        var bot = verb == Root || verb == RunCommand.Verb;
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

        if (verb == LocalCommand.Verb)
        {
            // The terminal chat adds sample people and reports: it works on its own file, never on the bot's database.
            var path = parsed.GetValue(LocalCommand.DatabaseFile) ?? builder.Configuration["Storage:LocalPath"] ?? new StorageOptions().LocalPath;
            builder.Configuration.AddInMemoryCollection([new("Storage:Path", path), new("Storage:Provider", "sqlite"), new("Storage:Folder", null)]);
        }

        // HttpClient logging writes request URLs, and Telegram URLs contain the token.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.None);
        if (!bot)
        {
            builder.Logging.ClearProviders();
        }

        builder.Services.AddPoaBotCore(builder.Configuration);
        if (bot)
        {
            builder.Services.AddTelegramWorker();
            builder.AddOperations();
        }

        configureServices?.Invoke(builder.Services);
        using var host = builder.Build();
        var context = new CliContext(host, parsed, input, output, error);
        try
        {
            // Every verb checks every setting first, as the host would at start-up.
            host.Services.GetService<IStartupValidator>()?.Validate();
            return await verb.Run(context, cancellationToken);
        }
        catch (SchemaTooNewException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            await error.WriteLineAsync(StorageText.Unreachable(ex.Message));
            return 2;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync(CliText.InvalidSettings(string.Join(" ", ex.Failures)));
            return 2;
        }
        catch (InvalidOperationException ex) when (UnreadableSetting(ex) is { } key)
        {
            // The configuration binder could not convert a value (e.g. a URL or a number); its message would show the value.
            await error.WriteLineAsync(CliText.InvalidSettings(SettingText.Unreadable(key)));
            return 2;
        }
    }

    /// <summary>What is wrong with the command line, in Spanish (the library's own messages are English).</summary>
    private static string Problem(ParseResult parsed)
    {
        var verb = parsed.CommandResult.Command;
        if (parsed.UnmatchedTokens.Count > 0)
        {
            var first = parsed.UnmatchedTokens[0];
            return verb == Root && !first.StartsWith('-')
                ? CliText.UnknownCommand(first)
                : CliText.NotUnderstood(string.Join(' ', parsed.UnmatchedTokens), Usage.Path(verb));
        }

        return parsed.Errors[0].SymbolResult is OptionResult { Option: var option, Tokens.Count: var count }
            ? count == 0 ? CliText.MissingValue(option.Name, option.HelpName!) : CliText.OnlyOnce(option.Name)
            : CliText.NotUnderstoodLine;
    }

    private static async Task<int> Refuse(TextWriter error, string message, Command verb)
    {
        await error.WriteLineAsync(message);
        await error.WriteLineAsync(verb == Root ? CliText.SeeHelp : CliText.SeeVerbHelp(verb.Name));
        return 2;
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

/// <summary>A verb of the command line: its arguments and options, its Spanish description, and what it runs once the host is built.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1010", Justification = "Enumerable only for collection initializers, as its base.")]
public sealed class Verb : Command
{
    public Verb(string name, string description, Func<CliContext, CancellationToken, Task<int>>? run = null)
        : base(name, description)
    {
        Run = run ?? ((_, _) => Task.FromResult(0));
        if (run is not null)
        {
            // Cli runs the verb itself, after building the host; an action only tells the parser that this command may stand alone.
            SetAction(_ => 0);
        }
    }

    public Verb(string name, string description, Func<CliContext, int> run)
        : this(name, description, (context, _) => Task.FromResult(run(context)))
    {
    }

    /// <summary>What the verb does; a verb made only of subcommands (<c>council</c>) is refused by the parser alone.</summary>
    public Func<CliContext, CancellationToken, Task<int>> Run { get; }
}

/// <summary>What a verb needs: the host and its services, the parsed command line and the terminal.</summary>
public sealed record CliContext(IHost Host, ParseResult Args, TextReader Input, TextWriter Output, TextWriter Error)
{
    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public int Fail(string message)
    {
        Error.WriteLine(message);
        return 1;
    }

    public string Actor => CliText.Actor(Environment.UserName);
}
