using System.Globalization;
using System.Text.RegularExpressions;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Reporting;

/// <summary>
/// The audit trail as people read it, in the chat (<c>/folio</c>) and in the workbook: actions and fields in Spanish,
/// dates dd/mm/aaaa, people by name (no internal ids).
/// </summary>
public static partial class AuditText
{
    public static string Action(string action) => action switch
    {
        "void" => "Anulación",
        "amend" => "Corrección",
        "reprogram" => "Reprogramación",
        "goal" => "Cambio de meta",
        "kind" => "Cambio de tipo",
        "deactivate" => "Baja de persona",
        "reassign" => "Reasignación",
        "reopen" => "Reapertura",
        "justify" => "Justificación",
        _ => action,
    };

    public static string? Field(string? field) => field switch
    {
        "event_date" => "fecha",
        "count" => "cantidad",
        "attendees" => "asistentes",
        "agreements" => "acuerdos",
        "subject" => "descripción",
        "area" => "área",
        "kind" => "tipo",
        _ => field,
    };

    /// <summary>A stored value as a person reads it: dates and moments written in it as dd/mm/aaaa (local time), kinds in Spanish.</summary>
    public static string? Value(string? field, string? value, TimeZoneInfo zone)
    {
        if (value is null)
        {
            return null;
        }

        if (field == "kind" && ActivityKinds.TryParse(value, out var kind))
        {
            return kind.Label;
        }

        return IsoDate().Replace(value, m => m.Groups["time"].Success
            ? DateTimeOffset.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? TimeZoneInfo.ConvertTime(at, zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
                : m.Value
            : DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? Numbers.Date(day) : m.Value);
    }

    /// <summary>Who did it, by name: «Ana López (director 123456)» is shown «Ana López».</summary>
    public static string Person(string actor)
    {
        var match = ActorWithId().Match(actor);
        return match.Success ? match.Groups["name"].Value : actor;
    }

    /// <summary>One line of a record's history: «Corrección del 16/04/2024: fecha 15/04/2024 → 15/03/2024 (Ana López; el acta dice otra fecha)».</summary>
    public static string Line(AuditRow a, TimeZoneInfo zone) =>
        $"{Action(a.Action)} del {Numbers.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a.At, zone).DateTime))}: " +
        $"{Field(a.Field)} {Value(a.Field, a.OldValue, zone) ?? "(vacío)"} → {Value(a.Field, a.NewValue, zone) ?? "(vacío)"} ({Person(a.Actor)}; {a.Reason})";

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}(?<time>T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<name>.+) \((director|coordinador) -?\d+\)$")]
    private static partial Regex ActorWithId();
}
