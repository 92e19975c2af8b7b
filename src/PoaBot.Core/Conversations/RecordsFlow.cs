using System.Globalization;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>
/// <c>/misreportes</c>, <c>/folio</c>, and corrections: voids and amendments, by the Dirección or by the record's author,
/// while its bimester is not locked, always with a reason kept in the audit trail with who made it.
/// </summary>
public static class RecordsFlow
{
    public static void List(Turn turn)
    {
        var records = new RecordStore(turn.Db).LastBy(turn.Person.Id, 100).Where(r => Access.MayView(turn, r)).ToList();
        if (records.Count == 0)
        {
            turn.Say(RecordsText.NoRecords, mainKeyboard: true);
            return;
        }

        var entries = records.Select(r =>
        {
            var open = Refusal(turn, r) is null;
            var entry = ListEntry.Record(r, RecordsText.ListDescription(ProgressText.Activity(r.ActivityNum, r.ActivityName, r.ActivityKind), r.CouncilName),
                open ? $"m:{r.Id}" : null, RecordsText.AmendFolioButton(r.Folio));
            return entry with
            {
                Line = entry.Line + (r.IsVoided ? RecordsText.VoidedMark : turn.IsLocked(r.EventDate) ? RecordsText.LockedMark : ""),
                Button2 = open ? RecordsText.VoidFolioButton(r.Folio) : null,
                Action2 = open ? $"v:{r.Id}" : null,
            };
        });
        turn.State.Reset();
        turn.AskList(Step.RecordChoice, RecordsText.ListTitle, entries, footer: RecordsText.ListEnd);
    }

    /// <summary>The folio meant: «DPC-2024-0007» as typed; «2024-0007» in this directorate; «0007» or «7» also this year, as lists take it.</summary>
    private static string FullFolio(Turn turn, string typed)
    {
        var text = typed.Trim().TrimStart('#');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? RecordStore.Folio(turn.Today.Year, number, turn.Directorate.Code)
            : text.Split('-').Length == 2 && PagedQuestion.FolioParts(text) is { } folio ? RecordStore.Folio(folio.Year, folio.Number, turn.Directorate.Code)
            : text;
    }

    public static void Show(Turn turn, string folio)
    {
        if (string.IsNullOrWhiteSpace(folio))
        {
            turn.Say(RecordsText.FolioMissing(RecordStore.Folio(turn.Today.Year, 7)));
            return;
        }

        var record = new RecordStore(turn.Db).ByFolio(FullFolio(turn, folio));
        if (record is null || !Access.MayView(turn, record))
        {
            turn.Say(RecordsText.FolioNotFound(folio));
            return;
        }

        var card = Card(turn, record);
        turn.State.Reset();
        if (Refusal(turn, record) is null)
        {
            turn.Ask(Step.RecordChoice, card, [[(RecordsText.AmendButton, $"m:{record.Id}")], [(RecordsText.VoidButton, $"v:{record.Id}")]],
                back: false);
        }
        else if (!record.IsVoided && Access.MayCorrect(turn, record) && turn.IsLocked(record.EventDate))
        {
            // Said before anything is typed: this record can no longer be corrected here.
            turn.Say(card + "\n\n" + ReportFlow.Locked(record.EventDate, turn.Person.IsDirector));
        }
        else
        {
            turn.Say(card);
        }

        var evidence = new EvidenceStore(turn.Db).ForRecord(record.Id);
        for (var i = 0; i < evidence.Count; i++)
        {
            turn.Attach(evidence[i].FileId, evidence[i].IsPhoto, EvidenceText.Caption(i + 1, evidence.Count, record.Folio));
        }
    }

    public static void Answer(Turn turn)
    {
        if (turn.State.Step == Step.RecordChoice)
        {
            Choose(turn);
            return;
        }

        // Each later answer reads the record again: it may have been voided, its council reassigned or its bimester
        // locked while the person typed.
        var record = new RecordStore(turn.Db).Get(Target(turn));
        if (Refusal(turn, record) is { } refusal)
        {
            turn.Finish(refusal);
            return;
        }

        switch (turn.State.Step)
        {
            case Step.VoidReason:
                if (Reason(turn) is { } reason)
                {
                    var result = new RecordStore(turn.Db).Void(record!.Id, turn.Actor, reason, turn.Now);
                    turn.Finish(
                        result == VoidResult.Voided ? RecordsText.Voided(record.Folio, reason) : VoidRefusal(turn, result, record.Folio));
                }

                break;
            case Step.AmendField when Fields(turn, record!).FirstOrDefault(f => turn.Action == $"f:{f.Key}") is { } field:
                turn.State.Get<AmendTask>().Field = field.Key;
                AskValue(turn, record!, field, again: false);
                break;
            case Step.AmendField:
                turn.Say(RecordsText.TapAmendField);
                break;
            case Step.AmendValue:
                AmendValue(turn, record!);
                break;
            case Step.AmendReason:
                AmendReason(turn, record!);
                break;
        }
    }

