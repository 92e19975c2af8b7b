using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>
/// <c>/reportar</c>: activity → council (only if several) → date → the fields of that kind (<see cref="ActivityKind.Fields"/>)
/// → optional evidence → confirmation card (Guardar / Corregir / Cancelar) → saved with a folio, and the activity's new progress.
/// </summary>
public static partial class ReportFlow
{
    // The questions besides the kind's fields (whose keys name their own questions).
    private const string YearQuestion = "year";
    private const string ActivityQuestion = "activity";
    private const string CouncilQuestion = "council";
    private const string DateQuestion = "date";
    private const string DateTextQuestion = "date-text";
    private const string EvidenceQuestion = "evidence";
    private const string CardQuestion = "card";
    private const string EditQuestion = "edit";

    public static void Start(Turn turn, long? activityId)
    {
        var years = ReportableYears(turn);
        var activityYear = activityId is { } a ? new PoaStore(turn.Db).YearOf(a) : null;
        if (activityYear is { } past && past < turn.Today.Year && !years.Contains(past))
        {
            // A reminder's button of a POA whose last bimester has locked: said plainly before anything is typed.
            turn.Say(ReportText.PoaLocked(past));
        }

        if (years.Count == 0)
        {
            turn.Say(ReportText.NoPoa(turn.Today.Year), mainKeyboard: true);
            return;
        }

        if (Access.Councils(turn).Count == 0)
        {
            turn.Say(ReportText.NoCouncils, mainKeyboard: true);
            return;
        }

        turn.State.Reset();
        var report = new ReportTask { Step = Step.Report };
        turn.State.Task = report;
        if (activityYear is { } y && years.Contains(y))
        {
            report.Draft.Year = y;
            report.Draft.ActivityId = activityId!.Value;
            report.Position = ActivityQuestion;
            Go(turn, CouncilQuestion);
            return;
        }

        if (years.Count > 1)
        {
            Prompt(turn, YearQuestion);
            return;
        }

        report.Draft.Year = years[0];
        Prompt(turn, ActivityQuestion);
    }

    /// <summary>
    /// The POA years a report may go to: this year's, and in the first days of January also last year's, while its
    /// Nov/Dic is not locked yet.
    /// </summary>
    private static List<int> ReportableYears(Turn turn) =>
        new[] { turn.Today.Year - 1, turn.Today.Year }
            .Where(y => new PoaStore(turn.Db).Find(y) is not null && (y == turn.Today.Year || !turn.IsLocked(Bimesters.LastDay(y, 6))))
            .ToList();

    /// <summary>The POA year of the report being written.</summary>
    private static int Year(Turn turn) => turn.State.Report?.Draft.Year ?? turn.Today.Year;

    /// <summary>«Atrás»: the question answered before; from a correction, the card.</summary>
    public static void Back(Turn turn)
    {
        var report = Task(turn);
        if (report.Editing)
        {
            report.Editing = false;
            Prompt(turn, CardQuestion);
        }
        else if (report.History.Count > 0)
        {
            var previous = report.History[^1];
            report.History.RemoveAt(report.History.Count - 1);
            if (report.History.Count == 0)
            {
                // Back at the first question: nothing is chosen any more, so no draft is left to resume.
                report.Draft = new Draft { Year = report.Draft.Year };
            }

            Prompt(turn, previous);
        }
        else
        {
            Prompt(turn, report.Position ?? ActivityQuestion);
        }
    }

    private static ReportTask Task(Turn turn) => turn.State.Report ?? (ReportTask)(turn.State.Task = new ReportTask { Step = Step.Report });

    /// <summary>The report's card is shown (it stays in the chat when answered).</summary>
    public static bool OnCard(ConversationState state) => state.Report is { Step: Step.Report, Position: CardQuestion };

