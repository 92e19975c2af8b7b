using System.CommandLine;
using System.Text;

namespace PoaBot.CommandLine;

/// <summary>The Spanish help, written from the verbs' own arguments, options and descriptions.</summary>
public static class Usage
{
    private const int Column = 40;

    /// <summary><c>poabot help</c>: one line (or two) per verb.</summary>
    public static string Overview(Command root)
    {
        var text = new StringBuilder(CliText.Overview(root.Description!));
        foreach (var verb in root.Subcommands.SelectMany(v => v.Subcommands.Count > 0 ? v.Subcommands : [v]))
        {
            Row(text, Line(verb)[7..], verb.Description);
        }

        return text.Append(CliText.OverviewEnd).ToString();
    }

    /// <summary><c>poabot help VERB</c> and <c>poabot VERB --help</c>: what the verb does and each of its arguments and options.</summary>
    public static string Of(Command verb)
    {
        var text = new StringBuilder();
        foreach (var command in verb.Subcommands.Count > 0 ? verb.Subcommands : [verb])
        {
            text.Append($"{CliText.Use(Line(command))}\n  {char.ToUpperInvariant(command.Description![0])}{command.Description[1..]}.\n\n");
            foreach (var argument in command.Arguments)
            {
                Row(text, argument.Name, argument.Description);
            }

            foreach (var option in command.Options.Where(o => !o.Recursive))
            {
                Row(text, Label(option), option.Description);
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The verb as typed: <c>poabot council add</c>.</summary>
    public static string Path(Command verb) =>
        verb.Parents.OfType<Command>().FirstOrDefault() is { } parent ? $"{Path(parent)} {verb.Name}" : verb.Name;

    private static string Line(Command verb) =>
        string.Join(' ', [Path(verb), .. verb.Arguments.Select(a => a.Name), .. verb.Options.Where(o => !o.Recursive).Select(o => $"[{Label(o)}]")]);

    private static string Label(Option option) =>
        option.ValueType == typeof(bool) ? option.Name
        : option.ValueType.IsArray ? $"{option.Name} {option.HelpName}…"
        : $"{option.Name} {option.HelpName}";

    private static void Row(StringBuilder text, string first, string? second)
    {
        text.Append("  ").Append(first);
        text.Append(first.Length + 2 < Column ? new string(' ', Column - first.Length - 2) : "\n" + new string(' ', Column));
        text.Append(second).Append('\n');
    }
}
