using System.Text;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>
/// Files in the chat (director): <c>/importar</c> (send the POA, see a preview with the importer's warnings, confirm),
/// <c>/exportar</c> (the POA report as XLSX; <c>/exportar pdf</c>: the signable PDF) and <c>/grafica</c> (the progress chart as PNG).
/// </summary>
public static class FilesFlow
{
    public static void Export(Turn turn, string arg = "")
    {
        var folder = Folder(turn, "exportes");
        if (CurrentYear(turn) is not { } year)
        {
            return;
        }

        var settings = turn.Settings;
        var (today, thresholds, directorate) = (turn.Today, turn.Thresholds, turn.Db.Directorate);
        var pdf = arg.Trim().Equals("pdf", StringComparison.OrdinalIgnoreCase);
        if (pdf && !PdfFontInstalled())
        {
            turn.Say(FilesText.NoPdfFont);
            return;
        }

        var path = Path.Combine(folder, $"POA-{year}-al-{today:dd-MM-yyyy}.{(pdf ? "pdf" : "xlsx")}");
        Action<Stream, PoaWorkbookData> write = pdf ? PoaPdf.Write : PoaWorkbook.Write;
        turn.Reply(new Reply(pdf ? FilesText.Pdf(year, today) : FilesText.Workbook(year, today))
        {
            DocumentPath = path,

            // Loading and rendering happen after the commit, outside the write transaction.
            Render = db =>
            {
                var data = PoaWorkbookData.Load(db.In(directorate), year, today, thresholds, settings.Signature, settings.Clock.Zone)!;

                // Rendered in memory, then written in one write-only open: the file is never read back half-written.
                using var rendered = new MemoryStream();
                write(rendered, data);
                File.WriteAllBytes(path, rendered.ToArray());
            },
        });
    }

    private static bool PdfFontInstalled()
    {
        try
        {
            PdfFonts.Install();
            return true;
        }
        catch (PdfFontException)
        {
            return false;
        }
    }

    public static void Chart(Turn turn)
    {
        var folder = Folder(turn, "graficas");
        if (CurrentYear(turn) is not { } year)
        {
            return;
        }

        var (today, thresholds, directorate) = (turn.Today, turn.Thresholds, turn.Db.Directorate);
        var poas = new PoaStore(turn.Db);
        var pages = ProgressChart.PageCount(poas.Activities(poas.Find(year)!.Id).Count);
        for (var page = 1; page <= pages; page++)
        {
            var (path, number) = (Path.Combine(folder, $"POA-{year}-al-{today:dd-MM-yyyy}-{page}.png"), page);
            turn.Reply(new Reply(FilesText.Chart(year, today, page, pages))
            {
                DocumentPath = path,
                Render = db =>
                {
                    var store = new PoaStore(db.In(directorate));
                    File.WriteAllBytes(path, ProgressChart.Page(year, today, store.Progress(store.Find(year)!, today, thresholds), number));
                },
            });
        }
    }

    /// <summary>Where a directorate's files go: a folder of its own (its code) inside <paramref name="name"/>, but the first's, which stays where it was.</summary>
    private static string Folder(Turn turn, string name)
    {
        var folder = Path.Combine(turn.Settings.DataFolder, name, turn.Directorate.Id == 1 ? "" : turn.Directorate.Code);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static int? CurrentYear(Turn turn)
    {
        var poa = new PoaStore(turn.Db).Current(turn.Today.Year);
        if (poa is null)
        {
            turn.Say(FilesText.NoPoa(turn.Today.Year));
        }

        return (int?)poa?.Year;
    }

    public static void StartImport(Turn turn)
    {
        turn.State.Reset();
        turn.Ask(Step.ImportFile, FilesText.SendPoa, [], back: false);
    }

    public static void AnswerImport(Turn turn)
    {
        if (turn.State.Step == Step.ImportConfirm)
        {
            Confirm(turn);
            return;
        }

        if (turn.Input is { Kind: InputKind.Document, FileProblem: null, FilePath: { } path })
        {
            Preview(turn, path, turn.Input.FileName ?? Path.GetFileName(path));
            return;
        }

        turn.Say(turn.Input switch
        {
            { Kind: InputKind.Photo } => FilesText.PhotoNotDocument,
            { Kind: InputKind.Document, FileProblem: { } problem } => TransportText.File(problem, Texts.Cancel),
            _ => FilesText.SendAsDocument,
        });
    }

    private static void Preview(Turn turn, string path, string name)
    {
        PoaDocument document;
        try
        {
            document = PoaFile.Parse(path, name);
        }
        catch (PoaImportException ex)
        {
            turn.Say(FilesText.Refused(name, ex.Message));
            return;
        }

        var existing = new PoaStore(turn.Db).Find(document.Year);
        var text = new StringBuilder(FilesText.PreviewTitle(name, document.Year, document.Activities.Count, existing is null));
        // The preview is one message: as many activities and notices as fit, then how many more there are.
        var lines = document.Activities.Select(a =>
        {
            var prog = string.Join(", ", Bimesters.All.Where(b => a.Prog[b - 1] > 0).Select(b => $"{Bimesters.ShortName(b)} {a.Prog[b - 1]}"));
            return FilesText.PreviewActivity(a.Num, a.Name, a.MetaProgramada, prog);
        }).ToList();
        AppendWhileItFits(text, lines, PreviewBudget / 2, FilesText.MoreActivities);
        var notes = document.Realignment.Concat(document.Warnings).Select(n => FilesText.PreviewNotice(n.Message)).ToList();
        AppendWhileItFits(text, notes, PreviewBudget, FilesText.MoreNotices);

        // In messages that fit a phone; the last one asks.
        var messages = Lines(text.Append(FilesText.ConfirmImport).ToString());
        turn.Say(messages.SkipLast(1));

        turn.State.Task = new ImportTask { Path = path, Name = name };
        turn.Ask(Step.ImportConfirm, messages[^1], [[(FilesText.ImportButton, "import")]], back: false);
    }

    /// <summary>A long text in messages of at most 1,000 characters, broken between lines.</summary>
    private static IReadOnlyList<string> Lines(string text) => Html.Messages(text.Split('\n').Select(l => l + "\n"), SummaryFlow.MessageLength);

    /// <summary>Room for the whole preview, over a few messages, leaving space for the question.</summary>
    private const int PreviewBudget = 3_800;

    private static void AppendWhileItFits(StringBuilder text, IReadOnlyList<string> lines, int budget, Func<int, string> more)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var tail = more(lines.Count - i);
            if (text.Length + lines[i].Length + (i < lines.Count - 1 ? tail.Length : 0) > budget)
            {
                text.Append(tail);
                return;
            }

            text.Append(lines[i]);
        }
    }

    private static void Confirm(Turn turn)
    {
        if (turn.Action != "import" || turn.State.Get<ImportTask>().Path is not { } path)
        {
            turn.Say(FilesText.TapImport);
            return;
        }

        var name = turn.State.Get<ImportTask>().Name ?? Path.GetFileName(path);
        turn.State.Reset();
        try
        {
            var report = PoaImporter.Apply(turn.Db, PoaFile.Parse(path, name), turn.Actor, name, turn.Now);
            turn.Say(Lines(FilesText.Imported(ImportReportText.Write(report))), mainKeyboard: true);
        }
        catch (Exception ex) when (ex is PoaImportException or IOException)
        {
            turn.Say(FilesText.ImportFailed(ex is PoaImportException ? ex.Message : ImportText.Unreadable), mainKeyboard: true);
        }
    }
}
