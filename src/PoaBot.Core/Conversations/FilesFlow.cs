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
        if (Folder(turn, "exportes") is not { } folder || CurrentYear(turn) is not { } year)
        {
            return;
        }

        // Loading and rendering happen after the commit, outside the write transaction (Reply.Render).
        var settings = turn.Settings;
        var (today, thresholds) = (turn.Today, turn.Thresholds);
        void Write(DbSession db, string path, Action<Stream, PoaWorkbookData> write)
        {
            var data = PoaWorkbookData.Load(db, year, today, thresholds, settings.Signature, settings.Clock.Zone)!;
            if (!string.IsNullOrWhiteSpace(settings.Directorate))
            {
                data = data with { Directorate = settings.Directorate.Trim() };
            }

            // Rendered in memory, then written in one write-only open: the file is never read back half-written.
            using var rendered = new MemoryStream();
            write(rendered, data);
            File.WriteAllBytes(path, rendered.ToArray());
        }

        if (arg.Trim().Equals("pdf", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                PdfFonts.Install();
            }
            catch (PdfFontException)
            {
                turn.Say("No pude preparar el PDF: al servidor le falta una fuente tipográfica (paquete fonts-dejavu-core). Avise a quien administra el bot; mientras tanto, /exportar le envía el Excel.");
                return;
            }

            var pdf = Path.Combine(folder, $"POA-{year}-al-{today:yyyy-MM-dd}.pdf");
            turn.Reply(new Reply($"🖋 PDF del POA {year} para firmar ({Numbers.AsOfPhrase(year, today)}): la tabla, las justificaciones y las firmas de Elaboró, Revisó y Autorizó.")
            {
                DocumentPath = pdf,
                Render = db => Write(db, pdf, PoaPdf.Write),
            });
            return;
        }

        var path = Path.Combine(folder, $"POA-{year}-al-{today:yyyy-MM-dd}.xlsx");
        turn.Reply(new Reply($"📊 POA {year} al {Numbers.Date(today)}: la tabla en el formato de la Dirección, los registros, las justificaciones y la bitácora. El PDF para firmar: /exportar pdf")
        {
            DocumentPath = path,
            Render = db => Write(db, path, PoaWorkbook.Write),
        });
    }

    public static void Chart(Turn turn)
    {
        if (Folder(turn, "graficas") is not { } folder || CurrentYear(turn) is not { } year)
        {
            return;
        }

        var (today, thresholds) = (turn.Today, turn.Thresholds);
        var poas = new PoaStore(turn.Db);
        var pages = ProgressChart.PageCount(poas.Activities(poas.Find(year)!.Id).Count);
        for (var page = 1; page <= pages; page++)
        {
            var (path, number) = (Path.Combine(folder, $"POA-{year}-al-{today:yyyy-MM-dd}-{page}.png"), page);
            var caption = page == 1
                ? $"📈 Avance del POA {year} al {Numbers.Date(today)}: programado contra realizado por bimestre y el acumulado contra la meta anual."
                : "";
            turn.Reply(new Reply(pages > 1 ? $"{caption} Página {page} de {pages}.".TrimStart() : caption)
            {
                DocumentPath = path,
                Render = db =>
                {
                    var store = new PoaStore(db);
                    File.WriteAllBytes(path, ProgressChart.Page(year, today, store.Progress(store.Find(year)!, today, thresholds), number));
                },
            });
        }
    }

    private static string? Folder(Turn turn, string name)
    {
        var folder = Path.Combine(turn.Settings.DataFolder, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static int? CurrentYear(Turn turn)
    {
        var years = new PoaStore(turn.Db).Years().Where(y => y <= turn.Today.Year).ToList();
        if (years.Count == 0)
        {
            turn.Say($"Aún no hay un POA {turn.Today.Year} cargado. Cárguelo con /importar.");
            return null;
        }

        return years[^1];
    }

    public static void StartImport(Turn turn)
    {
        turn.State.Reset();
        turn.Ask(
            Step.ImportFile,
            "Envíe el POA como <b>documento</b> (📎): la hoja exportada como texto (TSV) o CSV, o un XLSX con el formato del reporte. " +
            "Le mostraré una vista previa y no importaré nada hasta que usted lo confirme.",
            [],
            back: false);
    }

    public static void AnswerImport(Turn turn)
    {
        if (turn.State.Step == Step.ImportConfirm)
        {
            Confirm(turn);
            return;
        }

        switch (turn.Input)
        {
            case { Kind: InputKind.Photo }:
                turn.Say("Recibí una imagen, pero necesito el archivo del POA como documento (TSV, CSV o XLSX). No se cambió nada.");
                return;
            case { Kind: InputKind.Document, FileProblem: { } problem }:
                turn.Say(TransportText.File(problem, canSkip: false));
                return;
            case { Kind: InputKind.Document, FilePath: { } path }:
                Preview(turn, path, turn.Input.FileName ?? Path.GetFileName(path));
                return;
            default:
                turn.Say("Envíe el archivo del POA como documento (📎), o toque Cancelar.");
                return;
        }
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
            turn.Say($"No puedo importar «{Html.Escape(Html.Shorten(name, 60))}»: {Html.Escape(ex.Message)}\nNo se cambió nada. Envíe otro archivo o toque Cancelar.");
            return;
        }

        var existing = new PoaStore(turn.Db).Find(document.Year);
        var text = new StringBuilder($"📄 <b>Vista previa de «{Html.Escape(Html.Shorten(name, 60))}»</b>\n")
            .Append($"POA {document.Year}: {document.Activities.Count} actividades")
            .Append(existing is null ? " (nuevo).\n" : ". Actualiza el POA existente; los cambios de lo programado quedan en la bitácora como reprogramación.\n");
        // The preview is one message: as many activities and notices as fit, then how many more there are.
        var lines = document.Activities.Select(a =>
        {
            var prog = string.Join(", ", Bimesters.All.Where(b => a.Prog[b - 1] > 0).Select(b => $"{Bimesters.ShortName(b)} {a.Prog[b - 1]}"));
            return $"\n{a.Num}. {Html.Escape(Html.Shorten(Html.Sentence(a.Name), 60))} — meta {a.MetaProgramada}; programado: {(prog.Length == 0 ? "nada" : prog)}";
        }).ToList();
        AppendWhileItFits(text, lines, PreviewBudget / 2, n => $"\n… y {Spanish.Count(n, "actividad", "actividades")} más.");
        var notes = document.Realignment.Concat(document.Warnings).Select(n => $"\n⚠️ {Html.Escape(Html.Shorten(n.Message, 400))}").ToList();
        AppendWhileItFits(text, notes, PreviewBudget, n => $"\n⚠️ … y {n} avisos más; todos quedan en la hoja «Advertencias de importación» del libro de /exportar.");

        turn.State.AmendValue = path;
        turn.State.AmendField = name;
        turn.Ask(Step.ImportConfirm, text.Append("\n\n¿Importar este archivo?").ToString(), [[("✅ Importar", "import")]], back: false);
    }

    /// <summary>Room for the preview in one Telegram message (4,096 characters), leaving space for the question.</summary>
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
        if (turn.Action != "import" || turn.State.AmendValue is not { } path)
        {
            turn.Say("Toque «Importar» para confirmar, o Cancelar.");
            return;
        }

        var name = turn.State.AmendField ?? Path.GetFileName(path);
        turn.State.Reset();
        try
        {
            var report = PoaImporter.Apply(turn.Db, PoaFile.Parse(path, name), turn.Actor, name, turn.Now);
            turn.Say("✅ " + Html.Escape(ImportReportText.Write(report)), mainKeyboard: true);
        }
        catch (Exception ex) when (ex is PoaImportException or IOException)
        {
            turn.Say($"No pude importar: {Html.Escape(ex.Message)} No se cambió nada.", mainKeyboard: true);
        }
    }
}
