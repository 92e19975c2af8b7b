using System.Text.RegularExpressions;

namespace PoaBot.Core.Domain;

public enum FieldType
{
    Date,
    Number,
    Text,

    /// <summary>A record of another report, chosen from a list (see <see cref="KindLink"/>).</summary>
    Pick,
}

/// <summary>How a kind's records point to other records.</summary>
public enum KindLink
{
    None,

    /// <summary>A received request: later managed by one record of the managing kind.</summary>
    Managed,

    /// <summary>Points to one of the council's pending received requests (required; once per request).</summary>
    Manages,

    /// <summary>May point to the same program registered by another council: its name is copied, and it counts zero.</summary>
    Shares,
}

/// <summary>
/// One question of a report and where its answer lives: the record column, the card line, the «Corregir» button, the
/// export column. Its label is used everywhere; a number or text answer is refused beyond its limits.
/// </summary>
public sealed record ReportField(string Key, string Label, string Question, string Example, FieldType Type, int Max, string Column)
{
    /// <summary>The date every report has: today unless the person changes it on the card (asked with Hoy / Ayer buttons).</summary>
    public static readonly ReportField Date = new("date", "Fecha", "", "15/04/2024", FieldType.Date, 0, "event_date") { CardButton = "📅 Cambiar fecha" };

    /// <summary>
    /// Shown on the card with this button to change it, instead of asked on the way there, when the flow knows its answer
    /// (the date: today, when the POA's year and bimester accept it); «Corregir» still offers it.
    /// </summary>
    public string? CardButton { get; init; }

    /// <summary>
    /// The council every report is for: corrected on the card or in an amendment by choosing another of the person's
    /// councils, only for a record that points to no other record and that none points to.
    /// </summary>
    public static readonly ReportField Council = new("council", "Consejo", "", "", FieldType.Pick, 0, "council_id");

    /// <summary>May be skipped («Omitir»).</summary>
    public bool Optional { get; init; }

    /// <summary>A number that may be 0 (beneficiaries of a program); otherwise at least 1.</summary>
    public bool AllowZero { get; init; }

    /// <summary>Width of its column in the exported sheet.</summary>
    public double Width { get; init; } = 24;

    public static ReportField Number(string key, string label, string question, string example, int max, string column) =>
        new(key, label, question, example, FieldType.Number, max, column) { Width = 11 };

    public static ReportField Text(string key, string label, string question, string example, int max, string column) =>
        new(key, label, question, example, FieldType.Text, max, column) { Width = max > 200 ? 45 : 24 };
}

/// <summary>
/// What a coordinator reports for an activity: the questions the bot asks, in order, how the record links to other
/// records, and its sheet in the export. A record counts one toward REAL, or what its «count» field says (the generic
/// kind), or zero when it shares a program another council registered. Adding a kind is one entry in
/// <see cref="ActivityKinds.All"/> (and a migration only if it needs a new column).
/// </summary>
public sealed partial class ActivityKind
{
    private const int LongText = 1000;
    private const int ShortText = 200;

    public static readonly ActivityKind Meeting = new("meeting", "reuniones", "Reunión de consejo", "Reuniones", ["reuniones", "reunion"])
    {
        Detects = name => name.Contains("REUNI", StringComparison.Ordinal),
        Fields =
        [
            ReportField.Number("attendees", "Asistentes", "¿Cuántas personas asistieron? Escriba el número, por ejemplo: 25", "25", 10_000, "attendees"),
            ReportField.Text("agreements", "Acuerdos", "¿Qué acuerdos se tomaron? Escríbalos en un mensaje.\nEjemplo: Gestionar el bacheo de la calle Hidalgo.",
                "Gestionar el bacheo de la calle Hidalgo.", LongText, "agreements") with { Width = 50 },
        ],
    };

