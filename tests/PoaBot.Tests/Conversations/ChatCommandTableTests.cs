using PoaBot.Core.People;
using PoaBot.Core.Conversations;

namespace PoaBot.Tests.Conversations;

/// <summary>The chat's command table: every command as every role, the menus and /ayuda written from it.</summary>
public sealed class ChatCommandTableTests : IDisposable
{
    /// <summary>Every command the chat knows, aliases included, and whether only the Dirección may use it (the policy, written out).</summary>
    private static readonly Dictionary<string, bool> DirectorOnly = new()
    {
        ["start"] = false, ["reportar"] = false, ["resumen"] = false, ["resumen trimestre"] = false, ["resumen trimestral"] = false, ["misreportes"] = false, ["folio"] = false,
        ["cancelar"] = false, ["ayuda"] = false, ["help"] = false,
        ["resumen consejos"] = true, ["resumen consejo"] = true, ["coordinadores"] = true, ["personas"] = true, ["invitar"] = true,
        ["consejos"] = true, ["importar"] = true, ["exportar"] = true, ["exportar pdf"] = true, ["grafica"] = true, ["gráfica"] = true,
        ["justificar"] = true, ["reabrir"] = true, ["recordatorios"] = true,
    };

    /// <summary>The commands the planning office may not use: every one that writes, or starts what does (the policy, written out).</summary>
    private static readonly HashSet<string> Writes =
        ["reportar", "misreportes", "coordinadores", "personas", "invitar", "consejos", "importar", "justificar", "reabrir"];

    private readonly ChatWorld world = new(new DateTimeOffset(2024, 5, 2, 18, 0, 0, TimeSpan.Zero));

    public enum Who
    {
        Unregistered,
        Coordinator,
        Director,
        Planning,
    }

    public void Dispose() => world.Dispose();

    public static TheoryData<string, Who> EveryCommandAsEveryRole()
    {
        var data = new TheoryData<string, Who>();
        foreach (var command in DirectorOnly.Keys)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                data.Add(command, who);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommandAsEveryRole))]
    public void Every_command_as_every_role_follows_the_role_rule(string command, Who who)
    {
        var chat = who switch
        {
            Who.Unregistered => world.Stranger(77),
            Who.Coordinator => world.Coordinator(1, "Consejo Centro"),
            Who.Planning => world.Planning(),
            _ => world.Director(),
        };
        var before = world.Fingerprint("conversation", "audit");

        var said = chat.Send($"/{command}").Said;

        if (who == Who.Unregistered)
        {
            Assert.Equal(Texts.Unregistered, said);
        }
        else if (who == Who.Planning && Writes.Contains(command))
        {
            Assert.Equal(DirectorateText.ReadOnly, said);
            Assert.Equal(before, world.Fingerprint("conversation", "audit"));
        }
        else if (who == Who.Coordinator && DirectorOnly[command])
        {
            Assert.Equal(Texts.DirectorOnly, said);
            Assert.Equal(before, world.Fingerprint("conversation", "audit"));
        }
        else
        {
            Assert.DoesNotContain(Texts.DirectorOnly, said, StringComparison.Ordinal);
            Assert.DoesNotContain("No conozco el comando", said, StringComparison.Ordinal);
            Assert.DoesNotContain(Texts.Unregistered, said, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_table_holds_exactly_the_commands_of_the_policy_with_their_roles()
    {
        var table = ChatCommands.All.SelectMany(c => c.Aliases.Prepend(c.Name).Select(name => (name, c.Role == CommandRole.Director)));

        Assert.Equal(DirectorOnly.OrderBy(e => e.Key, StringComparer.Ordinal), table.ToDictionary(e => e.name, e => e.Item2).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(Writes.Order(StringComparer.Ordinal), ChatCommands.All.Where(c => !c.ReadOnly).SelectMany(c => c.Aliases.Prepend(c.Name)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_coordinators_menu_and_help_name_no_director_command_and_a_directors_name_every_listed_one()
    {
        var coordinator = world.Coordinator(1, "Consejo Centro").Send("/ayuda").Said;
        var director = world.Director().Send("/ayuda").Said;

        Assert.All(ChatCommands.All.Where(c => c.Listed), c => Assert.Contains($"/{c.Name} ", director, StringComparison.Ordinal));
        Assert.All(ChatCommands.All.Where(c => c.Role == CommandRole.Director), c => Assert.DoesNotContain($"/{c.Name} ", coordinator, StringComparison.Ordinal));
        Assert.Contains("/folio DPC-2024-0007 — ver un reporte por su folio", coordinator, StringComparison.Ordinal);
        Assert.DoesNotContain(ChatCommands.Menu(Roles.Coordinator), c => DirectorOnly[c.Name]);
        Assert.Equal(
            DirectorOnly.Keys.Where(k => !k.Contains(' ', StringComparison.Ordinal) && k is not ("start" or "help" or "personas" or "gráfica")).Order(StringComparer.Ordinal),
            ChatCommands.Menu(Roles.Director).Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Planeacions_menu_holds_only_the_commands_it_may_use()
    {
        Assert.Equal(
            ["resumen", "folio", "cancelar", "ayuda", "exportar", "grafica", "recordatorios"],
            ChatCommands.Menu(Roles.Planning).Select(c => c.Name));
    }

    [Fact]
    public void Planeacions_help_lists_only_what_it_may_use()
    {
        var help = world.Planning().Send("/ayuda").Said;

        Assert.Contains("/resumen", help, StringComparison.Ordinal);
        Assert.All(
            ChatCommands.All.Where(c => c.Listed && !c.Allows(Roles.Planning)),
            c => Assert.DoesNotContain($"/{c.Name} ", help, StringComparison.Ordinal));
        Assert.DoesNotContain("Dirección</b>", help, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_is_named_and_changes_nothing()
    {
        var chat = world.Coordinator(1, "Consejo Centro");
        var before = world.Fingerprint("conversation");

        var said = chat.Send("/inventado").Said;

        Assert.StartsWith("No conozco el comando /inventado.", said, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint("conversation"));
    }
}
