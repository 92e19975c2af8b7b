using System.Text;

namespace PoaBot.Core.Import;

/// <summary>The import's report in words for the director.</summary>
public static class ImportReportText
{
    public static string Write(ImportReport report)
    {
        var text = new StringBuilder();
        text.Append($"POA {report.Year}: ");
        text.Append(report.Changed ? "importado.\n" : "sin cambios; el archivo ya estaba importado.\n");
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
            text.Append('\n').Append("Inconsistencias del documento (no se corrigieron; revíselas):\n");
            foreach (var warning in report.Warnings)
            {
                text.Append("  • ").Append(warning.Message).Append('\n');
            }
        }

        return text.ToString();
    }
}