    public static readonly ActivityKind RequestReceived = new("request_received", "solicitudes recibidas", "Solicitud recibida", "Solicitudes", ["solicitudes", "solicitud", "recibidas"])
    {
        Detects = name => name.Contains("SOLICITUD", StringComparison.Ordinal),
        Link = KindLink.Managed,
        DateLabel = "Fecha recibida",
        Fields =
        [
            ReportField.Text("subject", "Qué se solicita", "¿Qué se solicita?\nEjemplo: Reparar el alumbrado de la calle Morelos.", "Reparar el alumbrado de la calle Morelos.", LongText, "subject"),
            ReportField.Text("requester", "Solicitante", "¿Quién lo solicita? Es opcional.\nEjemplo: Sra. María López, vecina de la colonia.", "Sra. María López, vecina.", ShortText, "requester") with { Optional = true },
            ReportField.Text("area", "Área", "¿Qué área del municipio debe atenderla?\nEjemplo: Obras Públicas.", "Obras Públicas.", ShortText, "area"),
        ],
    };

    public static readonly ActivityKind RequestManaged = new("request_managed", "solicitudes gestionadas", "Solicitud gestionada", "Gestiones", ["gestiones", "gestion", "gestionadas"])
    {
        Detects = name => Gestion().IsMatch(name) && name.Contains("SOLICITUD", StringComparison.Ordinal),
        DetectedFirst = true,
        Link = KindLink.Manages,
        DateLabel = "Fecha de gestión",
        Feminine = true,
        Fields =
        [
            new ReportField("request", "Solicitud", "¿Qué solicitud se gestionó?", "", FieldType.Pick, 0, "ref_id"),
            ReportField.Text("area", "Gestionada ante", "¿Ante qué dirección o área se gestionó?\nEjemplo: Servicios Públicos.", "Servicios Públicos.", ShortText, "area") with { Width = 26 },
        ],
    };

    public static readonly ActivityKind SocialProgram = new("social_program", "programas sociales", "Programa social", "Programas", ["programas", "programa"])
    {
        Detects = name => name.Contains("PROGRAMA", StringComparison.Ordinal),
        Link = KindLink.Shares,
        Fields =
        [
            new ReportField("program", "Programa ya registrado", "¿Es un programa que otro consejo ya registró? Si es así, tóquelo; si no, toque «Es un programa nuevo».", "", FieldType.Pick, 0, "ref_id") { Optional = true },
            ReportField.Text("subject", "Programa", "¿Cómo se llama el programa?\nEjemplo: Despensas para adultos mayores.", "Despensas para adultos mayores.", LongText, "subject") with { Width = 40 },
            ReportField.Number("beneficiaries", "Beneficiarios", "¿Cuántas personas se beneficiaron? Escriba el número, por ejemplo: 40", "40", 1_000_000, "beneficiaries") with { AllowZero = true, Width = 13 },
        ],
    };

    public static readonly ActivityKind Training = new("training", "capacitaciones y talleres", "Capacitación o taller", "Capacitaciones", ["capacitaciones", "capacitacion", "taller", "talleres"])
    {
        Detects = name => name.Contains("CAPACITA", StringComparison.Ordinal) || name.Contains("TALLER", StringComparison.Ordinal),
        Feminine = true,
        Fields =
        [
            ReportField.Number("participants", "Participantes", "¿Cuántas personas participaron? Escriba el número, por ejemplo: 18", "18", 10_000, "attendees") with { Width = 13 },
            ReportField.Text("topic", "Tema", "¿De qué tema fue la capacitación o el taller?\nEjemplo: Elaboración de actas de asamblea.", "Elaboración de actas de asamblea.", LongText, "subject"),
        ],
    };

    public static readonly ActivityKind Generic = new("generic", "acciones genéricas", null, "Acciones", ["generica", "acciones"])
    {
        Detects = _ => true,
        Fields =
        [
            ReportField.Number("count", "Cantidad", "¿Cuántas acciones realizó? Escriba el número, por ejemplo: 3", "3", 1_000, "count") with { Width = 10 },
            ReportField.Text("description", "Descripción", "Describa brevemente lo que hizo.\nEjemplo: Limpieza del parque central con vecinos.", "Limpieza del parque central con vecinos.", LongText, "subject") with { Width = 50 },
        ],
    };

