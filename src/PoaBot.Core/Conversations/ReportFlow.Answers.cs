using System.Globalization;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>Reading answers: dates, numbers, free text, programs and evidence; a bad answer is explained and asked again.</summary>
public static partial class ReportFlow
{
    private static void AnswerDate(Turn turn, Draft draft)
    {
        if (turn.Action == "d:otra")
        {
            Go(turn, DateTextQuestion);
            return;
        }

        DateOnly? answer = turn.Action switch
        {
            "d:hoy" => turn.Today,
            "d:ayer" => turn.Today.AddDays(-1),
            _ => DateText.TryParse(turn.Text, turn.Today, Year(turn), out var typed) ? typed : null,
        };
        if (answer is not { } date)
        {
            Retry(turn, turn.Input.Kind == InputKind.Text
                ? ReportText.DateNotUnderstood(turn.Text ?? "", DateExample(turn))
                : ReportText.DateAsText(DateExample(turn)));
            return;
        }

        if ((DateProblem(turn, date) ?? LinkedDateProblem(turn.Db, Kind(turn, draft), RefId(turn, draft), null, date)) is { } problem)
        {
            Retry(turn, problem);
            return;
        }

        if (turn.Text is { } words && (words.Any(char.IsLetter) || words.Trim().Length <= 2))
        {
            turn.Say(ReportText.Understood(DateText.Long(date)));
        }

        draft.Date = date;
        Go(turn, null);
    }

    /// <summary>A date outside the POA's year or in the future is refused kindly.</summary>
    public static string? DateProblem(Turn turn, DateOnly date) =>
        date > turn.Today ? ReportText.DateInFuture(date)
        : date.Year != Year(turn) ? ReportText.DateOutsidePoa(date, Year(turn), currentYear: Year(turn) == turn.Today.Year)
        : turn.IsLocked(date) ? ReportText.LockedDate(Bimesters.ShortName(Bimesters.Of(date)), date.Year, OpenBimester(turn))
        : null;

    /// <summary>The bimester still open in the POA's year, «May/Jun 2024», where a locked one's report can go; null when none is.</summary>
    private static string? OpenBimester(Turn turn)
    {
        var year = Year(turn);
        var open = year == turn.Today.Year ? turn.Today : Bimesters.LastDay(year, 6);
        return turn.IsLocked(open) ? null : $"{Bimesters.ShortName(Bimesters.Of(open))} {open.Year}";
    }

    /// <summary>An example date in the POA's year that is not in the future, e.g. 01/12/2026.</summary>
    private static string DateExample(Turn turn) => Numbers.Date(DateText.Example(Year(turn), turn.Today));

    /// <summary>
    /// Dates checked against the linked record: a request is managed on or after the day it was received.
    /// <paramref name="ownId"/> is the record being corrected, if any (a received request whose management is already saved).
    /// </summary>
    public static string? LinkedDateProblem(DbSession db, ActivityKind kind, long? refId, long? ownId, DateOnly date)
    {
        var records = new RecordStore(db);
        return kind.Link == KindLink.Manages && refId is { } id && records.Get(id) is { } request ? ManagedTooEarly(request, date)
            : kind.Link == KindLink.Managed && ownId is { } own && records.Dependent(own) is { } managed && managed.EventDate < date
            ? ReportText.ReceivedAfterManaged(managed.EventDate, managed.Folio, date)
            : null;
    }

    /// <summary>«La solicitud … se recibió el 15/04/2024, así que no pudo gestionarse el 14/04/2024.», or null when the dates agree.</summary>
    public static string? ManagedTooEarly(RecordRow request, DateOnly managed) =>
        managed < request.EventDate ? ReportText.ManagedBeforeReceived(request.Folio, request.EventDate, managed) : null;

    /// <summary>The bimester of that date is locked: the Dirección reopens it itself with /reabrir; a coordinator asks the Dirección.</summary>
    public static string Locked(DateOnly date, bool director) => ReportText.Locked(Bimesters.ShortName(Bimesters.Of(date)), date.Year, director);

    private static void AnswerField(Turn turn, Draft draft, ReportField field)
    {
        var kind = Kind(turn, draft);
        switch (field.Type)
        {
            case FieldType.Pick when kind.Link == KindLink.Manages:
                var pending = Pending(turn, draft).FirstOrDefault(r => r.Id == turn.ActionId("p"));
                var refused = pending is null ? ReportText.TapPending
                    : draft.Date is { } managed && ManagedTooEarly(pending, managed) is { } early ? ReportText.ChooseAnotherRequest(early)
                    : null;
                if (refused is not null)
                {
                    Retry(turn, refused);
                    return;
                }

                draft.Answers[field.Key] = Invariant(pending!.Id);
                Go(turn, null);
                break;
            case FieldType.Pick:
                AnswerShared(turn, draft, kind, field);
                break;
            case FieldType.Number:
                if (Number(turn, field.Max, field.Example, field.AllowZero) is { } number)
                {
                    draft.Answers[field.Key] = Invariant(number);
                    Go(turn, null);
                }

                break;
            default:
                if (field.Optional && turn.Action == "skip")
                {
                    draft.Answers.Remove(field.Key);
                    Go(turn, null);
                }
                else if (FreeText(turn, field.Max, field.Example) is { } text)
                {
                    draft.Answers[field.Key] = text;
                    Go(turn, null);
                }

                break;
        }
    }

