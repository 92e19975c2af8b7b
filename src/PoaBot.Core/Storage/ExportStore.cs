namespace PoaBot.Core.Storage;

/// <summary>A record as the exports show it: its council, activity, who registered it, and the request it manages or is managed by.</summary>
public sealed class ExportRecordRow : RecordRow
{
    public string? CreatedByName { get; init; }

    /// <summary>For a managed request or a shared social program: the record it points to.</summary>
    public string? RefFolio { get; init; }

    public DateOnly? RefDate { get; init; }

    public string? RefSubject { get; init; }

    /// <summary>For a received request: the live managed record that points to it, if dated up to the export's date.</summary>
    public string? ManagedFolio { get; init; }

    public DateOnly? ManagedDate { get; init; }

    /// <summary>How many of the record's evidence files are photos, and how many documents.</summary>
    public long EvidencePhotos { get; init; }

    public long EvidenceDocuments { get; init; }

    /// <summary>A received request of an earlier year, still pending when this year began.</summary>
    public bool CarriedOver { get; set; }
}

/// <summary>An audit entry with the folio and activity number it concerns.</summary>
public sealed class ExportAuditRow : AuditRow
{
    public string? Folio { get; init; }

    public string? ActivityNum { get; init; }
}

/// <summary>Read-only queries for the exports (XLSX): every record of a POA, its audit trail.</summary>
public sealed class ExportStore(DbSession db)
{
    private const string Select =
        """
        SELECT r.*, a.num AS activity_num, c.name AS council_name, p.name AS created_by_name,
               ref.folio AS ref_folio, ref.event_date AS ref_date, ref.subject AS ref_subject,
               m.folio AS managed_folio, m.event_date AS managed_date,
               (SELECT count(*) FROM evidence e WHERE e.record_id = r.id AND e.kind = 'photo') AS evidence_photos,
               (SELECT count(*) FROM evidence e WHERE e.record_id = r.id AND e.kind = 'document') AS evidence_documents
        FROM record r
        JOIN activity a ON a.id = r.activity_id
        JOIN council c ON c.id = r.council_id
        LEFT JOIN person p ON p.id = r.created_by
        LEFT JOIN record ref ON ref.id = r.ref_id
        LEFT JOIN record m ON m.ref_id = r.id AND m.kind = 'request_managed' AND m.voided_at IS NULL AND m.event_date <= @asOf
        """;

    /// <summary>Every record of the POA dated up to <paramref name="asOf"/>, voided ones included, in date order.</summary>
    public IReadOnlyList<ExportRecordRow> Records(long poaId, DateOnly asOf) =>
        db.Query<ExportRecordRow>(
            $"{Select} WHERE a.poa_id = @poaId AND r.event_date <= @asOf ORDER BY r.event_date, r.id",
            new { poaId, asOf }).ToList();

    /// <summary>Live received requests of earlier years that no live managed record dated before <paramref name="yearStart"/> points to.</summary>
    public IReadOnlyList<ExportRecordRow> CarriedOverRequests(DateOnly yearStart, DateOnly asOf) =>
        db.Query<ExportRecordRow>(
            $"""
            {Select}
            WHERE r.kind = 'request_received' AND r.voided_at IS NULL AND r.event_date < @yearStart AND c.directorate_id = @directorate
              AND NOT EXISTS (SELECT 1 FROM record g WHERE g.ref_id = r.id AND g.kind = 'request_managed' AND g.voided_at IS NULL
                              AND g.event_date < @yearStart)
            ORDER BY r.event_date, r.id
            """,
            new { yearStart, asOf, directorate = db.Directorate })
            .Select(r =>
            {
                r.CarriedOver = true;
                return r;
            }).ToList();

    /// <summary>The audit entries about this POA's records and activities, and the directorate's about no record or activity (people).</summary>
    public IReadOnlyList<ExportAuditRow> Audit(long poaId) =>
        db.Query<ExportAuditRow>(
            """
            SELECT au.id, au.at, au.actor, au.action, au.field, au.old_value, au.new_value, au.reason,
                   r.folio, coalesce(ra.num, aa.num) AS activity_num
            FROM audit au
            LEFT JOIN record r ON r.id = au.record_id
            LEFT JOIN activity ra ON ra.id = r.activity_id
            LEFT JOIN activity aa ON aa.id = au.activity_id
            WHERE coalesce(ra.poa_id, aa.poa_id) = @poaId OR (au.record_id IS NULL AND au.activity_id IS NULL AND au.directorate_id = @directorate)
            ORDER BY au.id
            """,
            new { poaId, directorate = db.Directorate }).ToList();
}
