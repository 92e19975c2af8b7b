using System.Globalization;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>One input being handled: who, what, where the conversation stands, and the replies so far.</summary>
public sealed class Turn(DbSession db, Input input, PersonRow person, ConversationState state, DateOnly today, EngineSettings settings)
{
    private readonly List<Reply> replies = [];
    private readonly Dictionary<long, ActivityPlan?> activities = [];

    public DbSession Db { get; } = db;

    public Input Input { get; } = input;

    public PersonRow Person { get; } = person;

    public ConversationState State { get; } = state;

    /// <summary>The local date of the input's own timestamp.</summary>
    public DateOnly Today { get; } = today;

    public DateTimeOffset Now => Input.At;

    public SemaforoThresholds Thresholds => Settings.Thresholds;

    public EngineSettings Settings { get; } = settings;

    /// <summary>The directorate this turn works in (<see cref="Db"/> is scoped to it).</summary>
    public DirectorateRow Directorate { get; init; } = new();

    /// <summary>Every directorate the person works in, each with their role there; with more than one, commands ask which.</summary>
    public IReadOnlyList<DirectorateRow> Directorates { get; init; } = [];

    /// <summary>This turn runs a command in the directorate just chosen: it is not asked again.</summary>
    public bool Chosen { get; init; }

    /// <summary>Set by a command that goes to another directorate: the engine runs it there, in a turn of that directorate.</summary>
    public (long Directorate, Command Command)? RunIn { get; set; }

    /// <summary>A date's bimester is locked (closed and past its grace days, not reopened).</summary>
    public bool IsLocked(DateOnly date) => Settings.Rules.IsLocked(Db, date, Today, Now);

    public string? ButtonAnswer { get; set; }

    /// <summary>An activity's plan, read once per turn (a step asks for it several times; nothing in a turn changes it after reading it).</summary>
    public ActivityPlan? Activity(long activityId) =>
        activities.TryGetValue(activityId, out var plan) ? plan : activities[activityId] = new PoaStore(Db).Activity(activityId);

    public IReadOnlyList<Reply> Replies => replies;

    public string Actor => $"{Person.Name} ({(Person.IsDirector ? "director" : "coordinador")} {Person.TelegramId})";

    public void Say(string html, bool mainKeyboard = false) => replies.Add(new Reply(html) { MainKeyboard = mainKeyboard });

    /// <summary>An answer split into several messages (to fit a phone's screen), in order.</summary>
    public void Say(IEnumerable<string> messages, bool mainKeyboard = false) =>
        replies.AddRange(messages.Select(m => new Reply(m) { MainKeyboard = mainKeyboard }));

    public void Reply(Reply reply) => replies.Add(reply);

    /// <summary>The short, helpful answer to anything outside a task: what the bot can do.</summary>
    public void Greet() => Say(Texts.Greeting(Person.Name), mainKeyboard: true);

    /// <summary>Ends the task with a last message, and the main keyboard back.</summary>
    public void Finish(string html)
    {
        State.Reset();
        Say(html, mainKeyboard: true);
    }

    /// <summary>Lets a later turn's reply with this key replace the last reply while it is unsent (<see cref="Reply.CollapseKey"/>).</summary>
    public void CollapseLast(string key) => replies[^1] = replies[^1] with { CollapseKey = key };

    /// <summary>Sends a kept evidence file again, with a caption.</summary>
    public void Attach(string fileId, bool isPhoto, string caption) =>
        replies.Add(new Reply(Html.Escape(caption)) { EvidenceFileId = fileId, EvidenceIsPhoto = isPhoto });

    /// <summary>
    /// Asks the question of <paramref name="step"/>: the buttons carry a new sequence number, so older ones go stale.
    /// More than <see cref="PagedQuestion.PageSize"/> rows of options are shown a page at a time with «Ver más» / «Anteriores».
    /// </summary>
    public void Ask(Step step, string html, IEnumerable<IEnumerable<(string Label, string Action)>> buttons, bool back = true, bool cancel = true)
    {
        StartStep(step);
        State.Question = new PagedQuestion
        {
            Html = html,
            Rows = Stored(buttons),
            Back = back,
            Cancel = cancel,
        };
        ShowPage(0);
    }