    /// <summary>A program another council registered: its name is copied and the record counts zero; or a new one.</summary>
    private static void AnswerShared(Turn turn, Draft draft, ActivityKind kind, ReportField field)
    {
        if (turn.Action == "new")
        {
            draft.Answers.Remove(field.Key);
            Go(turn, null);
            return;
        }

        var program = OtherPrograms(turn, draft).FirstOrDefault(p => p.Id == turn.ActionId("p"));
        if (program is null)
        {
            Retry(turn, ReportText.TapProgram);
            return;
        }

        draft.Answers[field.Key] = Invariant(program.Id);
        foreach (var text in kind.Fields.Where(f => f.Type == FieldType.Text))
        {
            if (program.Value(text.Column) is string value)
            {
                draft.Answers[text.Key] = value;
            }
        }

        Go(turn, null);
    }

    private static string Invariant(long number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The record this draft points to (the request it manages, the program it shares), if any.</summary>
    private static long? RefId(Turn turn, Draft draft) =>
        Kind(turn, draft).Fields.FirstOrDefault(f => f.Type == FieldType.Pick) is { } pick && draft.Answers.TryGetValue(pick.Key, out var id)
            ? long.Parse(id, CultureInfo.InvariantCulture)
            : null;

    private static void AnswerEvidence(Turn turn, Draft draft)
    {
        if (turn.Action == "skip")
        {
            Go(turn, CardQuestion);
        }
        else if (turn.Action == "clear")
        {
            draft.Evidence.Clear();
            turn.Say(EvidenceText.Removed);
            Prompt(turn, EvidenceQuestion);
        }
        else if (turn.Input.Kind is InputKind.Photo or InputKind.Document)
        {
            AddEvidence(turn, draft);
        }
        else
        {
            Retry(turn, EvidenceText.Retry);
        }
    }

    /// <summary>
    /// A file sent at the evidence question or on the card: kept (up to <see cref="EvidenceFile.MaxPerReport"/>, the same
    /// file once), then the card shows how many there are. The photos of an album arrive one by one; each shows the card,
    /// and a card still unsent gives way to the next, so the person sees one card for the album.
    /// </summary>
    private static void AddEvidence(Turn turn, Draft draft)
    {
        var input = turn.Input;
        var atQuestion = Task(turn).Position == EvidenceQuestion;
        if (input.FileProblem is { } problem)
        {
            turn.Say(TransportText.File(problem, atQuestion && draft.Evidence.Count == 0 ? Texts.Skip : ReportText.SaveButton));
        }
        else
        {
            var file = new EvidenceFile
            {
                FileId = input.FileId ?? "",
                UniqueId = input.FileUniqueId,
                Hash = input.FileHash,
                Path = input.FileHash is null ? null : Path.GetFileName(input.FilePath),
                Kind = input.Kind == InputKind.Photo ? "photo" : "document",
                Size = input.FileSize,
                AddedAt = turn.Now,
            };
            if (draft.Evidence.Any(file.SameAs))
            {
                turn.Say(EvidenceText.Duplicate);
            }
            else if (draft.Evidence.Count >= EvidenceFile.MaxPerReport)
            {
                turn.Say(EvidenceText.Full);
            }
            else
            {
                draft.Evidence.Add(file);
            }
        }

        if (atQuestion && draft.Evidence.Count > 0)
        {
            Go(turn, CardQuestion);
        }
        else
        {
            Prompt(turn, Task(turn).Position ?? CardQuestion);
        }

        if (input.MediaGroupId is { } album)
        {
            turn.CollapseLast($"album:{album}");
        }
    }

    /// <summary>Re-asks the current question after a short explanation; nothing changes.</summary>
    private static void Retry(Turn turn, string why)
    {
        turn.Say(why);
        Prompt(turn, Task(turn).Position ?? "");
    }

    /// <summary>A text answer with no letter («2», «...»), in a report or a correction: likely meant for another question.</summary>
    public static string? WordsProblem(string text, string example) =>
        text.Any(char.IsLetter) ? null : string.Format(CultureInfo.InvariantCulture, Texts.NoWords, Html.Escape(example));

    private static string? FreeText(Turn turn, int max, string example)
    {
        var text = turn.Text ?? "";
        var why = turn.Input.Kind != InputKind.Text || turn.Action is not null ? ReportText.TextNeeded(example)
            : text.Length == 0 ? string.Format(CultureInfo.InvariantCulture, Texts.EmptyText, Html.Escape(example))
            : text.Length > max ? string.Format(CultureInfo.InvariantCulture, Texts.TooLong, Numbers.Int(max))
            : WordsProblem(text, example);
        if (why is null)
        {
            return text;
        }

        Retry(turn, why);
        return null;
    }

    private static int? Number(Turn turn, int max, string example, bool allowZero)
    {
        var text = turn.Text;
        if (NumberText.TryParse(text, max, out var value, out var fromWords) && (allowZero || value > 0))
        {
            if (fromWords)
            {
                turn.Say(ReportText.Understood(Numbers.Int(value)));
            }

            return value;
        }

        var why = text switch
        {
            null => ReportText.NumberNeeded(example),
            _ when text.TrimStart().StartsWith('-') => ReportText.NumberNegative(example),
            _ when NumberText.TryParse(text, int.MaxValue, out var big, out _) && big > max => ReportText.NumberTooMuch(big, max),
            _ when NumberText.TryParse(text, max, out var zero, out _) && zero == 0 => ReportText.NumberAtLeastOne(example),
            _ when text.Trim().Replace(",", "", StringComparison.Ordinal) is { Length: > 0 } digits && digits.All(char.IsAsciiDigit) =>
                ReportText.NumberTooBig(max),
            _ => ReportText.NumberNotUnderstood(text, example),

        };
        Retry(turn, why);
        return null;
    }
}
