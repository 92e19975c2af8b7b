using PoaBot.Core.Domain;
using ScottPlot;
using SkiaSharp;

namespace PoaBot.Core.Reporting;

/// <summary>
/// The POA's progress as PNG pages for a phone screen (1080 × 1350, two activities a page): one panel per activity with PROG
/// and REAL per bimester as bars (the open bimester hatched and marked «en curso»), the year's cumulative PROG and REAL as
/// lines against the annual goal. Drawn with ScottPlot on a SkiaSharp surface; text falls back to the default typeface when
/// the machine has none of the usual fonts.
/// </summary>
public static class ProgressChart
{
    public const int Width = 1080;

    public const int Height = 1350;

    /// <summary>Activities on one page.</summary>
    public const int PerPage = 2;

    private const int HeaderHeight = 300;
    private const int FooterHeight = 70;
    private const int PanelHeight = (Height - HeaderHeight - FooterHeight) / PerPage;
    private const float NameSize = 32;
    private const float LabelSize = 30;
    private const float Margin = 40;

    private static readonly string[] SansFonts = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "FreeSans"];

    /// <summary>Resolved once and never disposed: SkiaSharp shares typeface objects between callers, and charts may render in parallel.</summary>
    private static readonly Lazy<(string? Name, SKTypeface Regular, SKTypeface Bold)> Fonts = new(ResolveFonts);

    private static readonly SKColor Ink = new(0x21, 0x21, 0x21);
    private static readonly SKColor Muted = new(0x61, 0x61, 0x61);
    private static readonly SKColor ProgColor = new(0xA6, 0xB8, 0xCF);
    private static readonly SKColor RealColor = new(0x1F, 0x5F, 0xA8);
    private static readonly SKColor CumulativeColor = new(0xE0, 0x7B, 0x00);
    private static readonly SKColor ProgLineColor = new(0x5A, 0x6E, 0x8A);
    private static readonly SKColor GoalColor = new(0xC0, 0x39, 0x2B);

    /// <summary>How many pages <see cref="Pages"/> gives for <paramref name="activities"/> activities (at least one).</summary>
    public static int PageCount(int activities) => Math.Max(1, (activities + PerPage - 1) / PerPage);

    /// <summary>The chart as PNG pages, <see cref="PerPage"/> activities each, every page 1080 × 1350 pixels.</summary>
    public static IReadOnlyList<byte[]> Pages(int year, DateOnly asOf, IReadOnlyList<ActivityProgress> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. Enumerable.Range(1, PageCount(rows.Count)).Select(p => Page(year, asOf, rows, p))];
    }

    /// <summary>Page <paramref name="page"/> (from 1) of <see cref="Pages"/>.</summary>
    public static byte[] Page(int year, DateOnly asOf, IReadOnlyList<ActivityProgress> all, int page)
    {
        var pages = PageCount(all.Count);
        var rows = all.Skip((page - 1) * PerPage).Take(PerPage).ToList();
        var (fontName, typeface, bold) = Fonts.Value;
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        Header(canvas, bold, typeface, year, asOf, pages > 1 ? ExportText.ChartPage(page, pages) : "");
        if (rows.Count == 0)
        {
            Text(canvas, typeface, ExportText.ChartNoActivities, Margin, HeaderHeight + 80, 36, Muted);
        }

        var top = (float)HeaderHeight;
        foreach (var activity in rows)
        {
            Panel(canvas, bold, typeface, fontName, activity, new SKRect(0, top, Width, top + PanelHeight));
            top += PanelHeight;
        }

        Footer(canvas, typeface, rows);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Header(SKCanvas canvas, SKTypeface bold, SKTypeface typeface, int year, DateOnly asOf, string page)
    {
        Text(canvas, bold, ExportText.ChartTitle(year, Numbers.AsOfPhrase(year, asOf)), Margin, 74, 48, Ink);
        Text(canvas, typeface, ExportText.ChartHowToRead + page + ".", Margin, 124, LabelSize, Muted);

        // The legend, once for every panel: three rows of two items.
        var items = new (string Label, SKColor Color, Legend Kind)[]
        {
            (ExportText.ChartLegend[0], ProgColor, Legend.Bar),
            (ExportText.ChartLegend[1], RealColor, Legend.Bar),
            (ExportText.ChartLegend[2], RealColor, Legend.Hatched),
            (ExportText.ChartLegend[3], GoalColor, Legend.Dashed),
            (ExportText.ChartLegend[4], ProgLineColor, Legend.Dotted),
            (ExportText.ChartLegend[5], CumulativeColor, Legend.Line),
        };
        for (var i = 0; i < items.Length; i++)
        {
            var x = Margin + ((i % 2) * 500);
            var y = 178 + ((i / 2) * 46);
            var (label, color, kind) = items[i];
            using var paint = new SKPaint { Color = color, IsAntialias = true, StrokeWidth = 6, Style = kind is Legend.Bar ? SKPaintStyle.Fill : SKPaintStyle.Stroke };
            paint.PathEffect = kind switch
            {
                Legend.Dashed => SKPathEffect.CreateDash([16, 10], 0),
                Legend.Dotted => SKPathEffect.CreateDash([6, 8], 0),
                _ => null,
            };
            if (kind is Legend.Bar or Legend.Hatched)
            {
                var box = new SKRect(x, y - 26, x + 44, y + 6);
                canvas.DrawRect(box, paint);
                if (kind is Legend.Hatched)
                {
                    Stripes(canvas, box, color);
                }
            }
            else
            {
                canvas.DrawLine(x, y - 10, x + 56, y - 10, paint);
            }

            Text(canvas, typeface, label, x + 70, y, LabelSize, Ink);
        }
    }

    private enum Legend
    {
        Bar,
        Hatched,
        Line,
        Dashed,
        Dotted,
    }

    /// <summary>Diagonal stripes inside <paramref name="box"/>: the open bimester's look in the legend.</summary>
    private static void Stripes(SKCanvas canvas, SKRect box, SKColor color)
    {
        using var stripe = new SKPaint { Color = color, IsAntialias = true, StrokeWidth = 4, Style = SKPaintStyle.Stroke };
        canvas.Save();
        canvas.ClipRect(box);
        for (var d = -box.Height; d < box.Width; d += 11)
        {
            canvas.DrawLine(box.Left + d, box.Bottom, box.Left + d + box.Height, box.Top, stripe);
        }

        canvas.Restore();
    }

    private static void Panel(SKCanvas canvas, SKTypeface bold, SKTypeface typeface, string? fontName, ActivityProgress a, SKRect area)
    {
        using var rule = new SKPaint { Color = new SKColor(0xDD, 0xDD, 0xDD), StrokeWidth = 2 };
        canvas.DrawLine(Margin, area.Top + 4, Width - Margin, area.Top + 4, rule);

        var lines = Wrap($"{a.Num}. {Capitalize(a.Name)}", bold, NameSize, Width - (2 * Margin), maxLines: 2);
        for (var i = 0; i < lines.Count; i++)
        {
            Text(canvas, bold, lines[i], Margin, area.Top + 46 + (i * 40), NameSize, Ink);
        }

        var statusLine = area.Top + 46 + (lines.Count * 40) + 10;
        using var light = new SKPaint { Color = SemaforoColor(a.Semaforo), IsAntialias = true };
        using var ring = new SKPaint { Color = Muted, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        canvas.DrawCircle(Margin + 13, statusLine - 11, 13, light);
        canvas.DrawCircle(Margin + 13, statusLine - 11, 13, ring);

        Text(canvas, typeface, Status(a), Margin + 36, statusLine, LabelSize, Ink);

        // ScottPlot paints its whole canvas, so each panel is drawn on its own surface and then placed.
        var plotTop = statusLine + 16;
        var size = new SKImageInfo(Width - (int)Margin, (int)(area.Bottom - 6 - plotTop), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(size) ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        using var plot = Plot(a, fontName);
        plot.Render(surface.Canvas, size.Width, size.Height);
        using var image = surface.Snapshot();
        canvas.DrawImage(image, Margin / 2, plotTop);
    }

    private static Plot Plot(ActivityProgress a, string? fontName)
    {
        var plot = new Plot();
        if (fontName is not null)
        {
            plot.Font.Set(fontName);
        }

        const double half = 0.19;
        var bars = new List<Bar>();
        foreach (var cell in a.Bimesters)
        {
            bars.Add(new Bar
            {
                Position = cell.Bimester - half,
                Value = cell.Prog,
                Size = 2 * half * 0.95,
                FillColor = Color.FromSKColor(ProgColor),
                LineWidth = 0,
                Label = cell.Prog > 0 ? Numbers.Int(cell.Prog) : "",
            });
            if (cell.Real is { } real)
            {
                var open = cell.State == PeriodState.Open;
                var bar = new Bar
                {
                    Position = cell.Bimester + half,
                    Value = real,
                    Size = 2 * half * 0.95,
                    FillColor = open ? Colors.White : Color.FromSKColor(RealColor),
                    LineColor = Color.FromSKColor(RealColor),
                    LineWidth = open ? 3 : 0,
                    Label = Numbers.Int(real),
                };
                if (open)
                {
                    bar.FillStyle.Hatch = new ScottPlot.Hatches.Striped();
                    bar.FillStyle.HatchColor = Color.FromSKColor(RealColor);
                }

                bars.Add(bar);
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = LabelSize;
        barPlot.ValueLabelStyle.ForeColor = Color.FromSKColor(Ink);

        // Cumulative PROG through the year: where the line of REAL should be at each bimester's end.
        var progYs = Running(a.Bimesters.Select(c => c.Prog));
        var progLine = plot.Add.ScatterLine(Ends(a.Bimesters), progYs, Color.FromSKColor(ProgLineColor));
        progLine.LineWidth = 4;
        progLine.LinePattern = LinePattern.Dotted;
        progLine.MarkerSize = 12;
        progLine.MarkerShape = MarkerShape.FilledSquare;

        // Cumulative REAL at the end of each closed bimester and of the open one, starting from 0.
        var reported = a.Bimesters.Where(b => b.Real is not null).ToList();
        var ys = Running(reported.Select(c => c.Real!.Value));
        if (reported.Count > 0)
        {
            var line = plot.Add.ScatterLine(Ends(reported), ys, Color.FromSKColor(CumulativeColor));
            line.LineWidth = 6;
            line.MarkerSize = 14;
            line.MarkerShape = MarkerShape.FilledCircle;
        }

        plot.Add.HorizontalLine(a.Goal, 4, Color.FromSKColor(GoalColor), LinePattern.Dashed);
        Label(plot, ExportText.ChartGoal(a.Goal), Bimesters.Count + 0.55, a.Goal, GoalColor, Alignment.LowerRight);
        if (a.OpenBimester is { } current)
        {
            // Above both value labels of the open bimester.
            var height = Math.Max(current.Prog, current.Real ?? 0);
            var tag = Label(plot, ExportText.ChartOpenTag, current.Bimester, height, RealColor, Alignment.LowerCenter);
            tag.LabelOffsetY = -(LabelSize + 12);
        }

        var top = new[] { a.Goal, (int)ys[^1], (int)progYs[^1], a.Bimesters.Max(b => Math.Max(b.Prog, b.Real ?? 0)), 1 }.Max();
        plot.Axes.SetLimits(0.4, Bimesters.Count + 0.6, 0, top * 1.3);
        plot.Axes.Bottom.SetTicks([.. Bimesters.All.Select(b => (double)b)], [.. Bimesters.All.Select(Bimesters.ShortName)]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Left.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, TargetTickCount = 4 };
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Layout.Fixed(new PixelPadding(left: 80, right: 16, bottom: 52, top: 8));
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.HideLegend();
        return plot;
    }

    /// <summary>The bimesters' ends on the x axis, from the start of the year: 0.5, 1.5 … 6.5.</summary>
    private static double[] Ends(IEnumerable<BimesterCell> cells) => [0.5, .. cells.Select(c => c.Bimester + 0.5)];

    /// <summary>The running sum from 0: 0, v1, v1 + v2, …</summary>
    private static double[] Running(IEnumerable<int> values)
    {
        double sum = 0;
        return [0, .. values.Select(v => sum += v)];
    }

    private static ScottPlot.Plottables.Text Label(Plot plot, string text, double x, double y, SKColor color, Alignment alignment)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = LabelSize;
        label.LabelFontColor = Color.FromSKColor(color);
        label.LabelBold = true;
        label.LabelAlignment = alignment;
        return label;
    }

    private static void Footer(SKCanvas canvas, SKTypeface typeface, IReadOnlyList<ActivityProgress> rows)
    {
        var open = rows.SelectMany(r => r.Bimesters).FirstOrDefault(b => b.State == PeriodState.Open);
        var note = open is null ? ExportText.ChartSource : ExportText.ChartOpenBimester(Bimesters.ShortName(open.Bimester));
        Text(canvas, typeface, note, Margin, Height - 28, LabelSize, Muted);
    }

    /// <summary>"11 de 20 (55.0 %) · cumplimiento 55.0 %: rojo": the semáforo as a word and a number, never colour alone.</summary>
    private static string Status(ActivityProgress a) =>
        ExportText.ChartStatus(a.RealAcum, a.Goal, a.AvancePct, a.CumplimientoPct, a.Semaforo.PlainWords(a.ProgAcum));

    private static SKColor SemaforoColor(Semaforo s) => s switch
    {
        Semaforo.Verde => new SKColor(0x2E, 0x9E, 0x44),
        Semaforo.Amarillo => new SKColor(0xF2, 0xC0, 0x1E),
        Semaforo.Rojo => new SKColor(0xD3, 0x2F, 0x2F),
        Semaforo.Sobre => new SKColor(0x1E, 0x88, 0xE5),
        _ => new SKColor(0xF5, 0xF5, 0xF5),
    };

    private static void Text(SKCanvas canvas, SKTypeface typeface, string text, float x, float y, float size, SKColor color)
    {
        using var font = new SKFont(typeface, size) { Edging = SKFontEdging.Antialias };
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, x, y, SKTextAlign.Left, font, paint);
    }

    /// <summary>Breaks a text into lines that fit <paramref name="width"/> pixels; the last line ends in an ellipsis if text is left.</summary>
    private static List<string> Wrap(string text, SKTypeface typeface, float size, float width, int maxLines)
    {
        using var font = new SKFont(typeface, size);
        var lines = new List<string>();
        var line = "";
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var candidate = line.Length == 0 ? words[i] : $"{line} {words[i]}";
            if (line.Length == 0 || font.MeasureText(candidate) <= width)
            {
                line = candidate;
                continue;
            }

            if (lines.Count == maxLines - 1)
            {
                lines.Add(Ellipsis(string.Join(' ', [line, .. words[i..]]), font, width));
                return lines;
            }

            lines.Add(line);
            line = words[i];
        }

        lines.Add(Ellipsis(line, font, width));
        return lines;
    }

    private static string Ellipsis(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 1 && font.MeasureText(text[..cut].TrimEnd() + "…") > width)
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }

    /// <summary>The office writes names in capitals; a sentence reads better on a small screen.</summary>
    private static string Capitalize(string name)
    {
        var lower = name.Trim().ToLower(Numbers.Mexico);
        return lower.Length == 0 ? lower : char.ToUpper(lower[0], Numbers.Mexico) + lower[1..];
    }

    /// <summary>The first usual sans-serif family installed; with none, SkiaSharp's default typeface (and ScottPlot's own fallback).</summary>
    private static (string? Name, SKTypeface Regular, SKTypeface Bold) ResolveFonts()
    {
        var families = SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = SansFonts.FirstOrDefault(families.Contains);
        SKTypeface Typeface(SKFontStyle style) =>
            (name is null ? null : SKTypeface.FromFamilyName(name, style)) ?? SKTypeface.FromFamilyName(null, style) ?? SKTypeface.Default;
        return (name, Typeface(SKFontStyle.Normal), Typeface(SKFontStyle.Bold));
    }
}
