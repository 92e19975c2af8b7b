using System.Globalization;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>
/// The conversation engine: state + input + now → new state + changes + replies. It never touches the network:
/// it reads and writes through the caller's transaction and returns the replies for the edge to send.
/// </summary>
public sealed class ConversationEngine(MunicipalClock clock, EngineSettings settings)
{
    /// <summary>A draft untouched for longer than this is offered to resume or discard.</summary>
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromHours(24);

    public TurnResult Handle(DbSession db, Input input)
    {
        var held = new List<string?> { input.FileHash };
        var result = Run(db, input, held);

        // Evidence is kept only while something refers to it: a rejected upload, a replaced photo, a cancelled draft go now.
        EvidenceFiles.DeleteUnreferenced(db, EvidenceFiles.Folder(settings.DataFolder), held);
        return result;
    }

    private TurnResult Run(DbSession db, Input input, List<string?> held)
    {
        input = input with { Name = SafeText.WellFormed(input.Name), Text = input.Text is { } text ? SafeText.WellFormed(text) : null };
        if (!input.IsPrivate)
        {
            return new TurnResult([new Reply(Texts.GroupsNotSupported)]);
        }

        var command = Command.Parse(input);
        if (command is { Name: "start", Arg.Length: > 0 })
        {
            return Registration.Start(db, input, command.Arg);
        }

        var directorates = new DirectorateStore(db).Of(input.UserId);
        if (directorates.Count == 0)
        {
            // Nothing is stored for people who are not registered.
            return new TurnResult([new Reply(Texts.Unregistered)], input.Kind == InputKind.Button ? Texts.StaleButton : null);
        }

        var store = new ConversationStore(db);
        var state = store.Load(input.ChatId);
        held.AddRange(state.Files());
        if (ReminderActivity(input) is { } activity)
        {
            // A reminder's button works in the directorate of its activity.
            state.Directorate = new PoaStore(db).DirectorateOf(activity) ?? state.Directorate;
        }

        var turn = NewTurn(db, input, state, directorates, chosen: false);
        if (state.Unreadable)
        {
            turn.Say(Texts.StateLost);
        }

        var keep = state.Step is Step.RecordChoice or Step.Deactivate or Step.CouncilList or Step.ImportConfirm || ReportFlow.OnCard(state);
        Route(turn, command);
        if (turn.RunIn is var (directorate, next))
        {
            // The command goes to the directorate chosen (or the only one where the person may use it), in a turn of its own.
            state.Directorate = directorate;
            var there = NewTurn(db, input, state, directorates, chosen: true);
            (there.Action, there.ButtonAnswer) = (turn.Action, turn.ButtonAnswer);
            foreach (var reply in turn.Replies)
            {
                there.Reply(reply);
            }

            ChatCommands.Run(there, next);
            turn = there;
        }

        state.At = state.Task is null ? null : input.At;
        store.Save(input.ChatId, state, input.At);
        return new TurnResult(InPlace(turn, keep), turn.ButtonAnswer);
    }

    /// <summary>A turn in the directorate the state names, if it is one of the person's, else in their first; with its settings and the person's role there.</summary>
    private Turn NewTurn(DbSession db, Input input, ConversationState state, IReadOnlyList<DirectorateRow> directorates, bool chosen)
    {
        var directorate = directorates.FirstOrDefault(d => d.Id == state.Directorate) ?? directorates[0];
        var scoped = db.In(directorate.Id);
        var person = new PeopleStore(scoped).ByTelegramId(input.UserId)!;
        return new Turn(scoped, input, person, state, clock.LocalDate(input.At), settings.For(directorate))
        {
            Directorate = directorate,
            Directorates = directorates,
            Chosen = chosen,
        };
    }

