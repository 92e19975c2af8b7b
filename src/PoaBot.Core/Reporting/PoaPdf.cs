using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PoaBot.Core.Domain;

namespace PoaBot.Core.Reporting;

/// <summary>
/// The signable PDF, drawn with PDFsharp (MIT): the POA table on legal landscape (one page for the usual POA; a longer
/// table continues on the next page under its header again), then the justifications and the signature block. Long text
/// wraps and rows grow; what does not fit on a page continues on the next. Fonts are the system's DejaVu or Liberation
/// Sans, embedded.
/// </summary>
public static class PoaPdf
{
    private const double PageWidth = 1008; // legal, landscape, in points
    private const double PageHeight = 612;
    private const double Margin = 36;
    private const double BodySize = 8;
    private const double Pad = 1.5;
    private const double Bottom = PageHeight - Margin;

    /// <summary>Lines of a justification in the table's cell; the whole text is on the justifications page.</summary>
    private const int JustificationLines = 4;

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
        using (var pager = new Pager(document, pages, fonts, data))
        {
            pager.NewPage();
            Table(pager, fonts, data);
            Notes(pager, fonts, data);
            pager.NewPage();
            Justifications(pager, fonts, data);
            Signature(pager, fonts, data);
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

    /// <summary>The page being drawn and the height used on it; <see cref="Ensure"/> starts a new page when something does not fit.</summary>
    private sealed class Pager(PdfDocument document, List<PdfPage> pages, Fonts fonts, PoaWorkbookData data) : IDisposable
    {
        private XGraphics? gfx;

        public XGraphics Gfx => gfx ?? throw new InvalidOperationException("No page yet.");

        public double Y { get; set; }

        /// <summary>Heading repeated under the title when a section continues on a new page.</summary>
        public string? Continued { get; set; }

        public XGraphics NewPage()
        {
            gfx?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            pages.Add(page);
            gfx = XGraphics.FromPdfPage(page);
            Y = Title(gfx, fonts, data);
            if (Continued is not null)
            {
                gfx.DrawString(Continued, fonts.Bold, XBrushes.Black, Margin, Y + 10);
                Y += 18;
            }

            return gfx;
        }

        /// <summary>Makes room for <paramref name="height"/> points; true when that took a new page.</summary>
        public bool Ensure(double height)
        {
            if (Y + height <= Bottom)
            {
                return false;
            }

            NewPage();
            return true;
        }

        public void Dispose() => gfx?.Dispose();
    }

    private static double Title(XGraphics gfx, Fonts fonts, PoaWorkbookData data)
    {
        var y = Margin;
        gfx.DrawString(ExportText.Title(data.Year).ToUpperInvariant(), fonts.Title, XBrushes.Black, Margin, y + 12);
        y += 18;
        foreach (var line in new[] { data.Signature.Municipality, data.Directorate, ExportText.AsOf(data.Year, data.AsOf) })
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
        var widths = new List<double> { 26, 116 };
        widths.AddRange(Enumerable.Repeat(25.0, Bimesters.Count * 3));
        widths.AddRange([34, 34, 36, 40, 44, 56]);
        widths.Add(PageWidth - (2 * Margin) - widths.Sum());
        return [.. widths];
    }

    private static void Table(Pager pager, Fonts fonts, PoaWorkbookData data)
    {
        var widths = Widths();
        var x = Lefts(widths);
        Header(pager.Gfx, fonts, data, widths, x, pager.Y);
        pager.Y += 3 * HeaderRow;
        var missing = data.MissingJustifications();
        foreach (var a in data.Activities)
        {
            var gfx = pager.Gfx;
            string?[] cells =
            [
                a.Num, a.Name,
                .. a.Bimesters.SelectMany(b => new[] { Numbers.Int(b.Prog), b.Real is { } r ? Numbers.Int(r) + (b.State == PeriodState.Open ? "*" : "") : "", b.Var is { } v ? Numbers.Int(v) : "" }),
                Numbers.Int(a.Goal), Numbers.Int(a.MetaReal), Numbers.Int(a.Variacion), Numbers.Pct(a.AvancePct), Numbers.Pct(a.CumplimientoPct),
                a.Semaforo.PlainWords(a.ProgAcum), Shortened(gfx, fonts.Body, PoaWorkbook.Justification(data, missing, a.Num), widths[^1] - (2 * Pad)),
            ];
            var lines = cells.Select((c, i) => Wrap(gfx, fonts.Body, c ?? "", widths[i] - (2 * Pad)).Count).Max();
            var rowHeight = (lines * (BodySize + 2)) + (2 * Pad);
            if (pager.Ensure(rowHeight))
            {
                // The table goes on: its header again on the new page.
                Header(pager.Gfx, fonts, data, widths, x, pager.Y);
                pager.Y += 3 * HeaderRow;
                gfx = pager.Gfx;
            }

            for (var i = 0; i < cells.Length; i++)
            {
                var fill = i == cells.Length - 2 ? SemaforoFill(a.Semaforo) : (XColor?)null;
                Cell(gfx, i == cells.Length - 2 ? fonts.Bold : fonts.Body, cells[i] ?? "", x[i], pager.Y, widths[i], rowHeight, fill, center: false, right: i >= 2 && i < cells.Length - 2);
            }

            pager.Y += rowHeight;
        }
    }

    private const double HeaderRow = 11.0;

    /// <summary>The table's three header rows, as the office's document.</summary>
    private static void Header(XGraphics gfx, Fonts fonts, PoaWorkbookData data, double[] widths, double[] x, double y)
    {
        const int bimesterStart = 2;
        const double h = HeaderRow;
        Cell(gfx, fonts.Bold, ExportText.Num, x[0], y, widths[0], 3 * h, HeaderFill, center: true, pad: 0);
        Cell(gfx, fonts.Bold, ExportText.Activities, x[1], y, widths[1], 3 * h, HeaderFill, center: true);
        Cell(gfx, fonts.Bold, ExportText.YearInBimesters(data.Year), x[bimesterStart], y, widths.Skip(bimesterStart).Take(18).Sum(), h, HeaderFill, center: true);
        foreach (var b in Bimesters.All)
        {
            var col = bimesterStart + ((b - 1) * 3);
            Cell(gfx, fonts.Bold, Bimesters.ShortName(b).ToUpperInvariant(), x[col], y + h, widths[col] * 3, h, HeaderFill, center: true);
            foreach (var (label, offset) in ExportText.ProgRealVar.Select((label, offset) => (label, offset)))
            {
                Cell(gfx, fonts.Body, label.TrimEnd('.'), x[col + offset], y + (2 * h), widths[col + offset], h, HeaderFill, center: true, pad: 0);
            }
        }

        string[] tail =
        [
            ExportText.PdfGoalHeading, ExportText.GoalRealHeading, ExportText.PdfVariationHeading, ExportText.AvanceHeading,
            ExportText.PdfComplianceHeading, ExportText.SemaforoHeading, ExportText.JustificationHeading,
        ];
        for (var i = 0; i < tail.Length; i++)
        {
            var col = bimesterStart + 18 + i;
            Cell(gfx, fonts.Bold, tail[i], x[col], y, widths[col], 3 * h, HeaderFill, center: true);
        }
    }

    /// <summary>At most <see cref="JustificationLines"/> lines of a justification; the rest is on the justifications page.</summary>
    private static string Shortened(XGraphics gfx, XFont font, string text, double width)
    {
        var lines = Wrap(gfx, font, text, width);
        return lines.Count <= JustificationLines ? text : string.Join('\n', [.. lines.Take(JustificationLines - 1), ExportText.SeeJustifications]);
    }

    private static void Notes(Pager pager, Fonts fonts, PoaWorkbookData data)
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
        pager.Y += 6;
        foreach (var note in notes)
        {
            Line(pager, fonts.Body, note, Margin, BodySize + 4);
        }
    }