    /// <summary>What the POA file said was done before the bot: written by the importer, never reported in the chat.</summary>
    public static readonly ActivityKind Baseline = new("baseline", "línea base", null, "Línea base", [])
    {
        Detects = _ => false,
        Fields = [ReportField.Number("count", "Cantidad", "", "3", 100_000, "count")],
    };

    private ActivityKind(string code, string label, string? menuLabel, string sheet, string[] words)
    {
        Code = code;
        Label = label;
        MenuLabel = menuLabel;
        Sheet = sheet;
        Words = words;
    }

    /// <summary>The code stored in the database.</summary>
    public string Code { get; }

    /// <summary>Spanish name shown to people, plural («reuniones»).</summary>
    public string Label { get; }

    /// <summary>How the activity is offered in /reportar; null: by the activity's own name.</summary>
    public string? MenuLabel { get; }

    /// <summary>Its sheet in the exported workbook.</summary>
    public string Sheet { get; }

    /// <summary>Spanish words accepted for it on the command line, besides its code; the first one is shown.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Whether an activity's name (upper case) says this kind; tried in the order of <see cref="ActivityKinds.All"/> (DESIGN.md).</summary>
    public required Func<string, bool> Detects { get; init; }

    /// <summary>Tried before the other kinds (a managed request's name also says SOLICITUD, maybe REUNIÓN).</summary>
    public bool DetectedFirst { get; init; }

    /// <summary>The questions after the date, in order (evidence comes after them).</summary>
    public required IReadOnlyList<ReportField> Fields { get; init; }

    public KindLink Link { get; init; }

    public string DateLabel { get; init; } = "Fecha";

    /// <summary>Its records are feminine in Spanish («anulada»).</summary>
    public bool Feminine { get; init; }

    public ReportField? Field(string key) => key == ReportField.Date.Key ? ReportField.Date : Fields.FirstOrDefault(f => f.Key == key);

    public override string ToString() => Code;

    [GeneratedRegex("GESTI[OÓ]N")]
    private static partial Regex Gestion();
}

public static class ActivityKinds
{
    /// <summary>
    /// Every kind, in the order of the exported sheets and of trying an activity's name (DESIGN.md; those
    /// <see cref="ActivityKind.DetectedFirst"/> before): the generic kind takes the rest.
    /// </summary>
    public static readonly IReadOnlyList<ActivityKind> All =
    [
        ActivityKind.Meeting, ActivityKind.RequestReceived, ActivityKind.RequestManaged, ActivityKind.SocialProgram, ActivityKind.Training,
        ActivityKind.Generic, ActivityKind.Baseline,
    ];

    /// <summary>The kinds an activity may have (the baseline is the importer's).</summary>
    public static IEnumerable<ActivityKind> Reportable => All.Where(k => k != ActivityKind.Baseline);

    /// <summary>The words the command line shows for the kinds: «reuniones, solicitudes, …».</summary>
    public static string Words => string.Join(", ", Reportable.Select(k => k.Words[0]));

    /// <summary>Detects the kind from an activity's name.</summary>
    public static ActivityKind Detect(string name)
    {
        var upper = name.ToUpperInvariant();
        return Reportable.OrderByDescending(k => k.DetectedFirst).First(k => k.Detects(upper));
    }

    /// <summary>Accepts the stored code or a Spanish word (reuniones, solicitudes, gestiones, programas, talleres, generica).</summary>
    public static bool TryParse(string text, out ActivityKind kind)
    {
        var folded = Spanish.Fold(text).ToLowerInvariant();
        kind = Reportable.FirstOrDefault(k => k.Code == folded || k.Words.Contains(folded))!;
        return kind is not null;
    }

    /// <summary>The kind of a stored code; one this version does not know (written by a newer one) reads as generic.</summary>
    public static ActivityKind FromCode(string code) => All.FirstOrDefault(k => k.Code == code) ?? ActivityKind.Generic;
}