    private static void Choose(Turn turn)
    {
        var voiding = turn.ActionId("v");
        var record = (voiding ?? turn.ActionId("m")) is { } id ? new RecordStore(turn.Db).Get(id) : null;
        if (record is null && turn.Input.Kind != InputKind.Button)
        {
            turn.State.Reset();
            turn.Greet();
            return;
        }

        if (Refusal(turn, record) is { } refusal)
        {
            // Someone else's record (a forged or outdated button), one already voided, or a locked bimester: nothing changes.
            turn.State.Reset();
            turn.ButtonAnswer = record is null || !Access.MayCorrect(turn, record) ? Texts.StaleButton : "";
            turn.Say(refusal, mainKeyboard: true);
            return;
        }

        if (voiding is not null)
        {
            if (new RecordStore(turn.Db).Dependent(record!.Id) is not null)
            {
                turn.Finish(VoidRefusal(turn, VoidResult.HasDependents, record.Folio));
                return;
            }

            turn.State.Task = new VoidTask { RecordId = record.Id };
            turn.Ask(Step.VoidReason, RecordsText.AskVoidReason(record.Folio), [], back: false);
        }
        else
        {
            turn.State.Task = new AmendTask { RecordId = record!.Id };
            turn.Ask(Step.AmendField, RecordsText.AskAmendField(record.Folio),
                Fields(turn, record).Select(f => new[] { (f.Label, $"f:{f.Key}") }), back: false);
        }
    }

    /// <summary>
    /// Why this person may not correct this record now, or null if they may: it must be theirs to correct
    /// (<see cref="Access.MayCorrect"/>), still live, and its bimester not locked. The same limits for the Dirección and
    /// for a coordinator; checked when the correction starts and again at every answer, right up to writing it.
    /// </summary>
    private static string? Refusal(Turn turn, RecordRow? record) =>
        record is null || !Access.MayCorrect(turn, record) ? RecordsText.NotAvailable
        : record.IsVoided ? RecordsText.AlreadyVoided(record.Folio)
        : turn.IsLocked(record.EventDate) ? ReportFlow.Locked(record.EventDate, turn.Person.IsDirector)
        : null;

    /// <summary>Asks for the new value of a field: the council by buttons, anything else typed. The current value is shown the first time.</summary>
    private static void AskValue(Turn turn, RecordRow record, ReportField field, bool again)
    {
        if (field == ReportField.Council)
        {
            turn.Ask(Step.AmendValue, RecordsText.AskCouncil(record.Folio, record.CouncilName),
                OtherCouncils(turn, record).Select(c => new[] { (Html.Shorten(c.Name, 40), $"c:{c.Id}") }), back: false);
        }
        else
        {
            turn.Ask(Step.AmendValue, again ? RecordsText.AskNewValueAgain(field.Label) : RecordsText.AskNewValue(field.Label, Current(record, field)), [], back: false);
        }
    }

    private static void AmendValue(Turn turn, RecordRow record)
    {
        if (AmendedField(turn, record) is not { } field)
        {
            turn.Finish(RecordsText.NotAvailable);
            return;
        }

        var (value, problem) = NewValue(turn, record, field, turn.Text ?? "");
        if (value is null)
        {
            turn.Say(problem!);
            AskValue(turn, record, field, again: true);
            return;
        }

        turn.State.Get<AmendTask>().Value = value;
        turn.Ask(Step.AmendReason, RecordsText.AskAmendReason, [], back: false);
    }

    /// <summary>The typed or chosen value as stored, or why it is refused: the same limits as a report.</summary>
    private static (string? Value, string? Problem) NewValue(Turn turn, RecordRow record, ReportField field, string text)
    {
        switch (field.Type)
        {
            case FieldType.Date:
                var year = record.EventDate.Year;
                if (!DateText.TryParse(text, turn.Today, year, out var date))
                {
                    return (null, RecordsText.DateNotUnderstood(Numbers.Date(DateText.Example(year, turn.Today))));
                }

                var problem = date.Year != year || date > turn.Today ? RecordsText.DateOutsideYear(year)
                    : turn.IsLocked(date) ? ReportFlow.Locked(date, turn.Person.IsDirector)
                    : ReportFlow.LinkedDateProblem(turn.Db, record.Kind, record.RefId, record.Id, date);
                return problem is null ? (Instants.Format(date), null) : (null, problem);
            case FieldType.Pick:
                // The council (the only choice offered; links between records are not corrected).
                return OtherCouncils(turn, record).FirstOrDefault(c => c.Id == turn.ActionId("c")) is { } council
                    ? (council.Id.ToString(CultureInfo.InvariantCulture), null)
                    : (null, RecordsText.TapCouncil);
            case FieldType.Number:
                // A baseline cell may be larger than one generic action.
                var least = field.AllowZero ? 0 : 1;
                return NumberText.TryParse(text, field.Max, out var number, out _) && number >= least
                    ? (number.ToString(CultureInfo.InvariantCulture), null)
                    : (null, RecordsText.NumberRange(least, field.Max));
            default:
                return text.Length == 0 || text.Length > field.Max ? (null, RecordsText.TextRange(field.Max))
                    : ReportFlow.WordsProblem(text, field.Example) is { } noWords ? (null, noWords)
                    : (text, null);
        }
    }

