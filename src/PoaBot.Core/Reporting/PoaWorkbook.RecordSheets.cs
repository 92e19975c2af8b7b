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
        IReadOnlyList<ExportRecordRow> Of(ActivityKind kind) => data.Records.Where(r => r.Kind == kind).ToList();
        var sheets = ActivityKinds.Reportable.Select(kind => XlsxTable.Create(kind.Sheet, strings, Of(kind), empty, KindColumns(kind).ToArray())).ToList();

        sheets.Add(XlsxTable.Create(ActivityKind.Baseline.Sheet, strings, Of(ActivityKind.Baseline), empty,
            Folio(),
            Activity(),
            XlsxColumn<ExportRecordRow>.Text("Bimestre", 16, r => Bimesters.DocumentName(Bimesters.Of(r.EventDate))),
            XlsxColumn<ExportRecordRow>.Date("Fecha", r => r.EventDate),
            XlsxColumn<ExportRecordRow>.Int("Cantidad", 10, r => r.Count),
            State(feminine: false),
            VoidReason()));

        // Written justifications and, for closed bimesters out of the green band without one, what is missing.
        var justifications = data.Justifications
            .Select(j => new JustificationLine(j.ActivityNum, j.Bimester, j.Text, j.Author, TimeZoneInfo.ConvertTime(j.At, data.TimeZone).DateTime))
            .Concat(data.MissingJustifications().Select(m => new JustificationLine(m.ActivityNum, m.Bimester, ExportText.MissingJustification, null, null)))
            .OrderBy(j => j.ActivityNum, ActivityNumber.Order).ThenBy(j => j.Bimester).ToList();
        sheets.Add(XlsxTable.Create("Justificaciones", strings, justifications,
            ExportText.NoJustificationSheet(data.AsOf),
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

    /// <summary>A kind's sheet: folio, date, activity, council, its fields in order, what its links add, evidence and state.</summary>
    private static IEnumerable<XlsxColumn<ExportRecordRow>> KindColumns(ActivityKind kind)
    {
        yield return Folio();
        yield return XlsxColumn<ExportRecordRow>.Date(kind.DateLabel, r => r.EventDate);
        yield return Activity();
        yield return Council();
        foreach (var field in kind.Fields)
        {
            switch (field.Type)
            {
                case FieldType.Number:
                    yield return XlsxColumn<ExportRecordRow>.Int(field.Label, field.Width, r => (long?)r.Value(field.Column));
                    break;
                case FieldType.Text when field.Max > 200:
                    yield return XlsxColumn<ExportRecordRow>.Long(field.Label, field.Width, r => (string?)r.Value(field.Column));
                    break;
                case FieldType.Text:
                    yield return XlsxColumn<ExportRecordRow>.Text(field.Label, field.Width, r => (string?)r.Value(field.Column));
                    break;
                case FieldType.Pick when kind.Link == KindLink.Manages:
                    yield return XlsxColumn<ExportRecordRow>.Text("Folio de la solicitud", 16, r => r.RefFolio);
                    yield return XlsxColumn<ExportRecordRow>.Date("Fecha de la solicitud", r => r.RefDate);
                    yield return XlsxColumn<ExportRecordRow>.Long("Qué se solicitó", 45, r => r.RefSubject);
                    break;
            }
        }

        if (kind.Link == KindLink.Shares)
        {
            yield return XlsxColumn<ExportRecordRow>.Int("Cuenta", 8, r => r.Count);
            yield return XlsxColumn<ExportRecordRow>.Text("Nota", 36, r => r.RefFolio is null ? null : $"Participación en el programa del folio {r.RefFolio}");
        }

        if (kind.Link == KindLink.Managed)
        {
            yield return XlsxColumn<ExportRecordRow>.Text("Estado", 26, r => RequestState(r));
            yield return XlsxColumn<ExportRecordRow>.Text("Folio de gestión", 16, r => r.ManagedFolio);
            yield return XlsxColumn<ExportRecordRow>.Date("Fecha de gestión", r => r.ManagedDate);
        }

        yield return Evidence();
        yield return CreatedBy();
        if (kind.Link != KindLink.Managed)
        {
            yield return State(kind.Feminine);
        }

        yield return VoidReason();
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
        return r.CarriedOver ? $"{state} (recibida en {r.EventDate.Year})" : state;
    }
}
