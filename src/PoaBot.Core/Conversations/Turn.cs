using System.Globalization;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>One input being handled: who, what, where the conversation stands, and the replies so far.</summary>
public sealed class Turn(DbSession db, Input input, PersonRow person, ConversationState state, DateOnly today, EngineSettings settings)
{
    private readonly List<Reply> replies = [];

    public DbSession Db { get; } = db;

    public Input Input { get; } = input;

    public PersonRow Person { get; } = person;

    public ConversationState State { get; } = state;

    /// <summary>The local date of the input's own timestamp.</summary>
    public DateOnly Today { get; } = today;

    public DateTimeOffset Now => Input.At;

    public SemaforoThresholds Thresholds => Settings.Thresholds;

    public EngineSettings Settings { get; } = settings;

    /// <summary>A date's bimester is locked (closed and past its grace days, not reopened).</summary>
    public bool IsLocked(DateOnly date) => Settings.Rules.IsLocked(Db, date, Today, Now);

    public string? ButtonAnswer { get; set; }

    public IReadOnlyList<Reply> Replies => replies;

    public string Actor => $"{Person.Name} ({(Person.IsDirector ? "director" : "coordinador")} {Person.TelegramId})";

    public void Say(string html, bool mainKeyboard = false) => replies.Add(new Reply(html) { MainKeyboard = mainKeyboard });

    public void Reply(Reply reply) => replies.Add(reply);

    /// <summary>The short, helpful answer to anything outside a task: what the bot can do.</summary>
    public void Greet() => Say(Texts.Greeting(Person.Name), mainKeyboard: true);


    /// <summary>Sends a kept evidence file again, with a caption.</summary>
    public void Attach(string fileId, bool isPhoto, string caption) =>
        replies.Add(new Reply(Html.Escape(caption)) { EvidenceFileId = fileId, EvidenceIsPhoto = isPhoto });

    /// <summary>
    /// Asks the question of <paramref name="step"/>: the buttons carry a new sequence number, so older ones go stale.
    /// More than <see cref="PagedQuestion.PageSize"/> rows of options are shown a page at a time with «Más» / «Anteriores».
    /// </summary>
    public void Ask(Step step, string html, IEnumerable<IEnumerable<(string Label, string Action)>> buttons, bool back = true, bool cancel = true)
    {
        var task = FlowTask.For(step);
        State.Task = State.Task?.GetType() == task.GetType() ? State.Task : task;
        State.Task.Step = step;
        State.Question = new PagedQuestion
        {
            Html = html,
            Rows = buttons.Select(r => r.Select(b => new[] { b.Label, b.Action }).ToList()).Where(r => r.Count > 0).ToList(),
            Back = back,
            Cancel = cancel,
        };
        ShowPage(0);
    }

    /// <summary>Shows one page of the current question again (the «Más» / «Anteriores» buttons; all of it when it fits one page).</summary>
    public void ShowPage(int page)
    {
        var paged = State.Question!;
        page = Math.Clamp(page, 0, paged.Pages - 1);
        var options = paged.Rows.Skip(page * PagedQuestion.PageSize).Take(PagedQuestion.PageSize)
            .Select(r => r.Select(b => (b[0], b[1])).ToList()).ToList();
        if (paged.Pages == 1)
        {
            AskRows(paged.Html, options, paged.Back, paged.Cancel);
            return;
        }

        var turning = new List<(string, string)>();
        if (page > 0)
        {
            turning.Add((Texts.PreviousPage, $"page:{page - 1}"));
        }

        if (page < paged.Pages - 1)
        {
            turning.Add((Texts.NextPage, $"page:{page + 1}"));
        }

        options.Add(turning);
        AskRows($"{paged.Html}\n\n{Texts.PageOf(page + 1, paged.Pages)}", options, paged.Back, paged.Cancel);
    }

    private void AskRows(string html, List<List<(string Label, string Action)>> options, bool back, bool cancel)
    {
        State.Seq++;
        var rows = options.Select(r => (IReadOnlyList<Button>)r.Select(b => new Button(b.Label, Data(b.Action))).ToList()).Where(r => r.Count > 0).ToList();
        var nav = new List<Button>();
        if (back && State.Report?.History.Count > 0)
        {
            nav.Add(new Button(Texts.Back, Data("back")));
        }

        if (cancel)
        {
            nav.Add(new Button(Texts.Cancel, Data("cancel")));
        }

        if (nav.Count > 0)
        {
            rows.Add(nav);
        }

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
