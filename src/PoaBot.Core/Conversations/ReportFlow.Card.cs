using System.Globalization;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>The confirmation card and saving the record with its folio.</summary>
public static partial class ReportFlow
{
    private static void Save(Turn turn, Draft draft)
    {
        var activity = turn.Activity(draft.ActivityId);
        var council = Access.Councils(turn).FirstOrDefault(c => c.Id == draft.CouncilId);
        if (draft.CouncilId is not null && council is null)
        {
            // Checked at the moment of writing: the council may have been reassigned while the draft waited.
            turn.Finish(ReportText.CouncilNoLongerYours);
            return;
        }

        if (draft.Date is { } locked && turn.IsLocked(locked))
        {
            // The bimester locked while the card waited: the card says so and asks for another date, keeping the draft.
            Prompt(turn, CardQuestion);
            return;
        }

        if (activity is null || council is null || draft.Date is not { } date || DateProblem(turn, date) is not null)
        {
            turn.Finish(ReportText.DraftInvalid);
            return;
        }

        var kind = activity.Kind;
        var answers = kind.Fields.Where(f => draft.Answers.ContainsKey(f.Key)).ToDictionary(f => f.Column, f => draft.Answers[f.Key]);
        if (kind.Link == KindLink.Manages && !Pending(turn, draft).Any(r => Invariant(r.Id) == answers.GetValueOrDefault("ref_id")))
        {
            turn.Say(ReportText.RequestNoLongerPending);
            Prompt(turn, kind.Fields.First(f => f.Type == FieldType.Pick).Key);
            return;
        }

        var record = new RecordStore(turn.Db).Insert(new RecordRow
        {
            ActivityId = activity.Id,
            CouncilId = council.Id,
            Kind = kind,
            EventDate = date,

            // A program shared with another council counts once, there.
            Count = kind.Link == KindLink.Shares && answers.ContainsKey("ref_id") ? 0 : 1,
            CreatedBy = turn.Person.Id,
            CreatedAt = turn.Now,
        }.WithAnswers(answers));
        new EvidenceStore(turn.Db).Add(record.Id, draft.Evidence);
        var progress = SummaryFlow.ActivityAfterSave(turn, activity, Bimesters.Of(date));
        turn.Finish(ReportText.Saved(record.Folio, shared: record.Count == 0, progress));
    }

    private static string Card(Turn turn, Draft draft)
    {
        var activity = turn.Activity(draft.ActivityId);
        var council = Access.Councils(turn).FirstOrDefault(c => c.Id == draft.CouncilId);
        var kind = Kind(turn, draft);
        string?[] lines =
        [
            ReportText.CardTitle,
            ReportText.CardActivity(activity is null ? "" : ProgressText.Activity(activity)),
            ReportText.CardCouncil(council?.Name),
            ReportText.CardDate(draft.Date),
            .. kind.Fields.Select(f => AnswerLine(turn, kind, f, draft.Answers.GetValueOrDefault(f.Key) is not { } value ? null
                : f.Type is FieldType.Number or FieldType.Pick ? long.Parse(value, CultureInfo.InvariantCulture) : value)),
            EvidenceText.CardLine(draft.Evidence),
        ];
        return string.Join('\n', lines.OfType<string>());
    }

    /// <summary>A field's line on a card, «Asistentes: 25»; a chosen record by its folio. Null when there is no answer.</summary>
    public static string? AnswerLine(Turn turn, ActivityKind kind, ReportField field, object? value) => value switch
    {
        null or "" => null,
        long id when field.Type == FieldType.Pick => new RecordStore(turn.Db).Get(id) is not { } chosen ? null
            : kind.Link == KindLink.Manages ? $"{field.Label}: {chosen.Folio} — {Html.Escape(Html.Shorten(chosen.Subject ?? "", 80))}"
            : $"{field.Label}: {chosen.Folio}",
        long number => $"{field.Label}: {Numbers.Int(number)}",
        _ => $"{field.Label}: {Html.Escape(Convert.ToString(value, CultureInfo.InvariantCulture))}",
    };

    private static void PromptPending(Turn turn, Draft draft, ReportField field)
    {
        var pending = Pending(turn, draft);
        if (pending.Count == 0)
        {
            Ask(turn, field.Key, ReportText.NoPendingRequests, []);
            return;
        }

        AskList(turn, field.Key, field.Question, pending.Select(r => ListEntry.Record(r, r.Subject ?? "", $"p:{r.Id}")));
    }
}