    /// <summary>
    /// Asks to choose from a list, the one way every list is shown: a line per entry in the message and a button per entry
    /// that can be chosen, numbered (typing the number, or the entry's folio, chooses it too), a page at a time
    /// (at most <see cref="PagedQuestion.PageSize"/> entries and <see cref="PagedQuestion.MaxChars"/> characters) with
    /// «Ver más» / «Anteriores»; <paramref name="fixedRows"/> («Listo», «No reasignar»…) show on every page.
    /// </summary>
    public void AskList(
        Step step, string header, IEnumerable<ListEntry> entries, IEnumerable<IEnumerable<(string Label, string Action)>>? fixedRows = null,
        string? footer = null, bool numbered = true, int page = 0, bool back = false)
    {
        var list = entries.ToList();
        var choosable = numbered && list.Any(e => e.Action is not null);
        string Numbered(int i, string text) => numbered && text.Length > 0 ? $"{i + 1}. {text}" : text;
        StartStep(step);
        State.Question = new PagedQuestion
        {
            Html = header,
            Rows = list.Select((e, i) => e.Action is null ? []
                : e.Action2 is null ? new List<string[]> { new[] { Numbered(i, e.Button ?? ""), e.Action } }
                : [[Numbered(i, e.Button ?? ""), e.Action], [e.Button2 ?? "", e.Action2]]).ToList(),
            Items = list.Select((e, i) => new ListItem { Line = Numbered(i, e.Line), Number = i + 1, Folio = e.Folio }).ToList(),
            Numbered = choosable,
            Footer = string.Join("\n", new[] { footer, choosable ? ListText.TypeHint(list.Any(e => e.Folio is not null)) : null }.OfType<string>()) is { Length: > 0 } f ? f : null,
            Fixed = fixedRows is null ? null : Stored(fixedRows),
            Back = back,
            Cancel = true,
        };
        ShowPage(page);
    }

    private void StartStep(Step step)
    {
        var task = FlowTask.For(step);
        State.Task = State.Task?.GetType() == task.GetType() ? State.Task : task;
        State.Task.Step = step;
    }

    private static List<List<string[]>> Stored(IEnumerable<IEnumerable<(string Label, string Action)>> rows) =>
        rows.Select(r => r.Select(b => new[] { b.Label, b.Action }).ToList()).Where(r => r.Count > 0).ToList();

    /// <summary>Shows one page of the current question again (the «Ver más» / «Anteriores» buttons; all of it when it fits one page).</summary>
    public void ShowPage(int page)
    {
        var paged = State.Question!;
        var starts = paged.Starts();
        page = Math.Clamp(page, 0, starts.Count - 1);
        paged.Page = page;
        var (from, to) = (starts[page], page + 1 < starts.Count ? starts[page + 1] : paged.Rows.Count);
        var options = paged.Rows.GetRange(from, to - from).Select(Buttons).ToList();
        var text = new System.Text.StringBuilder(paged.Html);
        if (paged.Items?.GetRange(from, to - from).Select(i => i.Line).Where(l => l.Length > 0).ToList() is { Count: > 0 } lines)
        {
            text.Append("\n\n").AppendJoin('\n', lines);
        }

        if (paged.Footer is { } footer)
        {
            text.Append("\n\n").Append(footer);
        }

        if (starts.Count > 1)
        {
            // «Anteriores» and «Ver más», where there is a page before or after.
            (string Label, int Page)[] turns = [(Texts.PreviousPage, page - 1), (Texts.NextPage, page + 1)];
            options.Add([.. turns.Where(t => t.Page >= 0 && t.Page < starts.Count).Select(t => (t.Label, $"page:{t.Page}"))]);
            text.Append("\n\n").Append(Texts.PageOf(page + 1, starts.Count));
        }

        options.AddRange(paged.Fixed?.Select(Buttons) ?? []);
        AskRows(text.ToString(), options, paged.Back, paged.Cancel);

        static List<(string Label, string Action)> Buttons(List<string[]> row) => row.Select(b => (b[0], b[1])).ToList();
    }