    /// <summary>One line of text at the pager's height, on a new page when it does not fit.</summary>
    private static void Line(Pager pager, XFont font, string text, double x, double height)
    {
        pager.Ensure(height);
        pager.Gfx.DrawString(text, font, XBrushes.Black, x, pager.Y + BodySize);
        pager.Y += height;
    }

    private static void Justifications(Pager pager, Fonts fonts, PoaWorkbookData data)
    {
        Line(pager, fonts.Bold, ExportText.JustificationsHeading, Margin, 18);
        pager.Continued = ExportText.JustificationsContinued;
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
            pager.Ensure(2 * (BodySize + 3));
            Line(pager, fonts.Bold, $"{a.Num}. {a.Name}", Margin, BodySize + 3);
            foreach (var line in Wrap(pager.Gfx, fonts.Body, text, PageWidth - (2 * Margin) - 12))
            {
                Line(pager, fonts.Body, line, Margin + 12, BodySize + 3);
            }

            pager.Y += 3;
        }

        if (!any)
        {
            Line(pager, fonts.Body, ExportText.NoJustificationNeeded(data.AsOf), Margin, BodySize + 3);
        }

        pager.Continued = null;
    }

    /// <summary>Place and date, then Elaboró / Revisó / Autorizó side by side; low on the page, on a new one if they do not fit.</summary>
    private static void Signature(Pager pager, Fonts fonts, PoaWorkbookData data)
    {
        const double height = 130;
        // Low on the page under the text it signs; alone on a page of its own, right under the title.
        var y = pager.Ensure(height + 24) ? pager.Y + 12 : Math.Max(pager.Y + 24, Bottom - height - 14);
        var gfx = pager.Gfx;
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

        pager.Y = y + height;
    }

    private static void Cell(XGraphics gfx, XFont font, string text, double x, double y, double width, double height, XColor? fill, bool center, bool right = false, double pad = Pad)
    {
        var rect = new XRect(x, y, width, height);
        if (fill is { } color)
        {
            gfx.DrawRectangle(new XSolidBrush(color), rect);
        }

        gfx.DrawRectangle(new XPen(XColors.Gray, 0.5), rect);
        var lines = Wrap(gfx, font, text, width - (2 * pad));
        var lineHeight = font.Size + 2;
        var top = center ? y + ((height - (lines.Count * lineHeight)) / 2) : y + pad;
        foreach (var line in lines)
        {
            var format = center ? XStringFormats.TopCenter : right ? XStringFormats.TopRight : XStringFormats.TopLeft;
            gfx.DrawString(line, font, XBrushes.Black, new XRect(x + pad, top, width - (2 * pad), lineHeight), format);
            top += lineHeight;
        }
    }

    /// <summary>Word wrap by measured width; a word longer than a line (a link, a folio list) is broken where the line ends.</summary>
    private static List<string> Wrap(XGraphics gfx, XFont font, string text, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => Pieces(gfx, font, w, width)))
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

    /// <summary>A word as pieces no wider than <paramref name="width"/> (most words: one piece).</summary>
    private static IEnumerable<string> Pieces(XGraphics gfx, XFont font, string word, double width)
    {
        var start = 0;
        while (start < word.Length)
        {
            var end = word.Length;
            while (end > start + 1 && gfx.MeasureString(word[start..end], font).Width > width)
            {
                end--;
            }

            yield return word[start..end];
            start = end;
        }
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
