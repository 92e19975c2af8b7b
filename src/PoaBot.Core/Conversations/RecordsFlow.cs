using System.Globalization;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary><c>/misreportes</c>, <c>/folio</c>, and corrections: voids (owner or director) and amendments (director), always with a reason.</summary>
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

        var entries = records.Select(r => ListEntry.Record(r, RecordsText.ListDescription(Html.Sentence(r.ActivityName), r.CouncilName), r.IsVoided ? null : $"v:{r.Id}", RecordsText.VoidFolioButton(r.Folio)))
            .Select((e, i) => records[i].IsVoided ? e with { Line = e.Line + RecordsText.VoidedMark } : e);
        turn.State.Reset();
        turn.AskList(Step.RecordChoice, RecordsText.ListTitle, entries, footer: RecordsText.ListEnd);
    }

    public static void Show(Turn turn, string folio)
    {
        if (string.IsNullOrWhiteSpace(folio))
        {
            turn.Say(RecordsText.FolioMissing(RecordStore.Folio(turn.Today.Year, 7)));
            return;
        }

        var record = new RecordStore(turn.Db).ByFolio(folio);
        if (record is null || !Access.MayView(turn, record))
        {
            turn.Say(RecordsText.FolioNotFound(folio));
            return;
        }

        var buttons = new List<(string, string)[]>();
        if (!record.IsVoided && Access.MayVoid(turn, record))
        {
            buttons.Add([(RecordsText.VoidButton, $"v:{record.Id}")]);
        }

        if (!record.IsVoided && Access.MayAmend(turn))
        {
            buttons.Add([(RecordsText.AmendButton, $"m:{record.Id}")]);
        }

        var card = Card(turn, record);
        turn.State.Reset();
        if (buttons.Count > 0)
        {
            turn.Ask(Step.RecordChoice, card, buttons, back: false);
        }
        else
        {
            turn.Say(card);
        }

        if (record.EvidenceFileId is { } fileId)
        {
            turn.Attach(fileId, record.EvidenceKind == "photo", RecordsText.EvidenceCaption(record.Folio));
        }
    }

    public static void Answer(Turn turn)
    {
        switch (turn.State.Step)
        {
            case Step.RecordChoice:
                Choose(turn);
                break;
            case Step.VoidReason:
                if (StillLocked(turn))
                {
                    return;
                }

                if (new RecordStore(turn.Db).Get(Target(turn)) is not { } voided || !Access.MayVoid(turn, voided))
                {
                    turn.State.Reset();
                    turn.Say(RecordsText.NoLongerAvailable, mainKeyboard: true);
                    return;
                }

                if (Reason(turn) is { } reason)
                {
                    var result = new RecordStore(turn.Db).Void(Target(turn), turn.Actor, reason, turn.Now);
                    var folio = new RecordStore(turn.Db).Get(Target(turn))?.Folio ?? "";
                    turn.State.Reset();
                    turn.Say(result == VoidResult.Voided ? RecordsText.Voided(folio, reason) : VoidRefusal(turn, result, folio), mainKeyboard: true);
                }

                break;
            case Step.AmendField:
                var record = new RecordStore(turn.Db).Get(Target(turn))!;
                if (Fields(record).FirstOrDefault(f => turn.Action == $"f:{f.Key}") is { } field)
                {
                    turn.State.Get<AmendTask>().Field = field.Key;
                    turn.Ask(Step.AmendValue, RecordsText.AskNewValue(field.Label, Current(record, field)), [], back: false);
                }
                else
                {
                    turn.Say(RecordsText.TapAmendField);
                }

                break;
            case Step.AmendValue:
                AmendValue(turn);
                break;
            case Step.AmendReason:
                if (StillLocked(turn))
                {
                    return;
                }

                if (Reason(turn) is { } why)
                {
                    var id = Target(turn);
                    var amended = new RecordStore(turn.Db).Get(id)!;
                    var f = AmendedField(turn, amended);
                    var old = Current(amended, f);
                    var value = turn.State.Get<AmendTask>().Value!;
                    var ok = new RecordStore(turn.Db).Amend(id, f.Column, value, turn.Actor, why, turn.Now);
                    turn.State.Reset();
                    turn.Say(ok
                        ? RecordsText.Amended(amended.Folio, f.Label, old, Display(f, value), why)
                        : RecordsText.AmendVoided(amended.Folio), mainKeyboard: true);
                }

                break;
        }
    }

    private static void Choose(Turn turn)
    {
        var records = new RecordStore(turn.Db);
        var target = turn.ActionId("v") is { } v ? records.Get(v) : turn.ActionId("m") is { } m ? records.Get(m) : null;
        if (target is not null && turn.IsLocked(Instants.ParseDate(target.EventDate)))
        {
            turn.State.Reset();
            turn.Say(ReportFlow.Locked(Instants.ParseDate(target.EventDate), turn.Person.IsDirector), mainKeyboard: true);
            return;
        }

        if (turn.ActionId("v") is { } voidId && records.Get(voidId) is { } toVoid && Access.MayVoid(turn, toVoid) && !toVoid.IsVoided)
        {
            if (records.Dependent(toVoid.Id) is not null)
            {
                turn.State.Reset();
                turn.Say(VoidRefusal(turn, VoidResult.HasDependents, toVoid.Folio), mainKeyboard: true);
                return;
            }

            turn.State.Task = new VoidTask { RecordId = toVoid.Id };
            turn.Ask(Step.VoidReason, RecordsText.AskVoidReason(toVoid.Folio), [], back: false);
        }
        else if (turn.ActionId("m") is { } amendId && Access.MayAmend(turn) && records.Get(amendId) is { IsVoided: false } toAmend)
        {
            turn.State.Task = new AmendTask { RecordId = toAmend.Id };
            turn.Ask(Step.AmendField, RecordsText.AskAmendField(toAmend.Folio),
                Fields(toAmend).Select(f => new[] { (f.Label, $"f:{f.Key}") }), back: false);
        }
        else if (turn.Input.Kind == InputKind.Button)
        {
            // Forged or outdated data: someone else's record, or one already voided.
            turn.State.Reset();
            turn.ButtonAnswer = Texts.StaleButton;
            turn.Say(RecordsText.NotAvailable);
        }
        else
        {
            turn.State.Reset();
            turn.Greet();
        }
    }

    /// <summary>The lock is checked again right before writing: the bimester may have locked while the reason was typed.</summary>
    private static bool StillLocked(Turn turn)
    {
        var record = new RecordStore(turn.Db).Get(Target(turn));
        var date = record is null ? (DateOnly?)null : Instants.ParseDate(record.EventDate);
        if (date is { } d && turn.IsLocked(d))
        {
            turn.State.Reset();
            turn.Say(ReportFlow.Locked(d, turn.Person.IsDirector), mainKeyboard: true);
            return true;
        }

        return false;
    }

    private static void AmendValue(Turn turn)
    {
        var record = new RecordStore(turn.Db).Get(Target(turn))!;
        var field = AmendedField(turn, record);
        var text = turn.Text ?? "";
        string? value = null;
        string? problem = null;
        switch (field.Type)
        {
            case FieldType.Date:
                var year = Instants.ParseDate(record.EventDate).Year;
                if (!DateText.TryParse(text, turn.Today, year, out var date))
                {
                    problem = RecordsText.DateNotUnderstood(Numbers.Date(DateText.Example(year, turn.Today)));
                }
                else if (date.Year != year || date > turn.Today)
                {
                    problem = RecordsText.DateOutsideYear(year);
                }
                else if (turn.IsLocked(date))
                {
                    problem = ReportFlow.Locked(date, turn.Person.IsDirector);
                }
                else if (ReportFlow.LinkedDateProblem(turn.Db, ActivityKinds.FromCode(record.Kind), record.RefId, record.Id, date) is { } linked)
                {
                    problem = linked;
                }
                else
                {
                    value = Instants.Format(date);
                }

                break;
            case FieldType.Number:
                // The same limits as a report; a baseline cell may be larger than one generic action.
                var least = field.AllowZero ? 0 : 1;
                if (NumberText.TryParse(text, field.Max, out var number, out _) && number >= least)
                {
                    value = number.ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    problem = RecordsText.NumberRange(least, field.Max);
                }

                break;
            default:
                if (text.Length == 0 || text.Length > field.Max)
                {
                    problem = RecordsText.TextRange(field.Max);
                }
                else
                {
                    value = text;
                }

                break;
        }

        if (value is null)
        {
            turn.Say(problem!);
            turn.Ask(Step.AmendValue, RecordsText.AskNewValueAgain(field.Label), [], back: false);
            return;
        }

        turn.State.Get<AmendTask>().Value = value;
        turn.Ask(Step.AmendReason, RecordsText.AskAmendReason, [], back: false);
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
        return ActivityKinds.FromCode(dependent.Kind).Link == KindLink.Manages
            ? RecordsText.RequestHasManagement(folio, dependent.Folio)
            : RecordsText.ProgramShared(folio, dependent.Folio);
    }

    /// <summary>What a director may correct in a record: its date and the answers to its kind's questions (not its links).</summary>
    private static IEnumerable<ReportField> Fields(RecordRow r) =>
        ActivityKinds.FromCode(r.Kind).Fields.Where(f => f.Type is FieldType.Number or FieldType.Text).Prepend(ReportField.Date);

    /// <summary>The record being voided or amended.</summary>
    private static long Target(Turn turn) => turn.State.Task switch
    {
        VoidTask v => v.RecordId,
        AmendTask a => a.RecordId,
        _ => 0,
    };

    private static ReportField AmendedField(Turn turn, RecordRow r) => Fields(r).First(f => f.Key == turn.State.Get<AmendTask>().Field);

    private static string? Current(RecordRow r, ReportField f) => r.Value(f.Column) switch
    {
        string iso when f.Type == FieldType.Date => Numbers.Date(Instants.ParseDate(iso)),
        long number => Numbers.Int(number),
        var value => value as string,
    };

    private static string Display(ReportField f, string value) =>
        f.Type == FieldType.Date ? Numbers.Date(Instants.ParseDate(value)) : value;

    private static string Card(Turn turn, RecordRow r)
    {
        var lines = new List<string>
        {
            RecordsText.CardTitle(r.Folio, r.IsVoided),
            RecordsText.CardActivity(r.ActivityNum, Html.Sentence(r.ActivityName)),
            ReportText.CardCouncil(r.CouncilName),
            ReportText.CardDate(Instants.ParseDate(r.EventDate)),
        };
        var kind = ActivityKinds.FromCode(r.Kind);
        lines.AddRange(kind.Fields.Select(f => ReportFlow.AnswerLine(turn, kind, f, r.Value(f.Column))).OfType<string>());
        lines.Add(RecordsText.CardEvidence(stored: r.EvidenceHash is not null, attached: r.EvidenceFileId is not null));
        if (r.IsVoided)
        {
            lines.Add(RecordsText.CardVoided(r.VoidedBy is { } by ? AuditText.Person(by) : null, r.VoidReason));

        }

        foreach (var a in new AuditStore(turn.Db).ForRecord(r.Id).Where(a => a.Action == "amend"))
        {
            lines.Add(Html.Escape(AuditText.Line(a, turn.Settings.Clock.Zone)));
        }

        return string.Join('\n', lines);
    }
}