    /// <summary>The activity of a reminder's button («r:ACTIVITY», «j:ACTIVITY:BIMESTER»), if the input is one.</summary>
    private static long? ReminderActivity(Input input) =>
        input.Kind == InputKind.Button && input.Data?.Split(':') is [("r" or "j"), var id, ..]
        && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var activity)
            ? activity
            : null;

    /// <summary>
    /// One new message per step: when a button of the current question is pressed and the answer is the next question, the
    /// pressed question is edited into it. A question that shows what the person may still need (the report's card before
    /// saving, a record, a list, an import preview) stays as it is, except to turn its page; the answer then comes anew.
    /// </summary>
    private static IReadOnlyList<Reply> InPlace(Turn turn, bool keep)
    {
        var replies = turn.Replies;
        var pressed = turn.Input.Kind == InputKind.Button ? turn.Input.MessageId : null;
        var paging = turn.Action?.StartsWith("page:", StringComparison.Ordinal) == true;
        if (pressed is null || turn.Action is null || (!paging && keep)
            || replies is not [{ Buttons.Count: > 0, DocumentPath: null, EvidenceFileId: null, Render: null } question, ..])
        {
            return replies;
        }

        return [question with { EditMessageId = pressed }, .. replies.Skip(1)];
    }

    private static void Route(Turn turn, Command? command)
    {
        var state = turn.State;
        if (turn.Input.Kind == InputKind.Button)
        {
            if (GlobalAction(turn))
            {
                return;
            }

            var (seq, action) = ParseData(turn.Input.Data);
            if (seq is null || seq != state.Seq || state.Step == Step.Idle)
            {
                turn.ButtonAnswer = Texts.StaleButton;
                return;
            }

            turn.ButtonAnswer = "";
            turn.Action = action;
        }

        if (state.Question is not null && turn.ActionId("page") is { } page)
        {
            turn.ShowPage((int)Math.Min(page, int.MaxValue));
            return;
        }

        if (command?.Name == "cancelar" || turn.Action == "cancel")
        {
            Cancel(turn);
            return;
        }

        if (state.Step is not (Step.Idle or Step.ResumeOrDiscard) && turn.Now - state.At > DraftLifetime)
        {
            if (IsReport(state))
            {
                // What was sent to the old question (text, photo, file) is not taken as its answer a day later; the person is told so.
                AskResume(turn, stale: true, sentAnswer: command is null && turn.Action is null);
                return;
            }

            // A short task (a void, a justification…) left for a day is simply dropped; the input is handled afresh.
            state.Reset();
            if (turn.Action is not null)
            {
                turn.ButtonAnswer = Texts.StaleButton;
                return;
            }
        }

        if (command is not null)
        {
            ChatCommands.Run(turn, command);
            return;
        }

        if (turn.Action == "back" || (turn.Text is { } t && Spanish.Fold(t) == "ATRAS"))
        {
            Back(turn);
            return;
        }

        if (Access.Refuse(turn) || turn.AnswerTyped())
        {
            return;
        }

        // The flow that answers the question asked.
        Action<Turn> answer = state.Step switch
        {
            Step.Idle => Idle,
            Step.ResumeOrDiscard => Resume,
            Step.RecordChoice or Step.VoidReason or Step.AmendField or Step.AmendValue or Step.AmendReason => RecordsFlow.Answer,
            Step.Deactivate or Step.Reassign or Step.DeactivateConfirm => PeopleFlow.Answer,
            Step.JustifyChoice or Step.JustifyText => CloseFlow.AnswerJustify,
            Step.ReopenChoice or Step.ReopenDays or Step.ReopenReason => CloseFlow.AnswerReopen,
            Step.InviteRole or Step.InviteCouncils or Step.CouncilList or Step.CouncilName or Step.CouncilLocality => DirectorFlow.Answer,
            Step.ImportFile or Step.ImportConfirm => FilesFlow.AnswerImport,
            Step.DirectorateChoice => DirectorateFlow.Answer,
            _ => ReportFlow.Answer,
        };
        answer(turn);
    }

    /// <summary>«/reportar»: a report in progress is offered back; otherwise a new one starts.</summary>
    internal static void Report(Turn turn)
    {
        if (IsReport(turn.State))
        {
            AskResume(turn, stale: false, startNew: true);
        }
        else
        {
            ReportFlow.Start(turn, null);
        }
    }

    /// <summary>Buttons of reminders, which live outside any conversation: «r:ACTIVITY» starts a report, «j:ACTIVITY:BIMESTER» a justification.</summary>
    private static bool GlobalAction(Turn turn)
    {
        var data = turn.Input.Data ?? "";
        var parts = data.Split(':');
        if (data.Contains('|', StringComparison.Ordinal) || parts.Length < 2 || !parts.Skip(1).All(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return false;
        }

        turn.ButtonAnswer = "";
        var id = long.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture);
        if (IsReport(turn.State) && parts[0] is "r" or "j")
        {
            // A report is under way: ask before throwing it away; the reminder's button still works afterwards.
            AskResume(turn, stale: false);
            return true;
        }

        switch (parts[0])
        {
            case "r" when parts.Length == 2:
                ReportFlow.Start(turn, id);
                return true;
            case "j" when parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var bimester) && bimester is >= 1 and <= 6:
                turn.State.Reset();
                CloseFlow.AskJustification(turn, id, bimester);
                return true;
            default:
                turn.ButtonAnswer = Texts.StaleButton;
                return true;
        }
    }

    /// <summary>A report under way whose draft is worth offering to resume: past its first question (something was chosen).</summary>
    internal static bool IsReport(ConversationState state) => state.Report is { Step: Step.Report, History.Count: > 0 };

    private static void Idle(Turn turn)
    {
        switch (turn.Input.Kind)
        {
            case InputKind.Photo or InputKind.Document:
                turn.Say(Texts.PhotoOutsideReport, mainKeyboard: true);
                break;
            case InputKind.Text when turn.Text is { } text && Spanish.Fold(text).Contains("GRACIAS", StringComparison.Ordinal):
                turn.Say(Texts.YouAreWelcome, mainKeyboard: true);
                break;
            case InputKind.Text:
                turn.Greet();
                break;
            default:
                turn.Say(Texts.OnlyText, mainKeyboard: true);
                break;
        }
    }

    /// <summary>«Cancelar» drops the task; what it says depends on the task.</summary>
    internal static void Cancel(Turn turn)
    {
        var task = turn.State.Task;
        turn.Finish(task switch { null => Texts.NothingToCancel, ReportTask => Texts.Cancelled, _ => Texts.CancelledTask });
    }

    /// <summary>«Atrás»: the report goes to its question before; a short task (a void, a reason, a choice) has none and asks its question again.</summary>
    private static void Back(Turn turn)
    {
        switch (turn.State.Task)
        {
            case null:
                turn.Say(Texts.NothingToCancel, mainKeyboard: true);
                break;
            case ReportTask:
                ReportFlow.Back(turn);
                break;
            case { } when turn.State.Question is not null:
                turn.Say(Texts.NoStepBack);
                turn.ShowPage(0);
                break;
            default:
                turn.State.Reset();
                turn.Greet();
                break;
        }
    }

    /// <summary>Offers the report in progress back; with <paramref name="startNew"/> (asked by «/reportar») «Descartar» starts the new one at once.</summary>
    private static void AskResume(Turn turn, bool stale, bool startNew = false, bool sentAnswer = false)
    {
        var state = turn.State;
        var activity = state.Report is { } report && turn.Activity(report.Draft.ActivityId) is { } a ? ProgressText.Activity(a) : null;
        var since = state.At is { } at ? turn.Settings.Clock.LocalDate(at) : (DateOnly?)null;
        turn.Ask(Step.ResumeOrDiscard, (sentAnswer ? ReportText.SentAnswerNotTaken : "") + ReportText.AskResume(activity, since, stale),
            [[(ReportText.ResumeButton, "resume"), (ReportText.DiscardButton, startNew ? "discard:new" : "discard")]], back: false, cancel: false);
    }

    private static void Resume(Turn turn)
    {
        if (turn.Action == "resume" && turn.State.Report is { } report)
        {
            ReportFlow.Prompt(turn, report.Then ?? report.Position ?? "");
        }
        else if (turn.Action == "discard:new")
        {
            turn.State.Reset();
            turn.Say(ReportText.DiscardedForNew);
            ReportFlow.Start(turn, null);
        }
        else if (turn.Action == "discard")
        {
            turn.Finish(ReportText.Discarded);
        }
        else
        {
            AskResume(turn, stale: false);
        }
    }

    private static (int? Seq, string Action) ParseData(string? data)
    {
        var bar = data?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar > 0 && int.TryParse(data.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? (seq, data![(bar + 1)..])
            : (null, "");
    }
}

/// <summary>A command typed with a slash, or one of the reply keyboard's words.</summary>
public sealed record Command(string Name, string Arg)
{
    public static Command? Parse(Input input)
    {
        if (input.Kind != InputKind.Text || string.IsNullOrWhiteSpace(input.Text))
        {
            return null;
        }

        var text = input.Text.Trim();
        if (text.StartsWith('/'))
        {
            var space = text.IndexOfAny([' ', '\n']);
            var name = (space < 0 ? text[1..] : text[1..space]).ToLowerInvariant();
            var at = name.IndexOf('@', StringComparison.Ordinal);
            return new Command(at >= 0 ? name[..at] : name, space < 0 ? "" : text[(space + 1)..].Trim());
        }

        var word = Spanish.Fold(text);
        return word is "REPORTAR" or "RESUMEN" or "AYUDA" or "CANCELAR" ? new Command(word.ToLowerInvariant(), "") : null;
    }
}
