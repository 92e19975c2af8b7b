using PoaBot.Core.People;
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
            var line = PeopleText.Person(p.Name, p.Role, p.Active, p.UnreachableSince is not null, new RecordStore(turn.Db).LastDateBy(p.Id)) +
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
        switch (turn.State.Step)
        {
            case Step.Deactivate:
                var target = turn.ActionId("d") is { } id ? people.Get(id) : null;
                if (target is not { Active: true } || target.Id == turn.Person.Id)
                {
                    turn.State.Reset();
                    turn.Say(PeopleText.TapAPerson);
                    return;
                }

                turn.State.Task = new ReassignTask { PersonId = target.Id };
                if (people.CouncilsOf(target.Id).Count == 0)
                {
                    // No councils to pass on: straight to the confirmation.
                    turn.State.Get<ReassignTask>().SuccessorId = 0;
                    Confirm(turn, target, null);
                    return;
                }

                var successors = people.All().Where(p => p.Active && p.Id != target.Id && p.Role == Roles.Coordinator);
                var entries = successors.Select(p => new ListEntry("", Html.Shorten(p.Name, 40), $"r:{p.Id}"));
                turn.AskList(Step.Reassign, PeopleText.AskSuccessor(target.Name), entries, [[(PeopleText.NoReassign, "r:0")]]);
                return;
            case Step.Reassign:
                var chosen = turn.ActionId("r");
                var successor = chosen is > 0 ? people.Get(chosen.Value) : null;
                if (chosen is null || (chosen > 0 && successor is not { Active: true }))
                {
                    turn.Say(PeopleText.TapSuccessor);
                    return;
                }

                turn.State.Get<ReassignTask>().SuccessorId = chosen;
                Confirm(turn, people.Get(turn.State.Get<ReassignTask>().PersonId)!, successor);
                return;
            default:
                Deactivate(turn, people);
                return;
        }
    }

    /// <summary>Nothing changes until the Dirección confirms, having read who goes and where their councils go.</summary>
    private static void Confirm(Turn turn, PersonRow person, PersonRow? successor) =>
        turn.Ask(Step.DeactivateConfirm, PeopleText.ConfirmDeactivation(person.Name, successor?.Name, new PeopleStore(turn.Db).CouncilsOf(person.Id).Count),
            [[(PeopleText.ConfirmButton, "yes")]], back: false);

    /// <summary>Deactivates the person once confirmed (both still active then), and tells them in their own chat.</summary>
    private static void Deactivate(Turn turn, PeopleStore people)
    {
        var task = turn.State.Get<ReassignTask>();
        var person = people.Get(task.PersonId);
        var successor = task.SuccessorId is { } to && to > 0 ? people.Get(to) : null;
        if (turn.Action != "yes")
        {
            turn.Say(PeopleText.TapConfirm);
            return;
        }

        if (person is not { Active: true } || (task.SuccessorId is > 0 && successor is not { Active: true }))
        {
            turn.Finish(PeopleText.NoLongerActive);
            return;
        }

        people.Deactivate(person.Id, successor?.Id, turn.Actor, turn.Now);
        new OutboxStore(turn.Db).Enqueue(person.TelegramId, new Reply(PeopleText.YouWereDeactivated(turn.Directorate.Name)), turn.Now);
        turn.Finish(PeopleText.Deactivated(person.Name, successor?.Name));
    }
}