    /// <summary>Asks a question of the report.</summary>
    public static void Prompt(Turn turn, string question)
    {
        var report = Task(turn);
        var draft = report.Draft;
        if (question is not (DateQuestion or DateTextQuestion))
        {
            report.Then = null;
            if ((question is EvidenceQuestion or CardQuestion || Kind(turn, draft).Field(question) is { Type: not FieldType.Date })
                && draft.Date is { } date && turn.IsLocked(date))
            {
                // Said before anything more is typed; the draft is kept and goes on where it was once the date is fixed.
                turn.Say(ReportText.LockedDraft(date, Bimesters.ShortName(Bimesters.Of(date)), date.Year, OpenBimester(turn)));
                report.Then = question;
                question = DateQuestion;
            }
        }

        switch (question)
        {
            case ActivityQuestion:
                Ask(turn, question, ReportText.AskActivity, Activities(turn).Select(a => new[] { (ProgressText.Activity(a), $"a:{a.Id}") }));
                break;
            case CouncilQuestion:
                AskList(turn, question, ReportText.AskCouncil, Access.Councils(turn).Select(c => new ListEntry("", Html.Shorten(c.Name, 40), $"c:{c.Id}")));
                break;
            case DateQuestion when Year(turn) != turn.Today.Year:
                Ask(turn, question, ReportText.AskDateOfYear(Year(turn)), []);
                break;
            case YearQuestion:
                var years = ReportableYears(turn);
                Ask(turn, question, ReportText.AskYear(years[0], turn.Settings.Rules.LockDate(years[0], 6).AddDays(-1)),
                    years.Select(y => new[] { (ReportText.YearButton(y), $"y:{y}") }));
                break;
            case DateQuestion:
                Ask(turn, question, ReportText.AskDate(DateExample(turn)),
                [
                    [(ReportText.TodayButton(turn.Today), "d:hoy"), (ReportText.YesterdayButton(turn.Today.AddDays(-1)), "d:ayer")],
                    [(ReportText.OtherDateButton, "d:otra")],
                ]);
                break;
            case DateTextQuestion:
                Ask(turn, question, ReportText.AskDateText(DateExample(turn)), []);
                break;
            case EvidenceQuestion:
                draft.EvidenceAsked = true;
                Ask(turn, question, draft.Evidence.Count == 0 ? EvidenceText.Ask : EvidenceText.Have(draft.Evidence),
                    draft.Evidence.Count == 0 ? [[(Texts.Skip, "skip")]] : [[(EvidenceText.Done, "skip")], [(EvidenceText.Remove, "clear")]]);
                break;
            case CardQuestion:
                Ask(turn, question, Card(turn, draft),
                [
                    [(ReportText.SaveButton, "save")],
                    [.. OnCard(turn, draft).Select(f => (f.CardButton!, $"f:{f.Key}")), (ReportText.EditButton, "edit")],
                ]);
                break;
            case EditQuestion:
                Ask(turn, question, ReportText.AskEdit, Editable(turn, draft).Select(f => new[] { (f.Label, $"f:{f.Key}") })
                    .Append([(ReportText.BackToCard, "card")]), back: false);
                break;
            default:
                if (Kind(turn, draft).Field(question) is { Type: not FieldType.Date } field)
                {
                    PromptField(turn, draft, field);
                    break;
                }

                turn.Finish(Texts.Hello);
                break;
        }
    }

    private static void PromptField(Turn turn, Draft draft, ReportField field)
    {
        switch (field.Type)
        {
            case FieldType.Pick when Kind(turn, draft).Link == KindLink.Manages:
                PromptPending(turn, draft, field);
                break;
            case FieldType.Pick:
                var programs = OtherPrograms(turn, draft).Select(p =>
                    ListEntry.Record(p, $"{p.Subject} ({p.CouncilName})", $"p:{p.Id}",
                        ReportText.SharedProgramButton(p.Subject ?? p.Folio)));
                AskList(turn, field.Key, field.Question, programs, [[(ReportText.NewProgramButton, "new")]]);
                break;
            default:
                Ask(turn, field.Key, field.Question, field.Optional ? [[(Texts.Skip, "skip")]] : []);
                break;
        }
    }

    private static void Ask(Turn turn, string question, string html, IEnumerable<IEnumerable<(string Label, string Action)>> buttons, bool back = true)
    {
        Task(turn).Position = question;
        turn.Ask(Step.Report, html, buttons, back);
    }

    private static void AskList(Turn turn, string question, string html, IEnumerable<ListEntry> entries, IEnumerable<IEnumerable<(string Label, string Action)>>? fixedRows = null)
    {
        Task(turn).Position = question;
        turn.AskList(Step.Report, html, entries, fixedRows, back: true);
    }

