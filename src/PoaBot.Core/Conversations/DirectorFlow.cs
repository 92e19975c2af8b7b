using System.Text;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>Director tools in the chat: <c>/invitar</c> (role and councils with buttons) and <c>/consejos</c> (list and add).</summary>
public static class DirectorFlow
{
    public static void Invite(Turn turn)
    {
        turn.State.Reset();
        turn.Ask(Step.InviteRole, "¿Para quién es la invitación?", [[("Coordinador(a)", "role:coordinador")], [("Director(a)", "role:director")]], back: false);
    }

    public static void Councils(Turn turn)
    {
        var people = new PeopleStore(turn.Db);
        var councils = people.Councils();
        var entries = councils.Select(c =>
        {
            var coordinators = turn.Db.Query<string>(
                "SELECT p.name FROM person p JOIN person_council pc ON pc.person_id = p.id WHERE pc.council_id = @Id AND p.active = 1 ORDER BY p.name", new { c.Id }).ToList();
            return new ListEntry(
                $"• <b>{Html.Escape(c.Name)}</b>{(c.Locality.Length > 0 ? $" ({Html.Escape(c.Locality)})" : "")} — " +
                (coordinators.Count == 0 ? "sin coordinador" : Html.Escape(Html.Shorten(string.Join(", ", coordinators), 200))));
        });
        turn.State.Reset();
        turn.AskList(Step.CouncilList, $"🏘 <b>Consejos ({councils.Count})</b>", entries, [[("➕ Agregar consejo", "add")]], numbered: false);
    }

    public static void Answer(Turn turn)
    {
        var people = new PeopleStore(turn.Db);
        switch (turn.State.Step)
        {
            case Step.InviteRole when turn.Action == "role:director":
                turn.State.Reset();
                SendInvite(turn, Roles.Director, []);
                break;
            case Step.InviteRole when turn.Action == "role:coordinador":
                AskCouncils(turn, people);
                break;
            case Step.InviteCouncils when turn.Action == "done":
                if (turn.State.Get<InviteTask>().Councils.Count == 0)
                {
                    turn.Say("Elija al menos un consejo.");
                    AskCouncils(turn, people);
                    return;
                }

                var chosen = turn.State.Get<InviteTask>().Councils.ToList();
                turn.State.Reset();
                SendInvite(turn, Roles.Coordinator, chosen);
                break;
            case Step.InviteCouncils when turn.ActionId("t") is { } id && people.Councils().Any(c => c.Id == id):
                var councils = turn.State.Get<InviteTask>().Councils;
                if (!councils.Remove(id))
                {
                    councils.Add(id);
                }

                AskCouncils(turn, people);
                break;
            case Step.CouncilList when turn.Action == "add":
                turn.Ask(Step.CouncilName, "Escriba el nombre del nuevo consejo.\nEjemplo: Consejo Colonia Las Flores", [], back: false);
                break;
            case Step.CouncilList:
                turn.State.Reset();
                turn.Greet();
                break;
            case Step.CouncilName when turn.Text is { Length: > 0 and <= 100 } name && turn.Action is null:
                if (people.Council(name) is not null || Spanish.Fold(name) == Spanish.Fold(PoaBot.Core.Import.ImportText.DocumentCouncil))
                {
                    turn.Say($"Ya existe el consejo «{Html.Escape(name)}». Escriba otro nombre, o toque Cancelar.");
                    return;
                }

                turn.State.Task = new CouncilTask { Name = name };
                turn.Ask(Step.CouncilLocality, $"¿En qué localidad o barrio está «{Html.Escape(name)}»?", [[(Texts.Skip, "skip")]], back: false);
                break;
            case Step.CouncilLocality when turn.Action == "skip" || turn.Text is { Length: > 0 and <= 100 }:
                var council = turn.State.Get<CouncilTask>().Name ?? "";
                var added = people.AddCouncil(council, turn.Action == "skip" ? "" : turn.Text!);
                turn.State.Reset();
                turn.Say(
                    added
                        ? $"✅ Consejo «{Html.Escape(council)}» agregado. Para invitar a su coordinador(a) use /invitar."
                        : $"Ya existe un consejo (o un nombre reservado) «{Html.Escape(council)}»; no se agregó nada.",
                    mainKeyboard: true);
                break;
            case Step.InviteRole or Step.InviteCouncils:
                turn.Say("Toque una de las opciones, o Cancelar.");
                break;
            default:
                turn.Say("Escriba un nombre de hasta 100 caracteres, o toque Cancelar.");
                break;
        }
    }

    private static void AskCouncils(Turn turn, PeopleStore people)
    {
        var selected = turn.State.Get<InviteTask>().Councils;
        var entries = people.Councils().Select(c => new ListEntry("", $"{(selected.Contains(c.Id) ? "✅" : "⬜")} {Html.Shorten(c.Name, 40)}", $"t:{c.Id}"));

        // Marking a council keeps the page it is on.
        var page = turn.State.Question?.Page ?? 0;
        turn.AskList(Step.InviteCouncils, "¿De qué consejos será coordinador(a)? Toque para marcar o desmarcar; luego toque «Listo».", entries, [[("Listo", "done")]], page: page);
    }

    private static void SendInvite(Turn turn, string role, IReadOnlyList<long> councils)
    {
        var people = new PeopleStore(turn.Db);
        var payload = people.CreateInvite(role, councils, turn.Now, turn.Settings.InviteValidFor);
        var username = new AppSettings(turn.Db).Get(AppSettings.BotUsername);
        var names = people.Councils().Where(c => councils.Contains(c.Id)).Select(c => c.Name).ToList();
        var who = role == Roles.Director ? "director(a)" : $"coordinador(a) de {string.Join(", ", names)}";
        var link = username is null ? $"/start {payload}" : $"https://t.me/{username}?start={payload}";
        turn.Say(
            $"🔑 Invitación para {Html.Escape(who)}. Sirve una sola vez y vence el {Numbers.Date(turn.Settings.Clock.LocalDate(turn.Now + turn.Settings.InviteValidFor))}.\n" +
            $"Reenvíe este enlace a la persona:\n{Html.Escape(link)}",
            mainKeyboard: true);
    }
}
