using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>A person in several directorates chooses, with one tap, which one a command goes to.</summary>
public static class DirectorateFlow
{
    public static void Ask(Turn turn, Command command, IReadOnlyList<DirectorateRow> places)
    {
        turn.AskList(
            Step.DirectorateChoice,
            DirectorateText.AskWhich,
            places.Select(d => new ListEntry(Html.Escape(DirectorateText.Line(d.Code, d.Name)), DirectorateText.Line(d.Code, d.Name), $"d:{d.Id}")));
        var task = turn.State.Get<DirectorateTask>();
        (task.Name, task.Arg) = (command.Name, command.Arg);
    }

    /// <summary>The tap: the command runs in that directorate (the engine gives it a turn there, <see cref="Turn.RunIn"/>).</summary>
    public static void Answer(Turn turn)
    {
        var task = turn.State.Get<DirectorateTask>();
        if (turn.ActionId("d") is { } id && turn.Directorates.Any(d => d.Id == id) && task.Name.Length > 0)
        {
            turn.State.Reset();
            turn.RunIn = (id, new Command(task.Name, task.Arg));
            return;
        }

        turn.Say(DirectorateText.TapOne);
        turn.ShowPage(turn.State.Question?.Page ?? 0);
    }
}
