using System.Text;

namespace PoaBot.Core.Import;

/// <summary>The import's report in words for the director.</summary>
public static class ImportReportText
{
    public static string Write(ImportReport report)
    {
        var text = new StringBuilder();
        text.Append(ImportText.Result(report.Year, report.Changed));
        foreach (var change in report.Changes)
        {
            text.Append("  • ").Append(change).Append('\n');
        }

        foreach (var note in report.Realignment)
        {
            text.Append('\n').Append(note.Message).Append('\n');
        }

        if (report.Warnings.Count > 0)
        {
            text.Append('\n').Append(ImportText.Inconsistencies);
            foreach (var warning in report.Warnings)
            {
                text.Append("  • ").Append(warning.Message).Append('\n');
            }
        }

        return text.ToString();
    }
}
