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
        var png = ProgressChart.Pages(2024, WorkbookFixture.YearEnd, seed.Progress(WorkbookFixture.YearEnd))[0];

        var (width, height) = Size(png);
        Assert.Equal((1080, 1350), (width, height));
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

        var png = Assert.Single(ProgressChart.Pages(2025, asOf, rows));

        var (width, height) = Size(png);
        Assert.True(width > 0 && height > 0);
    }

    [Fact]
    public void A_poa_without_activities_still_gives_a_png()
    {
        var (width, height) = Size(Assert.Single(ProgressChart.Pages(2025, new DateOnly(2025, 1, 10), [])));

        Assert.True(width > 0 && height > 0);
    }

    [Fact]
    public void Five_activities_make_three_pages_of_the_same_phone_size_not_one_tall_image()
    {
        var rows = Enumerable.Range(1, 5)
            .Select(n => PoaCalculator.Compute(
                new ActivityPlan(n, $"{n}", $"ACTIVIDAD {n}", "", ActivityKind.Generic, 12, [2, 2, 2, 2, 2, 2]),
                new Dictionary<int, int> { [1] = 2, [2] = 1, [3] = 3 },
                2024,
                new DateOnly(2024, 5, 20),
                SemaforoThresholds.Default))
            .ToList();

        var pages = ProgressChart.Pages(2024, new DateOnly(2024, 5, 20), rows);

        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal((1080, 1350), Size(p)));
        if (Environment.GetEnvironmentVariable("POABOT_CHART_OUT") is { Length: > 0 } folder)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                File.WriteAllBytes(Path.Combine(folder, $"chart-{i + 1}.png"), pages[i]);
            }
        }
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