    /// <summary>
    /// Text typed at a question that says a button's words, or at a list that names an entry by its number or folio: sets
    /// <see cref="Action"/> as the button would.
    /// True when the text was answered here instead (no such entry, or one that cannot be chosen).
    /// </summary>
    public bool AnswerTyped()
    {
        if (Action is null && Text is { } words && State.Question?.Labelled(words) is { } tapped)
        {
            // A button's words typed instead of tapped («Listo», «guardar», «Consejo Centro»).
            Action = tapped;
            return false;
        }

        if (Action is not null || State.Question is not { Numbered: true, Items: { } items } list || Text is not { } text
            || list.Find(text) is not { } found)
        {
            return false;
        }

        if (found >= 0 && list.Rows[found] is [[_, var action]])
        {
            Action = action;
            return false;
        }

        if (found >= 0 && list.Rows[found] is { Count: > 1 } several)
        {
            // An entry with several buttons (e.g. «Corregir» and «Anular»): shown alone, to choose what to do with it.
            Ask(State.Task!.Step, items[found].Line, [several.Select(b => (b[0], b[1]))], back: false);
            return true;
        }

        Say(found >= 0 ? ListText.NotChoosable(text) : ListText.NotInList(text, items.Count, items.Any(i => i.Folio is not null)));
        ShowPage(list.Page);
        return true;
    }

    private void AskRows(string html, List<List<(string Label, string Action)>> options, bool back, bool cancel)
    {
        State.Seq++;

        // «Atrás» where there is a question before (a report past its first one), «Cancelar» where the question allows it.
        (string Label, string Action, bool Shown)[] nav =
            [(Texts.Back, "back", back && State.Report?.History.Count > 0), (Texts.Cancel, "cancel", cancel)];
        options.Add([.. nav.Where(b => b.Shown).Select(b => (b.Label, b.Action))]);
        var rows = options.Where(r => r.Count > 0)
            .Select(r => (IReadOnlyList<Button>)[.. r.Select(b => new Button(b.Label, Data(b.Action)))]).ToList();
        replies.Add(new Reply(html) { Buttons = rows });
    }

    public string Data(string action) => string.Create(CultureInfo.InvariantCulture, $"{State.Seq}|{action}");

    /// <summary>The pressed button's action, if it belongs to the current question; null for text or a stale press.</summary>
    public string? Action { get; set; }

    /// <summary>The argument after the action ("a:12" → "12"), parsed as an id.</summary>
    public long? ActionId(string prefix) =>
        Action is { } a && a.StartsWith(prefix + ":", StringComparison.Ordinal) &&
        long.TryParse(a.AsSpan(prefix.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public string? Text => Input.Kind == InputKind.Text ? Input.Text?.Trim() : null;
}

/// <summary>One entry of a list to ask: its line in the message (may be empty), its button and action (none: it can only be read), the record's folio.</summary>
public sealed record ListEntry(string Line, string? Button = null, string? Action = null, string? Folio = null, string? Button2 = null, string? Action2 = null)
{
    /// <summary>A record as an entry: «DPC-2024-0007 · 15/04 · Alumbrado en calle Morelos…», its button «DPC-2024-0007 · 15/04» unless given.</summary>
    public static ListEntry Record(RecordRow r, string description, string? action, string? button = null)
    {
        var day = r.EventDate.ToString("dd/MM", CultureInfo.InvariantCulture);
        return new($"{r.Folio} · {day} · {Html.Escape(Html.Shorten(description, 70))}", button ?? $"{r.Folio} · {day}", action, r.Folio);
    }
}
