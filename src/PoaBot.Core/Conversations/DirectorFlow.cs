using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>Director tools in the chat: <c>/invitar</c> (role and councils with buttons) and <c>/consejos</c> (list and add).</summary>
public static class DirectorFlow
{
    public static void Invite(Turn turn)
    {
        turn.State.Reset();
        turn.Ask(Step.InviteRole, DirectorText.AskRole, [[(DirectorText.CoordinatorButton, "role:coordinador")], [(DirectorText.DirectorButton, "role:director")]], back: false);
    }

    public static void Councils(Turn turn)
    {
        var people = new PeopleStore(turn.Db);
        var councils = people.Councils();
        var entries = councils.Select(c => new ListEntry(DirectorText.Council(c.Name, c.Locality, [.. people.Coordinators(c.Id)])));
        turn.State.Reset();
        turn.AskList(Step.CouncilList, DirectorText.CouncilsTitle(councils.Count), entries, [[(DirectorText.AddCouncilButton, "add")]], numbered: false);
    }

    public static void Answer(Turn turn)
    {
        var people = new PeopleStore(turn.Db);
        switch (turn.State.Step)
        {
            case Step.InviteRole when turn.Action == "role:director":
                SendInvite(turn, Roles.Director, []);
                break;
            case Step.InviteRole when turn.Action == "role:coordinador":
                AskCouncils(turn, people);
                break;
            case Step.InviteCouncils when turn.Action == "done" && turn.State.Get<InviteTask>().Councils.Count == 0:
                turn.Say(DirectorText.ChooseOneCouncil);
                AskCouncils(turn, people);
                break;
            case Step.InviteCouncils when turn.Action == "done":
                SendInvite(turn, Roles.Coordinator, turn.State.Get<InviteTask>().Councils);
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
                turn.Ask(Step.CouncilName, DirectorText.AskCouncilName, [], back: false);
                break;
            case Step.CouncilList:
                turn.State.Reset();
                turn.Greet();
                break;
            case Step.CouncilName when turn.Text is { Length: > 0 and <= 100 } name && turn.Action is null:
                if (people.Council(name) is not null || Spanish.Fold(name) == Spanish.Fold(PoaBot.Core.Import.ImportText.DocumentCouncil))
                {
                    turn.Say(DirectorText.CouncilExists(name));
                    return;
                }

                turn.State.Task = new CouncilTask { Name = name };
                turn.Ask(Step.CouncilLocality, DirectorText.AskLocality(name), [[(Texts.Skip, "skip")]], back: false);
                break;
            case Step.CouncilLocality when turn.Action == "skip" || turn.Text is { Length: > 0 and <= 100 }:
                var council = turn.State.Get<CouncilTask>().Name ?? "";
                var added = people.AddCouncil(council, turn.Action == "skip" ? "" : turn.Text!);
                turn.Finish(DirectorText.CouncilAdded(council, added));
                break;
            case Step.InviteRole or Step.InviteCouncils:
                turn.Say(DirectorText.TapAnOption);
                break;
            default:
                turn.Say(DirectorText.NameTooLong);
                break;
        }
    }

    private static void AskCouncils(Turn turn, PeopleStore people)
    {
        var selected = turn.State.Get<InviteTask>().Councils;
        var entries = people.Councils().Select(c => new ListEntry("", DirectorText.CouncilToggle(selected.Contains(c.Id), c.Name), $"t:{c.Id}"));

        // Marking a council keeps the page it is on.
        var page = turn.State.Question?.Page ?? 0;
        turn.AskList(Step.InviteCouncils, DirectorText.AskCouncils, entries, [[(DirectorText.DoneButton, "done")]], page: page);
    }

    private static void SendInvite(Turn turn, string role, IReadOnlyList<long> councils)
    {
        var people = new PeopleStore(turn.Db);
        var payload = people.CreateInvite(role, councils, turn.Now, turn.Settings.InviteValidFor);
        var username = new AppSettings(turn.Db).Get(AppSettings.BotUsername);
        var names = people.Councils().Where(c => councils.Contains(c.Id)).Select(c => c.Name).ToArray();
        var link = username is null ? $"/start {payload}" : $"https://t.me/{username}?start={payload}";
        var expires = turn.Settings.Clock.LocalDate(turn.Now + turn.Settings.InviteValidFor);
        turn.Finish(DirectorText.Invitation(role == Roles.Director, names, expires, link));
    }
}
