namespace PoaBot.CommandLine;

/// <summary>
/// The verb and its options, parsed before the host is built (the host's command-line provider would swallow
/// flags such as <c>--csv --year</c>). Options may repeat (<c>--council A --council B</c>); a flag without a value is "true".
/// </summary>
public sealed class CommandArgs
{
    private static readonly HashSet<string> Flags = ["consejos", "csv", "dry-run", "help", "trimestral", "version"];

    private readonly Dictionary<string, List<string>> options = new(StringComparer.OrdinalIgnoreCase);

    private CommandArgs(string verb, List<string> positionals)
    {
        Verb = verb;
        Positionals = positionals;
    }

    public string Verb { get; }

    public IReadOnlyList<string> Positionals { get; }

    public static CommandArgs Parse(IReadOnlyList<string> args)
    {
        var verb = args.Count > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0].ToLowerInvariant() : "run";
        var positionals = new List<string>();
        var parsed = new CommandArgs(verb, positionals);
        for (var i = verb == "run" && (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal)) ? 0 : 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(arg);
                continue;
            }

            var name = arg[2..];
            string value;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (!Flags.Contains(name) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                value = "true";
            }

            if (!parsed.options.TryGetValue(name, out var list))
            {
                parsed.options[name] = list = [];
            }

            list.Add(value);
        }

        return parsed;
    }

    public string? Option(string name) => options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => options.TryGetValue(name, out var values) ? values : [];

    public bool Has(string name) => options.ContainsKey(name);

    public IEnumerable<string> OptionNames => options.Keys;
}
