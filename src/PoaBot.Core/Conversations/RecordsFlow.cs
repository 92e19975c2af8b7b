using System.Globalization;
using System.Text;
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
        var records = new RecordStore(turn.Db).LastBy(turn.Person.Id, 10).Where(r => Access.MayView(turn, r)).ToList();
        if (records.Count == 0)
        {
            turn.Say("Aún no ha registrado reportes. Toque <b>Reportar</b> para empezar.", mainKeyboard: true);
            return;
        }

        var text = new StringBuilder("<b>Sus últimos reportes</b>\n");
        foreach (var r in records)
        {
            text.Append($"\n{r.Folio} · {Numbers.Date(Instants.ParseDate(r.EventDate))} · {Html.Escape(Html.Shorten(Html.Sentence(r.ActivityName), 30))} · {Html.Escape(Html.Shorten(r.CouncilName, 30))}");
            text.Append(r.IsVoided ? " <i>(anulado)</i>" : Locked(turn, r) ? RecordsText.LockedMark : "");
        }

        text.Append(RecordsText.ListHint);
        turn.State.Reset();
        turn.Ask(Step.RecordChoice, text.ToString(), records.Where(r => Refusal(turn, r) is null)
            .Select(r => new[] { (RecordsText.AmendButton(r.Folio), $"m:{r.Id}"), ($"Anular {r.Folio}", $"v:{r.Id}") }), back: false);
    }

    public static void Show(Turn turn, string folio)
    {
        if (string.IsNullOrWhiteSpace(folio))
        {
            turn.Say($"Escriba el folio después del comando, por ejemplo: /folio {RecordStore.Folio(turn.Today.Year, 7)}");
            return;
        }

        var record = new RecordStore(turn.Db).ByFolio(folio);
        if (record is null || !Access.MayView(turn, record))
        {
            turn.Say($"No encontré el folio {Html.Escape(Html.Shorten(folio, 30))} entre los reportes que usted puede ver.");
            return;
        }

        var buttons = new List<(string, string)[]>();
        var card = Card(turn, record);
        if (Refusal(turn, record) is null)
        {
            buttons.Add([("✏️ Corregir", $"m:{record.Id}")]);
            buttons.Add([("🗑 Anular", $"v:{record.Id}")]);
        }
        else if (!record.IsVoided && Access.MayCorrect(turn, record) && Locked(turn, record))
        {
            // Said before anything is typed: this record can no longer be corrected here.
            card += "\n\n" + ReportFlow.Locked(Instants.ParseDate(record.EventDate));
        }

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
            turn.Attach(fileId, record.EvidenceKind == "photo", $"Evidencia del folio {record.Folio}");
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
            turn.State.Reset();
            turn.Say(refusal, mainKeyboard: true);
            return;
        }

        switch (turn.State.Step)
        {
            case Step.VoidReason:
                if (Reason(turn) is { } reason)
                {
                    var result = new RecordStore(turn.Db).Void(record!.Id, turn.Actor, reason, turn.Now);
                    turn.State.Reset();
                    turn.Say(result == VoidResult.Voided ? $"🗑 Folio {record.Folio} anulado. Motivo: {Html.Escape(reason)}" : VoidRefusal(turn, result, record.Folio), mainKeyboard: true);
                }

                break;
            case Step.AmendField:
                if (Fields(turn, record!).FirstOrDefault(f => turn.Action == $"f:{f.Key}") is { } field)
                {
                    turn.State.Get<AmendTask>().Field = field.Key;
                    AskValue(turn, record!, field, Current(record!, field));
                }
                else
                {
                    turn.Say("Toque el dato que desea corregir.");
                }

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
                turn.State.Reset();
                turn.Say(VoidRefusal(turn, VoidResult.HasDependents, record.Folio), mainKeyboard: true);
                return;
            }

            turn.State.Task = new VoidTask { RecordId = record.Id };
            turn.Ask(Step.VoidReason, $"¿Por qué anula el folio <b>{record.Folio}</b>? Escriba el motivo.\nEjemplo: Lo registré dos veces.", [], back: false);
        }
        else
        {
            turn.State.Task = new AmendTask { RecordId = record!.Id };
            turn.Ask(Step.AmendField, $"¿Qué dato del folio <b>{record.Folio}</b> desea corregir?",
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
        : record.IsVoided ? VoidRefusal(turn, VoidResult.AlreadyVoided, record.Folio)
        : Locked(turn, record) ? ReportFlow.Locked(Instants.ParseDate(record.EventDate))
        : null;

    private static bool Locked(Turn turn, RecordRow record) => turn.IsLocked(Instants.ParseDate(record.EventDate));

    /// <summary>Asks for the new value of a field: the council by buttons, anything else typed. The current value is shown the first time.</summary>
    private static void AskValue(Turn turn, RecordRow record, ReportField field, string? current)
    {
        if (field == ReportField.Council)
        {
            turn.Ask(Step.AmendValue, RecordsText.AskCouncil(record.Folio, record.CouncilName),
                OtherCouncils(turn, record).Select(c => new[] { (Html.Shorten(c.Name, 40), $"c:{c.Id}") }), back: false);
        }
        else
        {
            var now = current is null ? "" : $" Valor actual: {Html.Escape(current)}";
            turn.Ask(Step.AmendValue, $"Escriba el nuevo valor de <b>{field.Label}</b>.{now}", [], back: false);
        }
    }

    private static void AmendValue(Turn turn, RecordRow record)
    {
        if (AmendedField(turn, record) is not { } field)
        {
            turn.State.Reset();
            turn.Say(RecordsText.NotAvailable, mainKeyboard: true);
            return;
        }

        var text = turn.Text ?? "";
        string? value = null;
        string? problem = null;
        switch (field.Type)
        {
            case FieldType.Date:
                var year = Instants.ParseDate(record.EventDate).Year;
                if (!DateText.TryParse(text, turn.Today, year, out var date))
                {
                    problem = $"No entendí la fecha. Escríbala así: {Numbers.Date(DateText.Example(year, turn.Today))}.";
                }
                else if (date.Year != year || date > turn.Today)
                {
                    problem = $"La fecha debe ser del {year} y no posterior a hoy.";
                }
                else if (turn.IsLocked(date))
                {
                    problem = ReportFlow.Locked(date);
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
            case FieldType.Pick:
                // The council (the only choice offered; links between records are not corrected).
                if (OtherCouncils(turn, record).FirstOrDefault(c => c.Id == turn.ActionId("c")) is { } council)
                {
                    value = council.Id.ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    problem = RecordsText.TapCouncil;
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
                    problem = $"Escriba un número entero de {least} a {Numbers.Int(field.Max)}.";
                }

                break;
            default:
                if (text.Length == 0 || text.Length > field.Max)
                {
                    problem = $"Escriba el nuevo texto (máximo {Numbers.Int(field.Max)} caracteres).";
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
            AskValue(turn, record, field, null);
            return;
        }

        turn.State.Get<AmendTask>().Value = value;
        turn.Ask(Step.AmendReason, "¿Por qué se corrige? Escriba el motivo.\nEjemplo: El acta dice otra fecha.", [], back: false);
    }

    private static void AmendReason(Turn turn, RecordRow record)
    {
        var task = turn.State.Get<AmendTask>();
        var field = AmendedField(turn, record);
        if (field is null || task.Value is not { } value
            || (field == ReportField.Council && !OtherCouncils(turn, record).Any(c => c.Id.ToString(CultureInfo.InvariantCulture) == value)))
        {
            // The field is no longer offered (a management now points to the record) or the council is no longer the person's.
            turn.State.Reset();
            turn.Say(RecordsText.NotAvailable, mainKeyboard: true);
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
            ? $"✏️ Folio {record.Folio} corregido: {field.Label} {Html.Escape(old ?? "(vacío)")} → {Html.Escape(shown)}. Motivo: {Html.Escape(why)}"
            : $"No pude corregir el folio {record.Folio}: ya está anulado.", mainKeyboard: true);
    }

    private static string? Reason(Turn turn)
    {
        var text = turn.Text;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
        {
            turn.Say("Escriba el motivo en un mensaje (máximo 500 caracteres). Para no hacer nada, toque Cancelar.");
            turn.Ask(turn.State.Step, "Escriba el motivo, por favor.", [], back: false);
            return null;
        }

        return text;
    }

    private static string VoidRefusal(Turn turn, VoidResult result, string folio)
    {
        if (result != VoidResult.HasDependents)
        {
            return $"El folio {folio} ya estaba anulado; no se cambió nada.";
        }

        var records = new RecordStore(turn.Db);
        var dependent = records.Dependent(records.ByFolio(folio)!.Id)!;
        return ActivityKinds.FromCode(dependent.Kind).Link == KindLink.Manages
            ? $"No se puede anular el folio {folio}: esa solicitud ya tiene una gestión registrada ({dependent.Folio}). Si la solicitud está mal, anule primero la gestión."
            : $"No se puede anular el folio {folio}: otro consejo registró su participación en ese programa ({dependent.Folio}). Si el programa está mal, anule primero ese folio.";
    }

    /// <summary>
    /// What may be corrected in a record: its council (when it can move, <see cref="OtherCouncils"/>), its date and the
    /// answers to its kind's questions (not its links).
    /// </summary>
    private static IEnumerable<ReportField> Fields(Turn turn, RecordRow r)
    {
        var fields = ActivityKinds.FromCode(r.Kind).Fields.Where(f => f.Type is FieldType.Number or FieldType.Text).Prepend(ReportField.Date);
        return OtherCouncils(turn, r).Count > 0 ? fields.Prepend(ReportField.Council) : fields;
    }

    /// <summary>
    /// The councils a record may move to: the person's others (every council for the Dirección), for a record that points
    /// to no other and that none points to (a request and its management stay together), and not the imported document's.
    /// </summary>
    private static List<CouncilRow> OtherCouncils(Turn turn, RecordRow r) =>
        r.Kind == ActivityKind.Baseline.Code || r.RefId is not null || new RecordStore(turn.Db).Dependent(r.Id) is not null
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
        string iso when f.Type == FieldType.Date => Numbers.Date(Instants.ParseDate(iso)),
        long number => Numbers.Int(number),
        var value => value as string,
    };

    private static string Display(Turn turn, ReportField f, string value) =>
        f == ReportField.Council ? Access.Councils(turn).FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == value)?.Name ?? ""
        : f.Type == FieldType.Date ? Numbers.Date(Instants.ParseDate(value)) : value;

    private static string Card(Turn turn, RecordRow r)
    {
        var lines = new List<string>
        {
            $"<b>Folio {r.Folio}</b>{(r.IsVoided ? " — <b>ANULADO</b>" : "")}",
            $"Actividad: {r.ActivityNum}. {Html.Escape(Html.Shorten(Html.Sentence(r.ActivityName), 60))}",
            $"Consejo: {Html.Escape(r.CouncilName)}",
            $"Fecha: {Numbers.Date(Instants.ParseDate(r.EventDate))}",
        };
        var kind = ActivityKinds.FromCode(r.Kind);
        lines.AddRange(kind.Fields.Select(f => ReportFlow.AnswerLine(turn, kind, f, r.Value(f.Column))).OfType<string>());
        lines.Add(r.EvidenceHash is not null ? "Evidencia: archivo guardado" : r.EvidenceFileId is null ? "Evidencia: sin evidencia" : "Evidencia: adjunta");
        if (r.IsVoided)
        {
            lines.Add($"Anulado por: {Html.Escape(r.VoidedBy is { } by ? AuditText.Person(by) : null)}\nMotivo: {Html.Escape(r.VoidReason)}");
        }

        foreach (var a in new AuditStore(turn.Db).ForRecord(r.Id).Where(a => a.Action == "amend"))
        {
            lines.Add(Html.Escape(AuditText.Line(a, turn.Settings.Clock.Zone)));
        }

        return string.Join('\n', lines);
    }
}
