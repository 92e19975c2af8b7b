using PoaBot.Core.Storage;

namespace PoaBot.Core.Reporting;

/// <summary>One signature line: a person's name and position (either may be missing; the line is still printed).</summary>
public sealed record Signatory(string? Name, string? Position);

/// <summary>
/// The signature block of the workbook and the PDF: Elaboró / Revisó / Autorizó (settings <c>Report:Prepared</c>,
/// <c>Report:Reviewed</c>, <c>Report:Authorized</c>), the place (<c>Poa:Municipality</c>) and the directorate's name on every
/// report (<c>Poa:Directorate</c>; when empty, the imported file's).
/// </summary>
public sealed record ReportSignature(Signatory Prepared, Signatory Reviewed, Signatory Authorized, string? Municipality, string? Directorate = null)
{
    public static ReportSignature None { get; } = new(new(null, null), new(null, null), new(null, null), null);

    public IEnumerable<(string Role, Signatory Who)> Lines =>
        [("Elaboró", Prepared), ("Revisó", Reviewed), ("Autorizó", Authorized)];

    /// <summary>The directorate's name on reports: the setting's when given, else the one imported with the POA.</summary>
    public string DirectorateOf(PoaRow poa) => string.IsNullOrWhiteSpace(Directorate) ? poa.Directorate : Directorate.Trim();

    /// <summary>«Zapopan, Jalisco, a 31/12/2024» or, without a municipality, «A 31/12/2024».</summary>
    public string PlaceAndDate(DateOnly date) =>
        string.IsNullOrWhiteSpace(Municipality) ? $"A {Numbers.Date(date)}" : $"{Municipality.Trim()}, a {Numbers.Date(date)}";
}
