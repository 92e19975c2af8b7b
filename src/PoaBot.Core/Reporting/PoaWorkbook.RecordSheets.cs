using PoaBot.Core.Domain;
using PoaBot.Core.Storage;
using ImportWarning = (string? ActivityNum, string Message);

namespace PoaBot.Core.Reporting;

public static partial class PoaWorkbook
{
    /// <summary>The objective of each activity, printed apart from the POA table (where it would take a page of its own).</summary>
    private static XlsxSheet ObjectivesSheet(PoaWorkbookData data, SharedStrings strings) =>
        XlsxTable.Create("Objetivos", strings, data.Activities, "",
            XlsxColumn<ActivityProgress>.Num("Núm.", a => a.Num),
            XlsxColumn<ActivityProgress>.Long("Actividad", 45, a => a.Name),
            XlsxColumn<ActivityProgress>.Long("Objetivo", 100, a => data.Objectives.GetValueOrDefault(a.Num)))!;

    /// <summary>One sheet per kind of record, then justifications, the audit trail and the import warnings.</summary>
    private static IEnumerable<XlsxSheet> RecordSheets(PoaWorkbookData data, SharedStrings strings)
    {
        // A sheet only where there is something to show (null: no sheet); an empty one would print a page that says nothing.
        const string? empty = null;
        IReadOnlyList<ExportRecordRow> Of(string kind) => data.Records.Where(r => r.Kind == kind).ToList();
        var sheets = new List<XlsxSheet?>();

        sheets.Add(XlsxTable.Create("Reuniones", strings, Of("meeting"), empty,
            Folio(),
            XlsxColumn<ExportRecordRow>.Date("Fecha", r => Day(r.EventDate)),
            Activity(),
            Council(),
            XlsxColumn<ExportRecordRow>.Int("Asistentes", 11, r => r.Attendees),
            XlsxColumn<ExportRecordRow>.Long("Acuerdos", 50, r => r.Agreements),
            Evidence(),
            CreatedBy(),
            State(feminine: false),
            VoidReason()));

        sheets.Add(XlsxTable.Create("Solicitudes", strings, Of("request_received"), empty,
            Folio(),
            XlsxColumn<ExportRecordRow>.Date("Fecha recibida", r => Day(r.EventDate)),
            Activity(),
            Council(),
            XlsxColumn<ExportRecordRow>.Long("Qué se solicita", 45, r => r.Subject),
            XlsxColumn<ExportRecordRow>.Text("Solicitante", 24, r => r.Requester),
            XlsxColumn<ExportRecordRow>.Text("Área", 24, r => r.Area),
            XlsxColumn<ExportRecordRow>.Text("Estado", 26, r => RequestState(r)),
            XlsxColumn<ExportRecordRow>.Text("Folio de gestión", 16, r => r.ManagedFolio),
            XlsxColumn<ExportRecordRow>.Date("Fecha de gestión", r => Day(r.ManagedDate)),
            Evidence(),
            CreatedBy(),
            VoidReason()));

        sheets.Add(XlsxTable.Create("Gestiones", strings, Of("request_managed"), empty,
            Folio(),
            XlsxColumn<ExportRecordRow>.Date("Fecha de gestión", r => Day(r.EventDate)),
            Activity(),
            Council(),
            XlsxColumn<ExportRecordRow>.Text("Folio de la solicitud", 16, r => r.RefFolio),
            XlsxColumn<ExportRecordRow>.Date("Fecha de la solicitud", r => Day(r.RefDate)),
            XlsxColumn<ExportRecordRow>.Long("Qué se solicitó", 45, r => r.RefSubject),
            XlsxColumn<ExportRecordRow>.Text("Gestionada ante", 26, r => r.Area),
            Evidence(),
            CreatedBy(),
            State(feminine: true),
            VoidReason()));

        sheets.Add(XlsxTable.Create("Programas", strings, Of("social_program"), empty,
            Folio(),
            XlsxColumn<ExportRecordRow>.Date("Fecha", r => Day(r.EventDate)),
            Activity(),
            Council(),
            XlsxColumn<ExportRecordRow>.Long("Programa", 40, r => r.Subject),
            XlsxColumn<ExportRecordRow>.Int("Beneficiarios", 13, r => r.Beneficiaries),
            XlsxColumn<ExportRecordRow>.Int("Cuenta", 8, r => r.Count),
            XlsxColumn<ExportRecordRow>.Text("Nota", 36, r => r.RefFolio is null ? null : $"Participación en el programa del folio {r.RefFolio}"),
            Evidence(),
            CreatedBy(),
            State(feminine: false),
            VoidReason()));

        sheets.Add(XlsxTable.Create("Acciones", strings, Of("generic"), empty,
            Folio(),
            XlsxColumn<ExportRecordRow>.Date("Fecha", r => Day(r.EventDate)),
            Activity(),
            Council(),
            XlsxColumn<ExportRecordRow>.Int("Cantidad", 10, r => r.Count),
            XlsxColumn<ExportRecordRow>.Long("Descripción", 50, r => r.Subject),
            Evidence(),
            CreatedBy(),
            State(feminine: false),
            VoidReason()));

        sheets.Add(XlsxTable.Create("Línea base", strings, Of("baseline"), empty,
            Folio(),
            Activity(),
            XlsxColumn<ExportRecordRow>.Text("Bimestre", 16, r => Bimesters.DocumentName(Bimesters.Of(Day(r.EventDate)!.Value))),
            XlsxColumn<ExportRecordRow>.Date("Fecha", r => Day(r.EventDate)),
            XlsxColumn<ExportRecordRow>.Int("Cantidad", 10, r => r.Count),
            State(feminine: false),
            VoidReason()));

        // Written justifications and, for closed bimesters out of the green band without one, what is missing.
        var justifications = data.Justifications
            .Select(j => new JustificationLine(j.ActivityNum, j.Bimester, j.Text, j.Author, TimeZoneInfo.ConvertTime(j.At, data.TimeZone).DateTime))
            .Concat(data.MissingJustifications().Select(m => new JustificationLine(m.ActivityNum, m.Bimester, "Falta justificación", null, null)))
            .OrderBy(j => j.ActivityNum, ActivityNumber.Order).ThenBy(j => j.Bimester).ToList();
        sheets.Add(XlsxTable.Create("Justificaciones", strings, justifications,
            $"Ninguna actividad requiere justificación al {Numbers.Date(data.AsOf)}: en los bimestres cerrados todas quedaron en verde o sin programa.",
            XlsxColumn<JustificationLine>.Num("Act.", j => j.ActivityNum),
            XlsxColumn<JustificationLine>.Text("Bimestre", 16, j => Bimesters.DocumentName(j.Bimester)),
            XlsxColumn<JustificationLine>.Long("Justificación", 60, j => j.Text),
            XlsxColumn<JustificationLine>.Text("Autor", 24, j => j.Author is null ? null : AuditText.Person(j.Author)),
            XlsxColumn<JustificationLine>.DateTime("Fecha", j => j.At)));

        sheets.Add(XlsxTable.Create("Auditoría", strings, data.Audit, empty,
            XlsxColumn<ExportAuditRow>.DateTime("Fecha", a => data.Local(a.At)),
            XlsxColumn<ExportAuditRow>.Text("Quién", 24, a => AuditText.Person(a.Actor)),
            XlsxColumn<ExportAuditRow>.Text("Acción", 16, a => AuditText.Action(a.Action)),
            XlsxColumn<ExportAuditRow>.Text("Folio", 16, a => a.Folio),
            XlsxColumn<ExportAuditRow>.Num("Act.", a => a.ActivityNum),
            XlsxColumn<ExportAuditRow>.Text("Campo", 16, a => AuditText.Field(a.Field)),
            XlsxColumn<ExportAuditRow>.Long("Antes", 24, a => AuditText.Value(a.Field, a.OldValue, data.TimeZone)),
            XlsxColumn<ExportAuditRow>.Long("Después", 24, a => AuditText.Value(a.Field, a.NewValue, data.TimeZone)),
            XlsxColumn<ExportAuditRow>.Long("Motivo", 40, a => a.Reason)));

        sheets.Add(XlsxTable.Create("Advertencias de importación", strings, data.ImportWarnings, empty,
            XlsxColumn<ImportWarning>.Num("Act.", w => w.ActivityNum),
            XlsxColumn<ImportWarning>.Long("Advertencia", 110, w => w.Message)));
        return sheets.OfType<XlsxSheet>();
    }

