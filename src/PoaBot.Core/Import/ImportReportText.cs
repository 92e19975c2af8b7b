namespace PoaBot.Core.Import;

/// <summary>The import's report in words for the director.</summary>
public static class ImportReportText
{
    public static string Write(ImportReport report) =>
        ImportText.Result(report.Year, report.Changed)
        + string.Concat(report.Changes.Select(change => $"  • {change}\n"))
        + string.Concat(report.Realignment.Select(note => $"\n{note.Message}\n"))
        + (report.Warnings.Count == 0 ? "" : "\n" + ImportText.Inconsistencies)
        + string.Concat(report.Warnings.Select(warning => $"  • {warning.Message}\n"));
}
