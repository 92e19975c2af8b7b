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
        var entries = all.Select(p =>
        {
            var councils = people.CouncilsOf(p.Id).Select(c => c.Name).ToList();
            var last = turn.Db.Single<string>("SELECT max(event_date) FROM record WHERE created_by = @Id AND voided_at IS NULL", new { p.Id });
            var line = PeopleText.Person(p.Name, p.Role, p.Active, p.UnreachableSince is not null, last is null ? null : Instants.ParseDate(last)) +
                (councils.Count > 0 ? PeopleText.Councils(councils) : "");
            var removable = p.Active && p.Id != turn.Person.Id;
            return new ListEntry(line, PeopleText.DeactivateButton(p.Name), removable ? $"d:{p.Id}" : null);
        }).ToList();
        turn.State.Reset();
        turn.AskList(Step.Deactivate, PeopleText.Title, entries, footer: entries.Any(e => e.Action is not null) ? PeopleText.TapToDeactivate : null);
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
                turn.Say(PeopleText.TapAPerson);
                return;
            }

            turn.State.Task = new ReassignTask { PersonId = target.Id };
            var successors = people.All().Where(p => p.Active && p.Id != target.Id && p.Role == Roles.Coordinator);
            turn.AskList(
                Step.Reassign,
                PeopleText.AskSuccessor(target.Name),
                successors.Select(p => new ListEntry("", Html.Shorten(p.Name, 40), $"r:{p.Id}")),
                [[(PeopleText.NoReassign, "r:0")]]);
            return;
        }

        var chosen = turn.ActionId("r");
        var successor = chosen is > 0 ? people.Get(chosen.Value) : null;
        if (chosen is null || (chosen > 0 && successor is not { Active: true }))
        {
            turn.Say(PeopleText.TapSuccessor);
            return;
        }

        var person = people.Get(turn.State.Get<ReassignTask>().PersonId)!;
        people.Deactivate(person.Id, successor?.Id, turn.Actor, turn.Now);
        turn.State.Reset();
        turn.Say(PeopleText.Deactivated(person.Name, successor?.Name), mainKeyboard: true);
    }
}
