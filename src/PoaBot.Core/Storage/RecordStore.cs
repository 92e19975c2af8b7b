using System.Globalization;
using Dapper;
using PoaBot.Core.Domain;

namespace PoaBot.Core.Storage;

public class RecordRow
{
    public long Id { get; init; }

    public string Folio { get; init; } = "";

    public long ActivityId { get; init; }

    public long CouncilId { get; init; }

    public ActivityKind Kind { get; init; } = ActivityKind.Generic;

    public DateOnly EventDate { get; init; }

    public long Count { get; init; } = 1;

    public long? Attendees { get; init; }

    public string? Agreements { get; init; }

    public string? Subject { get; init; }

    public string? Requester { get; init; }

    public string? Area { get; init; }

    public long? Beneficiaries { get; init; }

    public long? RefId { get; init; }

    public long? CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? VoidedAt { get; init; }

    public string? VoidedBy { get; init; }

    public string? VoidReason { get; init; }

    // Joined, read-only.
    public string CouncilName { get; init; } = "";

    public string ActivityNum { get; init; } = "";

    public string ActivityName { get; init; } = "";

    /// <summary>The activity's kind (its override, else the one detected), for its name in the chat.</summary>
    public ActivityKind ActivityKind { get; init; } = ActivityKind.Generic;

    public bool IsVoided => VoidedAt is not null;

    /// <summary>The columns a report's answers are kept in (<see cref="Domain.ReportField.Column"/>).</summary>
    public static readonly IReadOnlySet<string> AnswerColumns =
        new HashSet<string> { "event_date", "count", "attendees", "agreements", "subject", "requester", "area", "beneficiaries", "ref_id" };

    /// <summary>The value of one of the <see cref="AnswerColumns"/>: a number, a text or a date.</summary>
    public object? Value(string column) => column switch
    {
        "event_date" => EventDate,
        "count" => Count,
        "attendees" => Attendees,
        "agreements" => Agreements,
        "subject" => Subject,
        "requester" => Requester,
        "area" => Area,
        "beneficiaries" => Beneficiaries,
        "ref_id" => RefId,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Not an answer column."),
    };

    /// <summary>This record with the answers given by column (numbers and dates as invariant text).</summary>
    public RecordRow WithAnswers(IReadOnlyDictionary<string, string> answers)
    {
        string? Text(string column) => answers.GetValueOrDefault(column);
        long? Number(string column) => Text(column) is { } value ? long.Parse(value, CultureInfo.InvariantCulture) : null;
        return new RecordRow
        {
            ActivityId = ActivityId,
            CouncilId = CouncilId,
            Kind = Kind,
            EventDate = Text("event_date") is { } date ? Instants.ParseDate(date) : EventDate,
            Count = Number("count") ?? Count,
            Attendees = Number("attendees"),
            Agreements = Text("agreements"),
            Subject = Text("subject"),
            Requester = Text("requester"),
            Area = Text("area"),
            Beneficiaries = Number("beneficiaries"),
            RefId = Number("ref_id"),
            CreatedBy = CreatedBy,
            CreatedAt = CreatedAt,
        };
    }
}

/// <summary>Dated records of the session's directorate: insert with a folio, void and amend with an audit trail, never delete.</summary>
public sealed class RecordStore(DbSession db)
{
    /// <summary>A record with its names; only the session directorate's (its councils are the directorate's own).</summary>
    private const string Select =
        """
        SELECT r.*, c.name AS council_name, a.num AS activity_num, a.name AS activity_name, coalesce(a.kind_override, a.detected_kind) AS activity_kind
        FROM record r JOIN council c ON c.id = r.council_id AND c.directorate_id = @directorate JOIN activity a ON a.id = r.activity_id
        """;

    /// <summary>The void code of a baseline a re-import replaced (the reason shown is <c>ImportText.ReimportReason</c>).</summary>
    public const string ReimportCode = "reimport";

    /// <summary>A folio as shown and typed: DPC-2024-0007, the directorate's code first.</summary>
    public static string Folio(int year, long number, string code = "DPC") => string.Create(CultureInfo.InvariantCulture, $"{code}-{year}-{number:0000}");

    /// <summary>Inserts a record and gives it the next folio of its directorate and year, e.g. DPC-2024-0007.</summary>
    public RecordRow Insert(RecordRow record)
    {
        var year = record.EventDate.Year;
        var (directorate, code) = db.Single<(long, string)>(
            "SELECT d.id, d.code FROM directorate d JOIN poa p ON p.directorate_id = d.id JOIN activity a ON a.poa_id = p.id WHERE a.id = @ActivityId",
            new { record.ActivityId });
        var next = db.Scalar<long>(
            """
            INSERT INTO folio_counter (directorate_id, year, last) VALUES (@directorate, @year, 1)
            ON CONFLICT (directorate_id, year) DO UPDATE SET last = folio_counter.last + 1
            RETURNING last
            """,
            new { directorate, year });
        // The record's own properties are the parameters (those the statement does not name are left unbound).
        var parameters = new DynamicParameters(record);
        parameters.Add("newFolio", Folio(year, next, code));
        var id = db.Scalar<long>(
            """
            INSERT INTO record (folio, activity_id, council_id, kind, event_date, count, attendees, agreements, subject, requester,
                                area, beneficiaries, ref_id, created_by, created_at)
            VALUES (@newFolio, @ActivityId, @CouncilId, @Kind, @EventDate, @Count, @Attendees, @Agreements, @Subject, @Requester,
                    @Area, @Beneficiaries, @RefId, @CreatedBy, @CreatedAt)
            RETURNING id
            """,
            parameters);
        return Get(id)!;
    }

    public RecordRow? Get(long id) => db.Single<RecordRow>($"{Select} WHERE r.id = @id", new { id, directorate = db.Directorate });

