using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using PoaBot.Core.Domain;

namespace PoaBot.Core.Reporting;

/// <summary>The workbook's stylesheet; each constant is an index into its cell formats.</summary>
internal static class XlsxStyles
{
    public const uint Default = 0;
    public const uint Title = 1;
    public const uint Subtitle = 2;
    public const uint Note = 3;
    public const uint Header = 4;
    public const uint Text = 5;
    public const uint Wrap = 6;
    public const uint Int = 7;
    public const uint IntOpen = 8;
    public const uint Date = 9;
    public const uint DateTime = 10;
    public const uint Percent = 11;
    public const uint Verde = 12;
    public const uint Amarillo = 13;
    public const uint Rojo = 14;
    public const uint Sobre = 15;
    public const uint SinPrograma = 16;
    public const uint Bold = 17;

    private const uint DateFormat = 164;
    private const uint DateTimeFormat = 165;
    private const uint PercentFormat = 166;
    private const uint ThousandsFormat = 3; // built-in #,##0

    public static uint Of(Semaforo semaforo) => semaforo switch
    {
        Semaforo.Verde => Verde,
        Semaforo.Amarillo => Amarillo,
        Semaforo.Rojo => Rojo,
        Semaforo.Sobre => Sobre,
        _ => SinPrograma,
    };

    public static Stylesheet Create()
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "dd/mm/yyyy hh:mm" },
            new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" })
        { Count = 3 };

        // Fonts: 0 normal, 1 bold, 2 title, 3 subtitle, 4 small italic, 5 italic.
        var fonts = new Fonts(
            Font(bold: false, italic: false, size: 11),
            Font(bold: true, italic: false, size: 11),
            Font(bold: true, italic: false, size: 14),
            Font(bold: true, italic: false, size: 12),
            Font(bold: false, italic: true, size: 10),
            Font(bold: false, italic: true, size: 11))
        { Count = 6 };

        // Fills: 0 and 1 are the two Excel requires; then header, verde, amarillo, rojo, sobre, sin programa.
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9E1F2"),
            Solid("FFC6EFCE"),
            Solid("FFFFEB9C"),
            Solid("FFFFC7CE"),
            Solid("FFBDD7EE"),
            Solid("FFEDEDED"))
        { Count = 8 };

        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Side<LeftBorder>(), Side<RightBorder>(), Side<TopBorder>(), Side<BottomBorder>(), new DiagonalBorder()))
        { Count = 2 };

        var xfs = new CellFormats(
            Xf(font: 0),                                                        // Default
            Xf(font: 2),                                                        // Title
            Xf(font: 3),                                                        // Subtitle
            Xf(font: 4),                                                        // Note
            Xf(font: 1, fill: 2, border: 1, wrap: true, center: true),          // Header
            Xf(border: 1),                                                      // Text
            Xf(border: 1, wrap: true),                                          // Wrap
            Xf(border: 1, numFmt: ThousandsFormat),                             // Int
            Xf(font: 5, border: 1, numFmt: ThousandsFormat),                    // IntOpen
            Xf(border: 1, numFmt: DateFormat),                                  // Date
            Xf(border: 1, numFmt: DateTimeFormat),                              // DateTime
            Xf(border: 1, numFmt: PercentFormat),                               // Percent
            Xf(font: 1, fill: 3, border: 1, wrap: true, center: true),  // Verde
            Xf(font: 1, fill: 4, border: 1, wrap: true, center: true),  // Amarillo
            Xf(font: 1, fill: 5, border: 1, wrap: true, center: true),  // Rojo
            Xf(font: 1, fill: 6, border: 1, wrap: true, center: true),  // Sobre
            Xf(font: 1, fill: 7, border: 1, wrap: true, center: true),  // SinPrograma
            Xf(font: 1))                                                        // Bold
        { Count = 18 };

        return new Stylesheet(
            formats,
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            xfs,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
            new DifferentialFormats { Count = 0 },
            new TableStyles { Count = 0, DefaultTableStyle = "TableStyleMedium2", DefaultPivotStyle = "PivotStyleLight16" });
    }

    private static Font Font(bool bold, bool italic, double size)
    {
        // Child order is fixed by the schema: b, i, sz, color, name, family. No theme colours: the workbook has no theme part.
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        if (italic)
        {
            font.Append(new Italic());
        }

        font.Append(
            new FontSize { Val = size },
            new Color { Rgb = "FF000000" },
            new FontName { Val = "Calibri" },
            new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static Fill Solid(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static T Side<T>()
        where T : BorderPropertiesType, new() =>
        new() { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FF808080" } };

    private static CellFormat Xf(uint font = 0, uint fill = 0, uint border = 0, uint numFmt = 0, bool wrap = false, bool center = false)
    {
        var xf = new CellFormat
        {
            NumberFormatId = numFmt,
            FontId = font,
            FillId = fill,
            BorderId = border,
            FormatId = 0,
            ApplyNumberFormat = numFmt != 0 ? true : null,
            ApplyFont = font != 0 ? true : null,
            ApplyFill = fill != 0 ? true : null,
            ApplyBorder = border != 0 ? true : null,
            ApplyAlignment = true,
        };
        xf.Append(new Alignment
        {
            Vertical = center ? VerticalAlignmentValues.Center : VerticalAlignmentValues.Top,
            Horizontal = center ? HorizontalAlignmentValues.Center : null,
            WrapText = wrap ? true : null,
        });
        return xf;
    }

    /// <summary>Excel's serial day number (1900 date system) of a date.</summary>
    public static double Serial(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    public static double Serial(System.DateTime local) => (local - new System.DateTime(1899, 12, 30)).TotalDays;
}
