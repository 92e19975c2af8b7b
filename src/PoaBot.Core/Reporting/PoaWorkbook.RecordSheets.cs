using PoaBot.Core.Domain;
using PoaBot.Core.Storage;
using ImportWarning = (string? ActivityNum, string Message);

namespace PoaBot.Core.Reporting;

public static partial class PoaWorkbook
{
    /// <summary>The objective of each activity, printed apart from the POA table (where it would take a page of its own).</summary>
    private static XlsxSheet ObjectivesSheet(PoaWorkbookData data, SharedStrings strings) =>
        XlsxTable.Create(ExportText.ObjectivesSheet, strings, data.Activities, "",
            XlsxColumn<ActivityProgress>.Num(ExportText.Num, a => a.Num),
            XlsxColumn<ActivityProgress>.Long(ExportText.Activity, 45, a => a.Name),
            XlsxColumn<ActivityProgress>.Long(ExportText.Objective, 100, a => data.Objectives.GetValueOrDefault(a.Num)))!;

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
            XlsxColumn<ExportRecordRow>.Text(ExportText.Bimester, 16, r => Bimesters.DocumentName(Bimesters.Of(r.EventDate))),
            XlsxColumn<ExportRecordRow>.Date(ExportText.Date, r => r.EventDate),
            XlsxColumn<ExportRecordRow>.Int(ExportText.Count, 10, r => r.Count),
            State(feminine: false),
            VoidReason()));

        // Written justifications and, for closed bimesters out of the green band without one, what is missing.
        var justifications = data.Justifications
            .Select(j => new JustificationLine(j.ActivityNum, j.Bimester, j.Text, j.Author, TimeZoneInfo.ConvertTime(j.At, data.TimeZone).DateTime))
            .Concat(data.MissingJustifications().Select(m => new JustificationLine(m.ActivityNum, m.Bimester, ExportText.MissingJustification, null, null)))
            .OrderBy(j => j.ActivityNum, ActivityNumber.Order).ThenBy(j => j.Bimester).ToList();
        sheets.Add(XlsxTable.Create(ExportText.JustificationsSheet, strings, justifications,
            ExportText.NoJustificationSheet(data.AsOf),
            XlsxColumn<JustificationLine>.Num(ExportText.Act, j => j.ActivityNum),
            XlsxColumn<JustificationLine>.Text(ExportText.Bimester, 16, j => Bimesters.DocumentName(j.Bimester)),
            XlsxColumn<JustificationLine>.Long(ExportText.Justification, 60, j => j.Text),
            XlsxColumn<JustificationLine>.Text(ExportText.Author, 24, j => j.Author is null ? null : AuditText.Person(j.Author)),
            XlsxColumn<JustificationLine>.DateTime(ExportText.Date, j => j.At)));

        sheets.Add(XlsxTable.Create(ExportText.AuditSheet, strings, data.Audit, empty,
            XlsxColumn<ExportAuditRow>.DateTime(ExportText.Date, a => data.Local(a.At)),
            XlsxColumn<ExportAuditRow>.Text(ExportText.Who, 24, a => AuditText.Person(a.Actor)),
            XlsxColumn<ExportAuditRow>.Text(ExportText.Action, 16, a => AuditText.Action(a.Action)),
            XlsxColumn<ExportAuditRow>.Text(ExportText.Folio, 16, a => a.Folio),
            XlsxColumn<ExportAuditRow>.Num(ExportText.Act, a => a.ActivityNum),
            XlsxColumn<ExportAuditRow>.Text(ExportText.Field, 16, a => AuditText.Field(a.Field)),
            XlsxColumn<ExportAuditRow>.Long(ExportText.Before, 24, a => AuditText.Value(a.Field, a.OldValue, data.TimeZone)),
            XlsxColumn<ExportAuditRow>.Long(ExportText.After, 24, a => AuditText.Value(a.Field, a.NewValue, data.TimeZone)),
            XlsxColumn<ExportAuditRow>.Long(ExportText.Reason, 40, a => a.Reason)));

        sheets.Add(XlsxTable.Create(ExportText.ImportWarningsSheet, strings, data.ImportWarnings, empty,
            XlsxColumn<ImportWarning>.Num(ExportText.Act, w => w.ActivityNum),
            XlsxColumn<ImportWarning>.Long(ExportText.Warning, 110, w => w.Message)));
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
                    yield return XlsxColumn<ExportRecordRow>.Text(ExportText.RequestFolio, 16, r => r.RefFolio);
                    yield return XlsxColumn<ExportRecordRow>.Date(ExportText.RequestDate, r => r.RefDate);
                    yield return XlsxColumn<ExportRecordRow>.Long(ExportText.RequestSubject, 45, r => r.RefSubject);
                    break;
            }
        }

        if (kind.Link == KindLink.Shares)
        {
            yield return XlsxColumn<ExportRecordRow>.Int(ExportText.ShareCount, 8, r => r.Count);
            yield return XlsxColumn<ExportRecordRow>.Text(ExportText.Note, 36, r => r.RefFolio is null ? null : ExportText.ShareNote(r.RefFolio));
        }

        if (kind.Link == KindLink.Managed)
        {
            yield return XlsxColumn<ExportRecordRow>.Text(ExportText.State, 26, r => RequestState(r));
            yield return XlsxColumn<ExportRecordRow>.Text(ExportText.ManagedFolio, 16, r => r.ManagedFolio);
            yield return XlsxColumn<ExportRecordRow>.Date(ExportText.ManagedDate, r => r.ManagedDate);
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

    private static XlsxColumn<ExportRecordRow> Folio() => XlsxColumn<ExportRecordRow>.Text(ExportText.Folio, 16, r => r.Folio);

    private static XlsxColumn<ExportRecordRow> Activity() => XlsxColumn<ExportRecordRow>.Num(ExportText.Act, r => r.ActivityNum);

    private static XlsxColumn<ExportRecordRow> Council() => XlsxColumn<ExportRecordRow>.Text(ExportText.Council, 28, r => r.CouncilName);

    private static XlsxColumn<ExportRecordRow> Evidence() =>
        XlsxColumn<ExportRecordRow>.Text(ExportText.Evidence, 20, r => r.EvidencePhotos + r.EvidenceDocuments == 0 ? null
            : Conversations.EvidenceText.Summary((int)r.EvidencePhotos, (int)r.EvidenceDocuments));

    private static XlsxColumn<ExportRecordRow> CreatedBy() => XlsxColumn<ExportRecordRow>.Text(ExportText.CreatedBy, 22, r => r.CreatedByName);

    private static XlsxColumn<ExportRecordRow> State(bool feminine) =>
        XlsxColumn<ExportRecordRow>.Text(ExportText.State, 11, r => r.IsVoided ? ExportText.Voided(feminine) : ExportText.InForce);

    private static XlsxColumn<ExportRecordRow> VoidReason() => XlsxColumn<ExportRecordRow>.Long(ExportText.VoidReason, 30, r => r.VoidReason);

    private static string RequestState(ExportRecordRow r)
    {
        var state = r.IsVoided ? ExportText.Voided(feminine: true) : r.ManagedFolio is not null ? ExportText.Managed : ExportText.Pending;
        return r.CarriedOver ? ExportText.CarriedOver(state, r.EventDate.Year) : state;
    }
}