    public static void Answer(Turn turn)
    {
        var draft = Task(turn).Draft;
        var question = Task(turn).Position ?? "";
        var field = Kind(turn, draft).Field(question);
        if (turn.Text is { } typed && Spanish.Fold(typed) == "OMITIR" && (question == EvidenceQuestion || field is { Optional: true }))
        {
            // «Omitir» typed instead of tapped.
            turn.Action = "skip";
        }

        switch (question)
        {
            case YearQuestion when turn.ActionId("y") is { } chosen && ReportableYears(turn).Contains((int)chosen):
                draft.Year = (int)chosen;
                Go(turn, ActivityQuestion);
                break;
            case YearQuestion:
                Retry(turn, ReportText.TapYear);
                break;
            case ActivityQuestion when ChosenActivity(turn) is { } activity:
                draft.ActivityId = activity.Id;
                Go(turn, null);
                break;
            case ActivityQuestion:
                Retry(turn, ReportText.TapActivity);
                break;
            case CouncilQuestion when ChosenCouncil(turn) is { } council:
                draft.CouncilId = council.Id;
                Go(turn, null);
                break;
            case CouncilQuestion:
                Retry(turn, ReportText.TapCouncil);
                break;
            case DateQuestion or DateTextQuestion:
                AnswerDate(turn, draft);
                break;
            case EvidenceQuestion:
                AnswerEvidence(turn, draft);
                break;
            case CardQuestion when turn.Input.Kind is InputKind.Photo or InputKind.Document:
                AddEvidence(turn, draft);
                break;
            case CardQuestion when turn.Action == "save":
                Save(turn, draft);
                break;
            case CardQuestion when turn.Action == "edit":
                Prompt(turn, EditQuestion);
                break;
            case EditQuestion when turn.Action == "card":
                Prompt(turn, CardQuestion);
                break;
            case CardQuestion or EditQuestion:
                // A field's own button (on the card, or in «Corregir»).
                if (!Correct(turn, draft))
                {
                    Retry(turn, question == CardQuestion ? ReportText.TapCard : ReportText.TapEdit);
                }

                break;
            default:
                if (field is { Type: not FieldType.Date })
                {
                    AnswerField(turn, draft, field);
                    break;
                }

                turn.Finish(Texts.Hello);
                break;
        }
    }

    /// <summary>The activity tapped, or typed by its number.</summary>
    private static ActivityPlan? ChosenActivity(Turn turn) =>
        Activities(turn).FirstOrDefault(a => a.Id == turn.ActionId("a") || a.Num == turn.Text);

    /// <summary>The council tapped, or typed by its name (capitals and accents aside).</summary>
    private static CouncilRow? ChosenCouncil(Turn turn) => Access.Councils(turn)
        .FirstOrDefault(c => c.Id == turn.ActionId("c") || (turn.Text is { } text && Spanish.Fold(text) == Spanish.Fold(c.Name)));

    /// <summary>
    /// Moves to the next question (back to the card when correcting one field, back to where the report was when its date
    /// had to change), remembering where we were for «Atrás».
    /// </summary>
    private static void Go(Turn turn, string? next)
    {
        var state = Task(turn);
        if (state.Editing && next != DateTextQuestion)
        {
            state.Editing = false;
            Prompt(turn, CardQuestion);
            return;
        }

        if (state.Then is { } then && next != DateTextQuestion)
        {
            Prompt(turn, then);
            return;
        }

        var question = state.Position ?? ActivityQuestion;
        var target = next ?? NextAfter(turn, question, state.Draft);
        if (!state.Editing && question != DateTextQuestion)
        {
            state.History.Add(question);
        }

        // A question whose answer is known is not asked: the only council, a field the card shows instead (today's date).
        while (true)
        {
            if (target == CouncilQuestion && Access.Councils(turn) is [var only])
            {
                state.Draft.CouncilId = only.Id;
            }
            else if (Kind(turn, state.Draft).Field(target) is not { } field || !Preset(turn, state.Draft, field))
            {
                break;
            }

            target = NextAfter(turn, target, state.Draft);
        }

        Prompt(turn, target);
    }

