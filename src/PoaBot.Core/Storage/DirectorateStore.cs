using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PoaBot.Core.Domain;
using PoaBot.Core.Reminders;
using PoaBot.Core.Reporting;

namespace PoaBot.Core.Storage;

/// <summary>A directorate: its code (the folio prefix), its name (empty: <c>Poa:Directorate</c> or the imported file's) and its own settings.</summary>
public sealed class DirectorateRow
{
    public long Id { get; init; }

    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public DirectorateSettings? Settings { get; init; }

    /// <summary>Read for a person (<see cref="DirectorateStore.Of"/>): their role there («planeacion» where they only read).</summary>
    public string Role { get; init; } = "";
}

/// <summary>
/// What a directorate sets for itself over the global settings, stored as JSON in its row with the settings' own names:
/// <c>{"Semaforo": {"Green": 95}, "Reminders": {"DaysBefore": [5, 1], "At": "10:00"}, "Report": {"Authorized": {"Name": "…", "Position": "…"}}}</c>.
/// </summary>
public sealed record DirectorateSettings
{
    public ThresholdSettings? Semaforo { get; init; }

    public ReminderOverrides? Reminders { get; init; }

    public SignatureSettings? Report { get; init; }

    public sealed record ThresholdSettings(decimal? Green, decimal? Yellow, decimal? Over);

    public sealed record ReminderOverrides(int[]? DaysBefore, string? At, string? QuietHours);

    public sealed record SignatureSettings(Signatory? Prepared, Signatory? Reviewed, Signatory? Authorized);

    /// <summary>The settings written as JSON; null when the text is not such an object.</summary>
    public static DirectorateSettings? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, DirectorateJson.Default.DirectorateSettings);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, DirectorateJson.Default.DirectorateSettings);

    /// <summary>The semáforo thresholds: the directorate's where it sets them, else the global ones.</summary>
    public SemaforoThresholds Thresholds(SemaforoThresholds global) =>
        Semaforo is { } s ? new(s.Green ?? global.Green, s.Yellow ?? global.Yellow, s.Over ?? global.Over) : global;

    /// <summary>The reminder schedule: the directorate's where it sets it, else the global one; null when what it sets is not valid.</summary>
    public ReminderSettings? Schedule(ReminderSettings global) =>
        Reminders is { } r
            ? ReminderSettings.Parse(
                r.DaysBefore ?? global.DaysBefore,
                r.At ?? global.At.ToString("HH:mm", CultureInfo.InvariantCulture),
                r.QuietHours ?? string.Create(CultureInfo.InvariantCulture, $"{global.QuietStart:HH:mm}-{global.QuietEnd:HH:mm}"))
            : global;

    /// <summary>The signature block: the directorate's signatories where it names them, else the global ones.</summary>
    public ReportSignature Signature(ReportSignature global) =>
        Report is { } r ? global with { Prepared = r.Prepared ?? global.Prepared, Reviewed = r.Reviewed ?? global.Reviewed, Authorized = r.Authorized ?? global.Authorized } : global;

    /// <summary>Whether these settings can be used over the global ones: thresholds in order, a readable schedule.</summary>
    public bool IsValid(SemaforoThresholds thresholds, ReminderSettings reminders) =>
        Thresholds(thresholds) is var t && t.Yellow <= t.Green && t.Green <= t.Over && Schedule(reminders) is not null;
}

[JsonSerializable(typeof(DirectorateSettings))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
internal sealed partial class DirectorateJson : JsonSerializerContext;

/// <summary>The directorates of the deployment, and which of them a person works in.</summary>
public sealed class DirectorateStore(DbSession db)
{
    public IReadOnlyList<DirectorateRow> All() => db.Query<DirectorateRow>("SELECT * FROM directorate ORDER BY id").ToList();

    public DirectorateRow? Get(long id) => db.Single<DirectorateRow>("SELECT * FROM directorate WHERE id = @id", new { id });

    /// <summary>The session's own directorate.</summary>
    public DirectorateRow Current() => Get(db.Directorate)!;

    public DirectorateRow? ByCode(string code) =>
        db.Single<DirectorateRow>("SELECT * FROM directorate WHERE code = @code", new { code = code.Trim().ToUpperInvariant() });

    /// <summary>Adds a directorate; false when the code is taken.</summary>
    public bool Add(string code, string name, DirectorateSettings? settings) =>
        db.Execute(
            "INSERT INTO directorate (code, name, settings) VALUES (@code, @name, @settings) ON CONFLICT DO NOTHING",
            new { code = code.Trim().ToUpperInvariant(), name = name.Trim(), settings }) == 1;

    /// <summary>Changes a directorate's name or settings (what is null stays).</summary>
    public void Update(long id, string? name, DirectorateSettings? settings) =>
        db.Execute(
            "UPDATE directorate SET name = coalesce(@name, name), settings = coalesce(@settings, settings) WHERE id = @id",
            new { id, name = name?.Trim(), settings });

    /// <summary>The directorates a person works in, with their role in each: where they are active, and every one for the planning office.</summary>
    public IReadOnlyList<DirectorateRow> Of(long telegramId) =>
        db.Query<DirectorateRow>(
            """
            SELECT d.*, coalesce(pd.role, 'planeacion') AS role
            FROM directorate d JOIN person p ON p.telegram_id = @telegramId
            LEFT JOIN person_directorate pd ON pd.person_id = p.id AND pd.directorate_id = d.id AND pd.active = 1
            WHERE p.planning = 1 OR pd.person_id IS NOT NULL
            ORDER BY d.id
            """,
            new { telegramId }).ToList();
}