    private static void AmendReason(Turn turn, RecordRow record)
    {
        var task = turn.State.Get<AmendTask>();
        var field = AmendedField(turn, record);
        if (field is null || task.Value is not { } value
            || (field == ReportField.Council && !OtherCouncils(turn, record).Any(c => c.Id.ToString(CultureInfo.InvariantCulture) == value)))
        {
            // The field is no longer offered (a management now points to the record) or the council is no longer the person's.
            turn.Finish(RecordsText.NotAvailable);
            return;
        }

        if (Reason(turn) is not { } why)
        {
            return;
        }

        var old = Current(record, field);
        var shown = Display(turn, field, value);
        var ok = new RecordStore(turn.Db).Amend(record.Id, field.Column, value, turn.Actor, why, turn.Now);
        turn.State.Reset();
        turn.Say(ok
            ? RecordsText.Amended(record.Folio, field.Label, old, shown, why)
            : RecordsText.AmendVoided(record.Folio), mainKeyboard: true);
    }

    private static string? Reason(Turn turn)
    {
        var text = turn.Text;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
        {
            turn.Say(RecordsText.ReasonTooLong);
            turn.Ask(turn.State.Step, RecordsText.AskReasonAgain, [], back: false);
            return null;
        }

        return text;
    }

    private static string VoidRefusal(Turn turn, VoidResult result, string folio)
    {
        if (result != VoidResult.HasDependents)
        {
            return RecordsText.AlreadyVoided(folio);
        }

        var records = new RecordStore(turn.Db);
        var dependent = records.Dependent(records.ByFolio(folio)!.Id)!;
        return dependent.Kind.Link == KindLink.Manages
            ? RecordsText.RequestHasManagement(folio, dependent.Folio)
            : RecordsText.ProgramShared(folio, dependent.Folio);
    }

    /// <summary>
    /// What may be corrected in a record: its council (when it can move, <see cref="OtherCouncils"/>), its date and the
    /// answers to its kind's questions (not its links).
    /// </summary>
    private static IEnumerable<ReportField> Fields(Turn turn, RecordRow r)
    {
        var fields = r.Kind.Fields.Where(f => f.Type is FieldType.Number or FieldType.Text).Prepend(ReportField.Date);
        return OtherCouncils(turn, r).Count > 0 ? fields.Prepend(ReportField.Council) : fields;
    }

    /// <summary>
    /// The councils a record may move to: the person's others (every council for the Dirección), for a record that points
    /// to no other and that none points to (a request and its management stay together), and not the imported document's.
    /// </summary>
    private static List<CouncilRow> OtherCouncils(Turn turn, RecordRow r) =>
        r.Kind == ActivityKind.Baseline || r.RefId is not null || new RecordStore(turn.Db).Dependent(r.Id) is not null
            ? []
            : Access.Councils(turn).Where(c => c.Id != r.CouncilId).ToList();

    /// <summary>The record being voided or amended.</summary>
    private static long Target(Turn turn) => turn.State.Task switch
    {
        VoidTask v => v.RecordId,
        AmendTask a => a.RecordId,
        _ => 0,
    };

    /// <summary>The field being amended, if it is still offered for this record.</summary>
    private static ReportField? AmendedField(Turn turn, RecordRow r) => Fields(turn, r).FirstOrDefault(f => f.Key == turn.State.Get<AmendTask>().Field);

    private static string? Current(RecordRow r, ReportField f) => f == ReportField.Council ? r.CouncilName : r.Value(f.Column) switch
    {
        DateOnly date => Numbers.Date(date),
        long number => Numbers.Int(number),
        var value => value as string,
    };

    private static string Display(Turn turn, ReportField f, string value) =>
        f == ReportField.Council ? Access.Councils(turn).FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == value)?.Name ?? ""
        : f.Type == FieldType.Date ? Numbers.Date(Instants.ParseDate(value)) : value;

    private static string Card(Turn turn, RecordRow r)
    {
        var amendments = new AuditStore(turn.Db).ForRecord(r.Id).Where(a => a.Action == "amend");
        string?[] lines =
        [
            RecordsText.CardTitle(r.Folio, r.IsVoided),
            ReportText.CardActivity(ProgressText.Activity(r.ActivityNum, r.ActivityName, r.ActivityKind)),
            ReportText.CardCouncil(r.CouncilName),
            ReportText.CardDate(r.EventDate),
            .. r.Kind.Fields.Select(f => ReportFlow.AnswerLine(turn, r.Kind, f, r.Value(f.Column))),
            EvidenceText.RecordLine(new EvidenceStore(turn.Db).ForRecord(r.Id)),
            r.IsVoided ? RecordsText.CardVoided(r.VoidedBy is { } by ? AuditText.Person(by) : null, r.VoidReason) : null,
            .. amendments.Select(a => Html.Escape(AuditText.Line(a, turn.Settings.Clock.Zone))),
        ];
        return string.Join('\n', lines.OfType<string>());
    }
}
