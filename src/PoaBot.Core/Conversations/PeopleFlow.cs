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
        var text = new StringBuilder(PeopleText.Title);
        foreach (var p in all)
        {
            var councils = people.CouncilsOf(p.Id).Select(c => c.Name).ToList();
            text.Append(PeopleText.Person(p.Name, p.Role, p.Active, p.UnreachableSince is not null, new RecordStore(turn.Db).LastDateBy(p.Id)));
            if (councils.Count > 0)
            {
                text.Append(PeopleText.Councils(councils));
            }
        }

        var removable = all.Where(p => p.Active && p.Id != turn.Person.Id).ToList();
        turn.State.Reset();
        if (removable.Count == 0)
        {
            turn.Say(text.ToString());
            return;
        }

        text.Append(PeopleText.TapToDeactivate);
        turn.Ask(Step.Deactivate, text.ToString(), removable.Select(p => new[] { (PeopleText.DeactivateButton(p.Name), $"d:{p.Id}") }), back: false);
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
            turn.Ask(
                Step.Reassign,
                PeopleText.AskSuccessor(target.Name),
                successors.Select(p => new[] { (Html.Shorten(p.Name, 40), $"r:{p.Id}") }).Append([(PeopleText.NoReassign, "r:0")]),
                back: false);
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
