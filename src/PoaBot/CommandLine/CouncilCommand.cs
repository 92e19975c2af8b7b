using PoaBot.Core.Import;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot council add NAME [--locality L]</c> and <c>poabot council import FILE</c> (CSV: name, locality).</summary>
public static class CouncilCommand
{
    public static int Run(CliContext context)
    {
        var p = context.Args.Positionals;
        if (p.Count == 2 && p[0] == "add")
        {
            var added = context.Get<Database>().Write(db => new PeopleStore(db).AddCouncil(p[1], context.Args.Option("locality") ?? ""));
            if (!added)
            {
                return context.Fail($"Ya existe un consejo llamado «{p[1]}».");
            }

            context.Output.WriteLine($"Consejo «{p[1].Trim()}» agregado.");
            return 0;
        }

        if (p.Count == 2 && p[0] == "import")
        {
            if (!File.Exists(p[1]))
            {
                return context.Fail($"No encontré el archivo «{p[1]}».");
            }

            var rows = TableText.Rows(TableText.Decode(File.ReadAllBytes(p[1])))
                .Where(r => r.Length > 0 && !string.IsNullOrWhiteSpace(r[0]))
                .Where(r => !r[0].Trim().Equals("nombre", StringComparison.OrdinalIgnoreCase) && !r[0].Trim().Equals("name", StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (rows.Count == 0)
            {
                return context.Fail("El archivo no tiene consejos. Cada renglón debe ser: nombre, localidad");
            }

            var (added, existing) = context.Get<Database>().Write(db =>
            {
                var people = new PeopleStore(db);
                var count = rows.Count(r => people.AddCouncil(r[0], r.Length > 1 ? r[1] : ""));
                return (count, rows.Count - count);
            });
            context.Output.WriteLine($"{added} consejo(s) agregado(s); {existing} ya existía(n).");
            return 0;
        }

        return context.Fail("Uso: poabot council add NOMBRE [--locality LOCALIDAD]  |  poabot council import ARCHIVO.csv");
    }
}
