using System.Buffers.Binary;
using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;

namespace PoaBot.Tests.Reporting;

public sealed class ProgressChartTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly WorkbookFixture seed = new();

    public void Dispose() => seed.Dispose();

    [Fact]
    public void A_full_year_gives_a_png_a_phone_can_show()
    {
        var png = ProgressChart.Png(2024, WorkbookFixture.YearEnd, seed.Progress(WorkbookFixture.YearEnd));

        var (width, height) = Size(png);
        Assert.Equal(1080, width);
        Assert.True(height >= 1350, $"height {height}");
    }

    [Fact]
    public void A_year_without_records_gives_a_png_too()
    {
        ActivityPlan[] plans =
        [
            new(1, "1", "REUNIONES DE CONSEJOS", "", ActivityKind.Meeting, 20, [0, 1, 0, 0, 9, 10]),
            new(2, "2", "PROGRAMAS DE APOYOS SOCIALES", "", ActivityKind.SocialProgram, 0, [0, 0, 0, 0, 0, 0]),
        ];
        var asOf = new DateOnly(2025, 3, 1);
        var rows = plans.Select(p => PoaCalculator.Compute(p, new Dictionary<int, int>(), 2025, asOf, SemaforoThresholds.Default)).ToList();

        var png = ProgressChart.Png(2025, asOf, rows);

        var (width, height) = Size(png);
        Assert.True(width > 0 && height > 0);
    }

    [Fact]
    public void A_poa_without_activities_still_gives_a_png()
    {
        var (width, height) = Size(ProgressChart.Png(2025, new DateOnly(2025, 1, 10), []));

        Assert.True(width > 0 && height > 0);
    }

    /// <summary>Checks the PNG signature and reads the size from the IHDR chunk.</summary>
    private static (int Width, int Height) Size(byte[] png)
    {
        Assert.True(png.Length > 33, "too short for a PNG");
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
