using System.Text;
using PoaBot.Core.People;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary><c>/personas</c> (director): who is registered, their councils; deactivate someone and reassign their councils.</summary>
public static class PeopleFlow
{
    public static void List(Turn turn)
    {
        var people = new PeopleStore(turn.Db);
        var all = people.All();
        var text = new StringBuilder("<b>Personas registradas</b>\n");
        foreach (var p in all)
        {
            var councils = people.CouncilsOf(p.Id).Select(c => c.Name).ToList();
            var status = !p.Active ? "inactivo(a)" : p.UnreachableSince is not null ? "⚠️ no se le pueden enviar mensajes" : "activo(a), recibe mensajes";
            var last = turn.Db.Single<string>("SELECT max(event_date) FROM record WHERE created_by = @Id AND voided_at IS NULL", new { p.Id });
            text.Append($"\n• <b>{Html.Escape(p.Name)}</b> — {p.Role}, {status}")
                .Append(last is null ? "; sin reportes" : $"; último reporte {Numbers.Date(Instants.ParseDate(last))}");
            if (councils.Count > 0)
            {
                text.Append($"\n  {Html.Escape(Html.Shorten(string.Join(", ", councils), 200))}");
            }
        }

        var removable = all.Where(p => p.Active && p.Id != turn.Person.Id).ToList();
        turn.State.Reset();
        if (removable.Count == 0)
        {
            turn.Say(text.ToString());
            return;
        }

        text.Append("\n\nPara dar de baja a alguien, tóquelo:");
        turn.Ask(Step.Deactivate, text.ToString(), removable.Select(p => new[] { ($"Dar de baja: {Html.Shorten(p.Name, 40)}", $"d:{p.Id}") }), back: false);
    }

    public static void Answer(Turn turn)
    {
        var people = new PeopleStore(turn.Db);
        if (turn.State.Step == Step.Deactivate)
        {
            var target = turn.ActionId("d") is { } id ? people.Get(id) : null;
            if (target is not { Active: true } || target.Id == turn.Person.Id)
            {
                turn.State.Reset();
                turn.Say("Toque a una de las personas de la lista; no se cambió nada.");
                return;
            }

            turn.State.Task = new ReassignTask { PersonId = target.Id };
            var successors = people.All().Where(p => p.Active && p.Id != target.Id && p.Role == Roles.Coordinator);
            turn.Ask(
                Step.Reassign,
                $"¿A quién pasan los consejos de <b>{Html.Escape(target.Name)}</b>?",
                successors.Select(p => new[] { (Html.Shorten(p.Name, 40), $"r:{p.Id}") }).Append([("No reasignar", "r:0")]),
                back: false);
            return;
        }

        var chosen = turn.ActionId("r");
        var successor = chosen is > 0 ? people.Get(chosen.Value) : null;
        if (chosen is null || (chosen > 0 && successor is not { Active: true }))
        {
            turn.Say("Toque a quién pasan los consejos, o «No reasignar».");
            return;
        }

        var person = people.Get(turn.State.Get<ReassignTask>().PersonId)!;
        people.Deactivate(person.Id, successor?.Id, turn.Actor, turn.Now);
        turn.State.Reset();
        turn.Say(successor is null
            ? $"{Html.Escape(person.Name)} quedó dado(a) de baja."
            : $"{Html.Escape(person.Name)} quedó dado(a) de baja. Sus consejos pasaron a {Html.Escape(successor.Name)}.", mainKeyboard: true);
    }
}