    public RecordRow? ByFolio(string folio) =>
        db.Single<RecordRow>($"{Select} WHERE r.folio = @folio COLLATE NOCASE", new { folio = folio.Trim(), directorate = db.Directorate });

    public IReadOnlyList<RecordRow> LastBy(long personId, int limit) =>
        db.Query<RecordRow>($"{Select} WHERE r.created_by = @personId ORDER BY r.id DESC LIMIT @limit", new { personId, limit, directorate = db.Directorate }).ToList();

    /// <summary>The date of the latest live record a person registered in the directorate.</summary>
    public DateOnly? LastDateBy(long personId) =>
        db.Single<DateOnly?>(
            """
            SELECT max(event_date) FROM record WHERE created_by = @personId AND voided_at IS NULL
              AND council_id IN (SELECT id FROM council WHERE directorate_id = @directorate)
            """,
            new { personId, directorate = db.Directorate });

    public IReadOnlyList<RecordRow> ForActivity(long activityId) =>
        db.Query<RecordRow>($"{Select} WHERE r.activity_id = @activityId ORDER BY r.event_date, r.id", new { activityId, directorate = db.Directorate }).ToList();

    /// <summary>Received requests of these councils that no live managed record points to; earlier years' carry over.</summary>
    public IReadOnlyList<RecordRow> PendingRequests(IReadOnlyCollection<long> councilIds) =>
        db.Query<RecordRow>(
            $"""
            {Select}
            WHERE r.kind = 'request_received' AND r.voided_at IS NULL AND {db.Sql.In("r.council_id", "@councilIds")}
              AND NOT EXISTS (SELECT 1 FROM record m WHERE m.ref_id = r.id AND m.kind = 'request_managed' AND m.voided_at IS NULL)
            ORDER BY r.event_date, r.id
            """,
            new { councilIds = db.Sql.List(councilIds), directorate = db.Directorate }).ToList();

    /// <summary>Social programs already reported this year by any council (for "ya registrado").</summary>
    public IReadOnlyList<RecordRow> Programs(long activityId) =>
        db.Query<RecordRow>(
            $"{Select} WHERE r.activity_id = @activityId AND r.kind = 'social_program' AND r.voided_at IS NULL AND r.ref_id IS NULL ORDER BY r.id",
            new { activityId, directorate = db.Directorate }).ToList();

    /// <summary>A live record that points to this one: the management of a received request, or another council's share of a program.</summary>
    public RecordRow? Dependent(long id) =>
        db.Single<RecordRow>($"{Select} WHERE r.ref_id = @id AND r.voided_at IS NULL ORDER BY r.id LIMIT 1", new { id, directorate = db.Directorate });

    /// <summary>
    /// Voids a record. Refused while a live record points to it (a managed request, a shared program). The reason is for
    /// people; <paramref name="code"/>, for the program to recognise why (<see cref="ReimportCode"/>).
    /// </summary>
    public VoidResult Void(long id, string actor, string reason, DateTimeOffset now, string? code = null)
    {
        var record = Get(id);
        if (record is null)
        {
            return VoidResult.NotFound;
        }

        if (record.IsVoided)
        {
            return VoidResult.AlreadyVoided;
        }

        if (Dependent(id) is not null)
        {
            return VoidResult.HasDependents;
        }

        db.Execute(
            "UPDATE record SET voided_at = @now, voided_by = @actor, void_reason = @reason, void_code = @code WHERE id = @id",
            new { now, actor, reason, code, id });
        new AuditStore(db).Add(now, actor, "void", reason, recordId: id, field: StorageText.StateField, oldValue: Reporting.ExportText.InForce, newValue: Reporting.ExportText.Voided(feminine: false));
        return VoidResult.Voided;
    }

    /// <summary>
    /// Changes one answer of a live record (one of <see cref="RecordRow.AnswerColumns"/>), or its council (<c>council_id</c>,
    /// to a council of people, not the imported document's), keeping old → new in the audit trail (a council by its name).
    /// </summary>
    public bool Amend(long id, string column, string newValue, string actor, string reason, DateTimeOffset now)
    {
        var record = Get(id);
        if (record is null || record.IsVoided)
        {
            return false;
        }

        if (column == ReportField.Council.Column)
        {
            var councilId = long.Parse(newValue, CultureInfo.InvariantCulture);
            var name = db.Single<string>(
                "SELECT name FROM council WHERE id = @councilId AND is_document = 0 AND directorate_id = @directorate", new { councilId, directorate = db.Directorate });
            if (name is null)
            {
                return false;
            }

            db.Execute("UPDATE record SET council_id = @councilId WHERE id = @id", new { councilId, id });
            new AuditStore(db).Add(now, actor, "amend", reason, recordId: id, field: column, oldValue: record.CouncilName, newValue: name);
            return true;
        }

        if (!RecordRow.AnswerColumns.Contains(column))
        {
            return false;
        }

        var old = record.Value(column);
        // The column is one of AnswerColumns (checked above), never text from outside; its type comes from the kind descriptors.
        var number = ActivityKinds.All.SelectMany(k => k.Fields).Any(f => f.Column == column && f.Type == FieldType.Number);
        object value = number ? long.Parse(newValue, CultureInfo.InvariantCulture) : newValue;
        db.Execute($"UPDATE record SET {column} = @value WHERE id = @id", new { value, id });
        new AuditStore(db).Add(now, actor, "amend", reason, recordId: id, field: column, oldValue: old is DateOnly date ? Instants.Format(date) : Convert.ToString(old, CultureInfo.InvariantCulture), newValue: newValue);
        return true;
    }
}

public enum VoidResult
{
    Voided,
    NotFound,
    AlreadyVoided,
    HasDependents,
}