    private sealed record JustificationLine(string ActivityNum, int Bimester, string Text, string? Author, DateTime? At);

    private static XlsxColumn<ExportRecordRow> Folio() => XlsxColumn<ExportRecordRow>.Text("Folio", 16, r => r.Folio);

    private static XlsxColumn<ExportRecordRow> Activity() => XlsxColumn<ExportRecordRow>.Num("Act.", r => r.ActivityNum);

    private static XlsxColumn<ExportRecordRow> Council() => XlsxColumn<ExportRecordRow>.Text("Consejo", 28, r => r.CouncilName);

    private static XlsxColumn<ExportRecordRow> Evidence() =>
        XlsxColumn<ExportRecordRow>.Text("Evidencia", 11, r => r.EvidenceKind switch
        {
            "photo" => "foto",
            "document" => "documento",
            _ => null,
        });

    private static XlsxColumn<ExportRecordRow> CreatedBy() => XlsxColumn<ExportRecordRow>.Text("Registró", 22, r => r.CreatedByName);

    private static XlsxColumn<ExportRecordRow> State(bool feminine) =>
        XlsxColumn<ExportRecordRow>.Text("Estado", 11, r => r.IsVoided ? (feminine ? "anulada" : "anulado") : "vigente");

    private static XlsxColumn<ExportRecordRow> VoidReason() => XlsxColumn<ExportRecordRow>.Long("Motivo de anulación", 30, r => r.VoidReason);

    private static string RequestState(ExportRecordRow r)
    {
        var state = r.IsVoided ? "anulada" : r.ManagedFolio is not null ? "gestionada" : "pendiente";
        return r.CarriedOver ? $"{state} (recibida en {r.EventDate[..4]})" : state;
    }

    private static DateOnly? Day(string? isoDate) => isoDate is null ? null : Instants.ParseDate(isoDate);
}
