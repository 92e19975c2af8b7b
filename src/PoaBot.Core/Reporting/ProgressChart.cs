using PoaBot.Core.Domain;
using ScottPlot;
using SkiaSharp;

namespace PoaBot.Core.Reporting;

/// <summary>
/// The POA's progress as a PNG for a phone screen: one panel per activity with PROG and REAL per bimester as bars and the
/// year's cumulative REAL as a line against the annual goal. Drawn with ScottPlot on a SkiaSharp surface; text falls back to
/// the default typeface when the machine has none of the usual fonts.
/// </summary>
public static class ProgressChart
{
    public const int Width = 1080;

    private const int HeaderHeight = 250;
    private const int PanelHeight = 460;
    private const float NameSize = 30;
    private const int FooterHeight = 70;
    private const int MinHeight = 1350;
    private const float Margin = 40;

    private static readonly string[] SansFonts = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "FreeSans"];

    /// <summary>Resolved once and never disposed: SkiaSharp shares typeface objects between callers, and charts may render in parallel.</summary>
    private static readonly Lazy<(string? Name, SKTypeface Regular, SKTypeface Bold)> Fonts = new(ResolveFonts);

    private static readonly SKColor Ink = new(0x21, 0x21, 0x21);
    private static readonly SKColor Muted = new(0x61, 0x61, 0x61);
    private static readonly SKColor ProgColor = new(0xA6, 0xB8, 0xCF);
    private static readonly SKColor RealColor = new(0x1F, 0x5F, 0xA8);
    private static readonly SKColor CumulativeColor = new(0xE0, 0x7B, 0x00);
    private static readonly SKColor GoalColor = new(0xC0, 0x39, 0x2B);

    /// <summary>The chart as PNG bytes: 1080 pixels wide, at least 1350 tall (taller when there are more than two activities).</summary>
    public static byte[] Png(int year, DateOnly asOf, IReadOnlyList<ActivityProgress> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var height = Math.Max(MinHeight, HeaderHeight + (rows.Count * PanelHeight) + FooterHeight);
        var (fontName, typeface, bold) = Fonts.Value;

        using var surface = SKSurface.Create(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        Header(canvas, bold, typeface, year, asOf);
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

        Footer(canvas, typeface, rows, height);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Header(SKCanvas canvas, SKTypeface bold, SKTypeface typeface, int year, DateOnly asOf)
    {
        Text(canvas, bold, ExportText.ChartTitle(year, Numbers.AsOfPhrase(year, asOf)), Margin, 78, 50, Ink);
        Text(canvas, typeface, ExportText.ChartHowToRead, Margin, 132, 30, Muted);

        // The legend, once for every panel: two rows of two items.
        var items = new (string Label, SKColor Color, bool Bar, bool Dashed)[]
        {
            (ExportText.ChartLegend[0], ProgColor, true, false),
            (ExportText.ChartLegend[1], RealColor, true, false),
            (ExportText.ChartLegend[2], CumulativeColor, false, false),
            (ExportText.ChartLegend[3], GoalColor, false, true),
        };
        for (var i = 0; i < items.Length; i++)
        {
            var x = Margin + ((i % 2) * 480);
            var y = 182 + ((i / 2) * 48);
            var (label, color, bar, dashed) = items[i];
            using var paint = new SKPaint { Color = color, IsAntialias = true, StrokeWidth = 6, Style = bar ? SKPaintStyle.Fill : SKPaintStyle.Stroke };
            if (dashed)
            {
                paint.PathEffect = SKPathEffect.CreateDash([16, 10], 0);
            }

            if (bar)
            {
                canvas.DrawRect(x, y - 26, 44, 32, paint);
            }
            else
            {
                canvas.DrawLine(x, y - 10, x + 56, y - 10, paint);
            }

            Text(canvas, typeface, label, x + 70, y, 32, Ink);
        }
    }

    private static void Panel(SKCanvas canvas, SKTypeface bold, SKTypeface typeface, string? fontName, ActivityProgress a, SKRect area)
    {
        using (var rule = new SKPaint { Color = new SKColor(0xDD, 0xDD, 0xDD), StrokeWidth = 2 })
        {
            canvas.DrawLine(Margin, area.Top + 4, Width - Margin, area.Top + 4, rule);
        }

        var lines = Wrap($"{a.Num}. {Capitalize(a.Name)}", bold, NameSize, Width - (2 * Margin), maxLines: 2);
        for (var i = 0; i < lines.Count; i++)
        {
            Text(canvas, bold, lines[i], Margin, area.Top + 46 + (i * 38), NameSize, Ink);
        }

        var statusLine = area.Top + 46 + (lines.Count * 38) + 10;
        using (var paint = new SKPaint { Color = SemaforoColor(a.Semaforo), IsAntialias = true })
        {
            canvas.DrawCircle(Margin + 13, statusLine - 11, 13, paint);
        }

        using (var ring = new SKPaint { Color = Muted, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 })
        {
            canvas.DrawCircle(Margin + 13, statusLine - 11, 13, ring);
        }

        Text(canvas, typeface, Status(a), Margin + 36, statusLine, 28, Ink);

        // ScottPlot paints its whole canvas, so each panel is drawn on its own surface and then placed.
        var plotTop = statusLine + 16;
        var size = new SKImageInfo(Width - (int)Margin, (int)(area.Bottom - 6 - plotTop), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(size) ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        using (var plot = Plot(a, fontName))
        {
            plot.Render(surface.Canvas, size.Width, size.Height);
        }

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
                var color = Color.FromSKColor(RealColor);
                bars.Add(new Bar
                {
                    Position = cell.Bimester + half,
                    Value = real,
                    Size = 2 * half * 0.95,
                    FillColor = cell.State == PeriodState.Open ? color.WithAlpha(0.45) : color,
                    LineWidth = 0,
                    Label = Numbers.Int(real),
                });
            }
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 26;
        barPlot.ValueLabelStyle.ForeColor = Color.FromSKColor(Ink);

        // Cumulative REAL at the end of each closed bimester and of the open one, starting from 0.
        var reported = a.Bimesters.Where(b => b.Real is not null).ToList();
        var xs = new List<double> { 0.5 };
        var ys = new List<double> { 0 };
        var sum = 0;
        foreach (var cell in reported)
        {
            sum += cell.Real!.Value;
            xs.Add(cell.Bimester + 0.5);
            ys.Add(sum);
        }

        if (reported.Count > 0)
        {
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), Color.FromSKColor(CumulativeColor));
            line.LineWidth = 6;
            line.MarkerSize = 14;
            line.MarkerShape = MarkerShape.FilledCircle;
        }

        plot.Add.HorizontalLine(a.Goal, 4, Color.FromSKColor(GoalColor), LinePattern.Dashed);
        var goalText = plot.Add.Text(ExportText.ChartGoal(a.Goal), Bimesters.Count + 0.55, a.Goal);
        goalText.LabelFontSize = 24;
        goalText.LabelFontColor = Color.FromSKColor(GoalColor);
        goalText.LabelBold = true;
        goalText.LabelAlignment = Alignment.LowerRight;

        var top = new[] { a.Goal, sum, a.Bimesters.Max(b => Math.Max(b.Prog, b.Real ?? 0)), 1 }.Max();
        plot.Axes.SetLimits(0.4, Bimesters.Count + 0.6, 0, top * 1.22);
        plot.Axes.Bottom.SetTicks([.. Bimesters.All.Select(b => (double)b)], [.. Bimesters.All.Select(Bimesters.ShortName)]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 26;
        plot.Axes.Left.TickLabelStyle.FontSize = 24;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, TargetTickCount = 4 };
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Layout.Fixed(new PixelPadding(left: 70, right: 16, bottom: 48, top: 8));
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.HideLegend();
        return plot;
    }

    private static void Footer(SKCanvas canvas, SKTypeface typeface, IReadOnlyList<ActivityProgress> rows, int height)
    {
        var open = rows.SelectMany(r => r.Bimesters).FirstOrDefault(b => b.State == PeriodState.Open);
        var note = open is null
            ? ExportText.ChartSource
            : ExportText.ChartOpenBimester(Bimesters.ShortName(open.Bimester));
        Text(canvas, typeface, note, Margin, height - 28, 26, Muted);
    }

    /// <summary>"Avance 11 de 20 (55.0 %) · Cumplimiento 55.0 %: rojo": the semáforo as a word and a number, never colour alone.</summary>
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