    /// <summary>
    /// Answers a field the card shows instead of asking it (<see cref="ReportField.CardButton"/>) with what the flow knows:
    /// the date is today when the POA's year and bimester accept it (a date already given in that year stays). False: ask it.
    /// </summary>
    private static bool Preset(Turn turn, Draft draft, ReportField field)
    {
        if (field.CardButton is null || field.Type != FieldType.Date)
        {
            return false;
        }

        if (draft.Date?.Year != Year(turn))
        {
            draft.Date = DateProblem(turn, turn.Today) is null ? turn.Today : null;
        }

        return draft.Date is not null;
    }

    /// <summary>The question after this one: where the report goes, then the kind's questions, the evidence and the card.</summary>
    private static string NextAfter(Turn turn, string question, Draft draft)
    {
        List<string> order = [YearQuestion, ActivityQuestion, CouncilQuestion, DateQuestion, .. Questions(turn, draft).Select(f => f.Key), EvidenceQuestion, CardQuestion];
        var index = order.IndexOf(question == DateTextQuestion ? DateQuestion : question);
        return index < 0 ? CardQuestion : order[index + 1];
    }

    /// <summary>
    /// The kind's fields this report asks: a program is offered to share only when another council registered one, and
    /// a shared one's texts (its name) come from the record it points to.
    /// </summary>
    private static IEnumerable<ReportField> Questions(Turn turn, Draft draft)
    {
        var kind = Kind(turn, draft);
        var shares = kind.Link == KindLink.Shares;
        var linked = shares && kind.Fields.Any(f => f.Type == FieldType.Pick && draft.Answers.ContainsKey(f.Key));
        return kind.Fields.Where(f =>
            !(shares && f.Type == FieldType.Pick && OtherPrograms(turn, draft).Count == 0) && !(linked && f.Type == FieldType.Text));
    }

    /// <summary>A field chosen to correct («Corregir», or its own button on the card) is asked, and answering it returns to the card.</summary>
    private static bool Correct(Turn turn, Draft draft)
    {
        var key = turn.Action is { } a && a.StartsWith("f:", StringComparison.Ordinal) ? a[2..] : null;
        if (!Editable(turn, draft).Any(f => f.Key == key))
        {
            return false;
        }

        Task(turn).Editing = true;
        Prompt(turn, key!);
        return true;
    }

    /// <summary>The fields the card shows with a button of their own (<see cref="ReportField.CardButton"/>): the date.</summary>
    private static IEnumerable<ReportField> OnCard(Turn turn, Draft draft) =>
        Questions(turn, draft).Prepend(ReportField.Date).Where(f => f.CardButton is not null);

    /// <summary>
    /// What «Corregir» offers: the council (for a person with several, while the draft points to no other record), the
    /// date, the questions asked (not the choice of a shared program), the evidence.
    /// </summary>
    private static IEnumerable<(string Key, string Label)> Editable(Turn turn, Draft draft)
    {
        var fields = Questions(turn, draft).Where(f => !(f.Type == FieldType.Pick && Kind(turn, draft).Link == KindLink.Shares))
            .Select(f => (f.Key, f.Label)).Prepend((DateQuestion, ReportField.Date.Label)).Append((EvidenceQuestion, ReportText.Evidence));
        return Access.Councils(turn).Count > 1 && RefId(turn, draft) is null ? fields.Prepend((CouncilQuestion, ReportField.Council.Label)) : fields;
    }

    private static ActivityKind Kind(Turn turn, Draft draft) =>
        turn.Activity(draft.ActivityId)?.Kind ?? ActivityKind.Generic;

    public static IReadOnlyList<ActivityPlan> Activities(Turn turn) =>
        new PoaStore(turn.Db).Find(Year(turn)) is { } poa ? new PoaStore(turn.Db).Activities(poa.Id) : [];

    private static IReadOnlyList<RecordRow> Pending(Turn turn, Draft draft) =>
        draft.CouncilId is { } id ? new RecordStore(turn.Db).PendingRequests([id]) : [];

    private static IReadOnlyList<RecordRow> OtherPrograms(Turn turn, Draft draft) =>
        new RecordStore(turn.Db).Programs(draft.ActivityId).Where(p => p.CouncilId != draft.CouncilId).ToList();

}
