using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>The confirmation card and saving the record with its folio.</summary>
public static partial class ReportFlow
{
    private static void Save(Turn turn, Draft draft)
    {
        var activity = new PoaStore(turn.Db).Activity(draft.ActivityId);
        var council = Access.Councils(turn).FirstOrDefault(c => c.Id == draft.CouncilId);
        if (draft.CouncilId is not null && council is null)
        {
            // Checked at the moment of writing: the council may have been reassigned while the draft waited.
            turn.State.Reset();
            turn.Say("No pude guardar: ese consejo ya no está a su cargo, así que no se guardó nada. Si cree que es un error, consulte a la Dirección.", mainKeyboard: true);
            return;
        }

        if (activity is null || council is null || draft.Date is not { } date || DateProblem(turn, date) is not null)
        {
            turn.State.Reset();
            turn.Say("No pude guardar: el reporte quedó incompleto o ya no es válido. Empiece de nuevo con /reportar, por favor.", mainKeyboard: true);
            return;
        }

        if (activity.Kind == ActivityKind.RequestManaged && !Pending(turn, draft).Any(r => r.Id == draft.RefId))
        {
            turn.Say("Esa solicitud ya no está pendiente (alguien ya registró su gestión). Elija otra, por favor.");
            Prompt(turn, Step.PendingRequest);
            return;
        }

        var record = new RecordStore(turn.Db).Insert(new RecordRow
        {
            ActivityId = activity.Id,
            CouncilId = council.Id,
            Kind = activity.Kind.Code(),
            EventDate = Instants.Format(date),
            Count = activity.Kind switch
            {
                ActivityKind.Generic => draft.Count ?? 1,
                ActivityKind.SocialProgram when draft.RefId is not null => 0,
                _ => 1,
            },
            Attendees = draft.Attendees,
            Agreements = draft.Agreements,
            Subject = draft.Subject,
            Requester = draft.Requester,
            Area = draft.Area,
            Beneficiaries = draft.Beneficiaries,
            RefId = draft.RefId,
            EvidenceFileId = draft.EvidenceFileId,
            EvidenceHash = draft.EvidenceHash,
            EvidenceKind = draft.EvidenceFileId is null ? null : draft.EvidenceIsPhoto ? "photo" : "document",
            CreatedBy = turn.Person.Id,
            CreatedAt = Instants.Format(turn.Now),
        });
        turn.State.Reset();
        var shared = record.Count == 0 ? "\nEste programa ya estaba registrado por otro consejo: queda su participación, sin contarlo dos veces." : "";
        turn.Say($"✅ Guardado con folio <b>{record.Folio}</b>.{shared}\n\n{SummaryFlow.ActivityAfterSave(turn, activity, Bimesters.Of(date))}", mainKeyboard: true);
    }

    private static string Card(Turn turn, Draft draft)
    {
        var activity = new PoaStore(turn.Db).Activity(draft.ActivityId);
        var council = Access.Councils(turn).FirstOrDefault(c => c.Id == draft.CouncilId);
        var lines = new List<string>
        {
            "<b>Revise su reporte</b>",
            $"Actividad: {Html.Escape(activity is null ? "" : ActivityLabel(activity))}",
            $"Consejo: {Html.Escape(council?.Name)}",
            $"Fecha: {(draft.Date is { } d ? Numbers.Date(d) : "")}",
        };
        if (draft.Attendees is { } attendees)
        {
            lines.Add($"Asistentes: {Numbers.Int(attendees)}");
        }

        if (draft.Agreements is { } agreements)
        {
            lines.Add($"Acuerdos: {Html.Escape(agreements)}");
        }

        if (draft.RefId is { } refId && new RecordStore(turn.Db).Get(refId) is { } referenced)
        {
            lines.Add(activity?.Kind == ActivityKind.RequestManaged
                ? $"Solicitud: {referenced.Folio} — {Html.Escape(Html.Shorten(referenced.Subject ?? "", 80))}"
                : $"Programa ya registrado ({referenced.Folio})");
        }

        if (draft.Subject is { } subject && activity?.Kind != ActivityKind.RequestManaged)
        {
            lines.Add($"{(activity?.Kind switch { ActivityKind.SocialProgram => "Programa", ActivityKind.Generic => "Descripción", _ => "Se solicita" })}: {Html.Escape(subject)}");
        }

        if (draft.Requester is { } requester)
        {
            lines.Add($"Solicitante: {Html.Escape(requester)}");
        }

        if (draft.Area is { } area)
        {
            lines.Add($"Área: {Html.Escape(area)}");
        }

        if (draft.Beneficiaries is { } beneficiaries)
        {
            lines.Add($"Beneficiarios: {Numbers.Int(beneficiaries)}");
        }

        if (draft.Count is { } count)
        {
            lines.Add($"Cantidad: {Numbers.Int(count)}");
        }

        lines.Add($"Evidencia: {(draft.EvidenceFileId is null ? "sin evidencia" : "adjunta ✅")}");
        return string.Join('\n', lines);
    }

    private static void PromptPending(Turn turn, Draft draft)
    {
        var pending = Pending(turn, draft);
        if (pending.Count == 0)
        {
            turn.Ask(Step.PendingRequest, "Este consejo no tiene solicitudes pendientes de gestionar. Primero registre la solicitud recibida; después podrá registrar su gestión.", []);
            return;
        }

        var text = pending.Count > 10 ? "¿Qué solicitud se gestionó? (las 10 más antiguas)" : "¿Qué solicitud se gestionó?";
        turn.Ask(Step.PendingRequest, text, pending.Take(10).Select(r => new[] { ($"{r.Folio} · {Html.Shorten(r.Subject ?? "", 30)}", $"p:{r.Id}") }));
    }
}
