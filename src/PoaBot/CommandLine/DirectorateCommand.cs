using System.CommandLine;
using System.Text.RegularExpressions;
using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary>
/// <c>poabot directorate add CODE NAME [--settings JSON]</c>, <c>directorate set CODE [--name NAME] [--settings JSON]</c>,
/// <c>directorate list</c>; and <c>--directorate CODE</c>, which the verbs that work in one directorate take (needed only
/// when there are several).
/// </summary>
public static partial class DirectorateCommand
{
    public static readonly Option<string?> Option = new("--directorate") { HelpName = "CLAVE", Description = DirectorateText.OptionHelp };

    private static readonly Argument<string> Code = new("CLAVE") { Description = DirectorateText.CodeHelp };

    private static readonly Argument<string> Name = new(CliText.Name) { Description = DirectorateText.NameHelp };

    private static readonly Option<string?> NewName = new("--name") { HelpName = CliText.Name, Description = DirectorateText.NameHelp };

    private static readonly Option<string?> Settings = new("--settings")
    {
        HelpName = "JSON",
        Description = DirectorateText.SettingsHelp,
    };

    public static Verb Verb { get; } = new("directorate", DirectorateText.VerbHelp)
    {
        new Verb("add", DirectorateText.AddHelp, Add) { Code, Name, Settings },
        new Verb("set", DirectorateText.SetHelp, Set) { Code, NewName, Settings },
        new Verb("list", DirectorateText.VerbHelp, List),
    };

    /// <summary>The directorate named by <c>--directorate</c>, or the only one; null (exit code 2) after saying which there are.</summary>
    public static DirectorateRow? Find(CliContext context)
    {
        var all = context.Get<Database>().Read(db => new DirectorateStore(db).All());
        var code = context.Args.GetValue(Option);
        var found = code is null ? all.Count == 1 ? all[0] : null : all.FirstOrDefault(d => d.Code.Equals(code.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            var codes = all.Select(d => d.Code);
            context.Error.WriteLine(code is null ? DirectorateText.Required(codes) : DirectorateText.Unknown(code, codes));
        }

        return found;
    }

    private static int Add(CliContext context)
    {
        var code = context.Args.GetRequiredValue(Code).Trim().ToUpperInvariant();
        if (!CodeShape().IsMatch(code))
        {
            return context.Fail(DirectorateText.BadCode(code));
        }

        if (!TryReadSettings(context, out var settings))
        {
            return 1;
        }

        var name = context.Args.GetRequiredValue(Name).Trim();
        if (!context.Get<Database>().Write(db => new DirectorateStore(db).Add(code, name, settings)))
        {
            return context.Fail(DirectorateText.CodeTaken(code));
        }

        context.Output.WriteLine(DirectorateText.Added(code, name));
        return 0;
    }

    private static int Set(CliContext context)
    {
        var code = context.Args.GetRequiredValue(Code);
        if (!TryReadSettings(context, out var settings))
        {
            return 1;
        }

        var done = context.Get<Database>().Write(db =>
        {
            var store = new DirectorateStore(db);
            if (store.ByCode(code) is not { } directorate)
            {
                return false;
            }

            store.Update(directorate.Id, context.Args.GetValue(NewName), settings);
            return true;
        });
        if (!done)
        {
            return context.Fail(DirectorateText.Unknown(code, context.Get<Database>().Read(db => new DirectorateStore(db).All()).Select(d => d.Code)));
        }

        context.Output.WriteLine(DirectorateText.Updated(code.Trim().ToUpperInvariant()));
        return 0;
    }

    private static int List(CliContext context)
    {
        foreach (var d in context.Get<Database>().Read(db => new DirectorateStore(db).All()))
        {
            context.Output.WriteLine(DirectorateText.ListLine(d.Code, d.Name, d.Settings is not null));
        }

        return 0;
    }

    /// <summary>Reads <c>--settings</c>: JSON the global settings can take over (thresholds in order, a readable schedule).</summary>
    private static bool TryReadSettings(CliContext context, out DirectorateSettings? settings)
    {
        settings = context.Args.GetValue(Settings) is { } json ? DirectorateSettings.Parse(json) : null;
        var global = context.Get<EngineSettings>();
        if (context.Args.GetValue(Settings) is null || settings?.IsValid(global.Thresholds, global.Reminders) == true)
        {
            return true;
        }

        context.Fail(DirectorateText.BadSettings);
        return false;
    }

    [GeneratedRegex("^[A-Z0-9]{2,10}$")]
    private static partial Regex CodeShape();
}
