using PdfSharp.Fonts;

namespace PoaBot.Core.Reporting;

/// <summary>No TrueType font on the machine: the PDF cannot be drawn.</summary>
public sealed class PdfFontException(string message) : Exception(message);

/// <summary>
/// PDFsharp's core build reads no system fonts by itself: this resolver gives it DejaVu Sans (Debian package
/// <c>fonts-dejavu-core</c>) or Liberation Sans (<c>fonts-liberation</c>) from the usual folders. The fonts are embedded
/// (subset) in every PDF, so the reader's machine needs none.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "PoaBot Sans";

    private static readonly string[][] Candidates =
    [
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
        ["/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"],
        ["/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"],
        ["C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"],
    ];

    private static readonly Lock Gate = new();

    private readonly string regular;
    private readonly string bold;

    private PdfFonts(string regular, string bold)
    {
        this.regular = regular;
        this.bold = bold;
    }

    /// <summary>Installs the resolver once per process; throws <see cref="PdfFontException"/> when no font is found.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is PdfFonts)
            {
                return;
            }

            var found = Candidates.FirstOrDefault(c => File.Exists(c[0]) && File.Exists(c[1]))
                ?? throw new PdfFontException(ExportText.NoFont);
            GlobalFontSettings.FontResolver = new PdfFonts(found[0], found[1]);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "bold" : "regular");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName == "bold" ? bold : regular);
}
