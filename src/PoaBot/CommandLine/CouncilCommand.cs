using System.CommandLine;
using PoaBot.Core.Import;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot council add NAME [--locality L]</c> and <c>poabot council import FILE</c> (CSV: name, locality).</summary>
public static class CouncilCommand
{
    private static readonly Argument<string> Name = new(CliText.Name) { Description = CliText.CouncilName };

    private static readonly Option<string?> Locality = new("--locality") { HelpName = CliText.Locality, Description = CliText.CouncilLocality };

    private static readonly Argument<string> File = new(CliText.File) { Description = CliText.CouncilFile };

    public static Verb Verb { get; } = new("council", CliText.Council)
    {
        new Verb("add", CliText.CouncilAdd, Add) { Name, Locality, DirectorateCommand.Option },
        new Verb("import", CliText.CouncilImport, Import) { File, DirectorateCommand.Option },
    };

    private static int Add(CliContext context)
    {
        var name = context.Args.GetRequiredValue(Name);
        if (DirectorateCommand.Find(context) is not { } directorate)
        {
            return 2;
        }

        var added = context.Get<Database>().Write(db => new PeopleStore(db.In(directorate.Id)).AddCouncil(name, context.Args.GetValue(Locality) ?? ""));
        if (!added)
        {
            return context.Fail(CliText.CouncilExists(name));
        }

        context.Output.WriteLine(CliText.CouncilAdded(name.Trim()));
        return 0;
    }

    private static int Import(CliContext context)
    {
        var path = context.Args.GetRequiredValue(File);
        if (!System.IO.File.Exists(path))
        {
            return context.Fail(CliText.FileNotFound(path));
        }

        var rows = TableText.Rows(TableText.Decode(System.IO.File.ReadAllBytes(path)))
            .Where(r => r.Length > 0 && !string.IsNullOrWhiteSpace(r[0]))
            .Where(r => !r[0].Trim().Equals("nombre", StringComparison.OrdinalIgnoreCase) && !r[0].Trim().Equals("name", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (rows.Count == 0)
        {
            return context.Fail(CliText.NoCouncilsInFile);
        }

        if (DirectorateCommand.Find(context) is not { } directorate)
        {
            return 2;
        }

        var (added, existing) = context.Get<Database>().Write(db =>
        {
            var people = new PeopleStore(db.In(directorate.Id));
            var count = rows.Count(r => people.AddCouncil(r[0], r.Length > 1 ? r[1] : ""));
            return (count, rows.Count - count);
        });
        context.Output.WriteLine(CliText.CouncilsAdded(added, existing));
        return 0;
    }
}
