using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PoaBot.Core.Domain;

namespace PoaBot.Core.Reporting;

/// <summary>
/// The signable PDF, drawn with PDFsharp (MIT): the POA table on one legal landscape page, then the
/// justifications and the signature block. Fonts are the system's DejaVu or Liberation Sans, embedded.
/// </summary>
public static class PoaPdf
{
    private const double PageWidth = 1008; // legal, landscape, in points
    private const double PageHeight = 612;
    private const double Margin = 36;
    private const double BodySize = 8;
    private const double Pad = 1.5;

    private static readonly XColor HeaderFill = XColor.FromArgb(0xD9, 0xE1, 0xF2);

    /// <summary>Writes the PDF to <paramref name="output"/> (left open). Throws <see cref="PdfFontException"/> without a font.</summary>
    public static void Write(Stream output, PoaWorkbookData data)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(data);
        PdfFonts.Install();

        using var document = new PdfDocument();
        document.Info.Title = ExportText.Title(data.Year);
        document.Info.Creator = "PoaBot";
        var fonts = new Fonts();
        var pages = new List<PdfPage>();

        var page = NewPage(document, pages);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var y = Title(gfx, fonts, data);
            y = Table(gfx, fonts, data, y);
            y = Notes(gfx, fonts, data, y + 6);
        }

        page = NewPage(document, pages);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var y = Title(gfx, fonts, data);
            y = Justifications(gfx, fonts, data, y);
            Signature(gfx, fonts, data, Math.Max(y + 24, PageHeight - Margin - 150));
        }

        for (var i = 0; i < pages.Count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(pages[i], XGraphicsPdfPageOptions.Append);
            var footer = ExportText.Page(i + 1, pages.Count);
            gfx.DrawString(footer, fonts.Small, XBrushes.Black, new XRect(Margin, PageHeight - Margin + 8, PageWidth - (2 * Margin), 12), XStringFormats.TopRight);
            gfx.DrawString(PoaWorkbook.PageTitle(data), fonts.Small, XBrushes.Black, new XRect(Margin, PageHeight - Margin + 8, PageWidth - (2 * Margin), 12), XStringFormats.TopLeft);
        }

        document.Save(output, false);
    }

    private static PdfPage NewPage(PdfDocument document, List<PdfPage> pages)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        pages.Add(page);
        return page;
    }

    private static double Title(XGraphics gfx, Fonts fonts, PoaWorkbookData data)
    {
        var y = Margin;
        gfx.DrawString($"PROGRAMA OPERATIVO ANUAL {data.Year}", fonts.Title, XBrushes.Black, Margin, y + 12);
        y += 18;
        foreach (var line in new[] { data.Signature.Municipality, data.Directorate, Numbers.AsOfTitle(data.Year, data.AsOf) })
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                gfx.DrawString(line.Trim(), fonts.Bold, XBrushes.Black, Margin, y + 10);
                y += 13;
            }
        }

        return y + 8;
    }

    /// <summary>Column widths in points: Núm., actividad, 18 bimester cells, goals and percentages, semáforo, justificación.</summary>
    private static double[] Widths()
    {
        var widths = new List<double> { 22, 120 };
        widths.AddRange(Enumerable.Repeat(25.0, Bimesters.Count * 3));
        widths.AddRange([34, 34, 36, 40, 44, 56]);
        widths.Add(PageWidth - (2 * Margin) - widths.Sum());
        return [.. widths];
    }

    private static double Table(XGraphics gfx, Fonts fonts, PoaWorkbookData data, double y)
    {
        var widths = Widths();
        var x = Lefts(widths);
        var bimesterStart = 2;

        // Header: three rows, as the office's document.
        var h = 11.0;
        Cell(gfx, fonts.Bold, "Núm.", x[0], y, widths[0], 3 * h, HeaderFill, center: true);
        Cell(gfx, fonts.Bold, "ACTIVIDADES", x[1], y, widths[1], 3 * h, HeaderFill, center: true);
        Cell(gfx, fonts.Bold, $"AÑO {data.Year} EN BIMESTRES", x[bimesterStart], y, widths.Skip(bimesterStart).Take(18).Sum(), h, HeaderFill, center: true);
        foreach (var b in Bimesters.All)
        {
            var col = bimesterStart + ((b - 1) * 3);
            Cell(gfx, fonts.Bold, Bimesters.ShortName(b).ToUpperInvariant(), x[col], y + h, widths[col] * 3, h, HeaderFill, center: true);
            foreach (var (label, offset) in new[] { ("PROG", 0), ("REAL", 1), ("VAR", 2) })
            {
                Cell(gfx, fonts.Body, label, x[col + offset], y + (2 * h), widths[col + offset], h, HeaderFill, center: true);
            }
        }

        string[] tail = ["META PROG.", $"META REAL", "VARIA- CIÓN", "% AVANCE ANUAL", "% CUMPLI- MIENTO", "SEMÁFORO", "JUSTIFICACIÓN"];
        for (var i = 0; i < tail.Length; i++)
        {
            var col = bimesterStart + 18 + i;
            Cell(gfx, fonts.Bold, tail[i], x[col], y, widths[col], 3 * h, HeaderFill, center: true);
        }

        y += 3 * h;
        var missing = data.MissingJustifications();
        foreach (var a in data.Activities)
        {
            var justification = PoaWorkbook.Justification(data, missing, a.Num);
            string?[] cells =
            [
                a.Num, a.Name,
                .. a.Bimesters.SelectMany(b => new[] { Numbers.Int(b.Prog), b.Real is { } r ? Numbers.Int(r) + (b.State == PeriodState.Open ? "*" : "") : "", b.Var is { } v ? Numbers.Int(v) : "" }),
                Numbers.Int(a.Goal), Numbers.Int(a.MetaReal), Numbers.Int(a.Variacion), Numbers.Pct(a.AvancePct), Numbers.Pct(a.CumplimientoPct),
                a.Semaforo.PlainWords(a.ProgAcum), justification,
            ];
            var lines = cells.Select((c, i) => Wrap(gfx, fonts.Body, c ?? "", widths[i] - (2 * Pad)).Count).Max();
            var rowHeight = (lines * (BodySize + 2)) + (2 * Pad);
            for (var i = 0; i < cells.Length; i++)
            {
                var fill = i == cells.Length - 2 ? SemaforoFill(a.Semaforo) : (XColor?)null;
                Cell(gfx, i == cells.Length - 2 ? fonts.Bold : fonts.Body, cells[i] ?? "", x[i], y, widths[i], rowHeight, fill, center: false, right: i >= 2 && i < cells.Length - 2);
            }

            y += rowHeight;
        }

        return y;
    }

    private static double Notes(XGraphics gfx, Fonts fonts, PoaWorkbookData data, double y)
    {
        var t = data.Thresholds;
        var notes = new List<string>();
        if (data.Activities.Any(a => a.OpenBimester is not null))
        {
            notes.Add(ExportText.OpenBimesterNote(data.AsOf));
        }

        notes.Add(ExportText.Formulas);
        notes.Add(ExportText.SemaforoBands(t.Green, t.Yellow, t.Over));
        notes.Add(ExportText.SourceNote);
        foreach (var note in notes)
        {
            gfx.DrawString(note, fonts.Body, XBrushes.Black, Margin, y + BodySize);
            y += BodySize + 4;
        }

        return y;
    }

    private static double Justifications(XGraphics gfx, Fonts fonts, PoaWorkbookData data, double y)
    {
        gfx.DrawString(ExportText.JustificationsHeading, fonts.Bold, XBrushes.Black, Margin, y + 10);
        y += 18;
        var missing = data.MissingJustifications();
        var any = false;
        foreach (var a in data.Activities)
        {
            var text = PoaWorkbook.Justification(data, missing, a.Num);
            if (text.Length == 0)
            {
                continue;
            }

            any = true;
            foreach (var line in Wrap(gfx, fonts.Body, $"{a.Num}. {a.Name}: {text.Replace('\n', ' ')}", PageWidth - (2 * Margin)))
            {
                gfx.DrawString(line, fonts.Body, XBrushes.Black, Margin, y + BodySize);
                y += BodySize + 3;
            }

            y += 3;
        }

        if (!any)
        {
            gfx.DrawString(ExportText.NoJustificationNeeded(data.AsOf), fonts.Body, XBrushes.Black, Margin, y + BodySize);
            y += BodySize + 3;
        }

        return y;
    }

    private static void Signature(XGraphics gfx, Fonts fonts, PoaWorkbookData data, double y)
    {
        gfx.DrawString(data.Signature.PlaceAndDate(data.AsOf), fonts.Body, XBrushes.Black, Margin, y + BodySize);
        var width = (PageWidth - (2 * Margin)) / 3;
        var x = Margin;
        foreach (var (role, who) in data.Signature.Lines)
        {
            gfx.DrawString($"{role}:", fonts.Bold, XBrushes.Black, x, y + 30);
            gfx.DrawLine(XPens.Black, x, y + 90, x + width - 40, y + 90);
            gfx.DrawString(who.Name ?? "", fonts.Bold, XBrushes.Black, x, y + 102);
            gfx.DrawString(who.Position ?? "", fonts.Body, XBrushes.Black, x, y + 114);
            x += width;
        }
    }

    private static void Cell(XGraphics gfx, XFont font, string text, double x, double y, double width, double height, XColor? fill, bool center, bool right = false)
    {
        var rect = new XRect(x, y, width, height);
        if (fill is { } color)
        {
            gfx.DrawRectangle(new XSolidBrush(color), rect);
        }

        gfx.DrawRectangle(new XPen(XColors.Gray, 0.5), rect);
        var lines = Wrap(gfx, font, text, width - (2 * Pad));
        var lineHeight = font.Size + 2;
        var top = center ? y + ((height - (lines.Count * lineHeight)) / 2) : y + Pad;
        foreach (var line in lines)
        {
            var format = center ? XStringFormats.TopCenter : right ? XStringFormats.TopRight : XStringFormats.TopLeft;
            gfx.DrawString(line, font, XBrushes.Black, new XRect(x + Pad, top, width - (2 * Pad), lineHeight), format);
            top += lineHeight;
        }
    }

    /// <summary>Word wrap by measured width; a word longer than the line is left to overflow rather than cut.</summary>
    private static List<string> Wrap(XGraphics gfx, XFont font, string text, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private static double[] Lefts(double[] widths)
    {
        var x = new double[widths.Length];
        var left = Margin;
        for (var i = 0; i < widths.Length; i++)
        {
            x[i] = left;
            left += widths[i];
        }

        return x;
    }

    private static XColor SemaforoFill(Semaforo s) => s switch
    {
        Semaforo.Verde => XColor.FromArgb(0xC6, 0xEF, 0xCE),
        Semaforo.Amarillo => XColor.FromArgb(0xFF, 0xEB, 0x9C),
        Semaforo.Rojo => XColor.FromArgb(0xFF, 0xC7, 0xCE),
        Semaforo.Sobre => XColor.FromArgb(0xBD, 0xD7, 0xEE),
        _ => XColor.FromArgb(0xED, 0xED, 0xED),
    };

    private sealed class Fonts
    {
        public XFont Body { get; } = new(PdfFonts.Family, BodySize, XFontStyleEx.Regular);

        public XFont Bold { get; } = new(PdfFonts.Family, BodySize, XFontStyleEx.Bold);

        public XFont Small { get; } = new(PdfFonts.Family, BodySize, XFontStyleEx.Regular);

        public XFont Title { get; } = new(PdfFonts.Family, 13, XFontStyleEx.Bold);
    }
}
