using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;

namespace PoaBot.Tests.Reporting;

public class SummaryCsvTests
{
    private static ActivityProgress Row(string name, int[] prog, params (int Bimester, int Total)[] real) =>
        PoaCalculator.Compute(
            new ActivityPlan(1, "1", name, "", ActivityKind.Generic, prog.Sum(), prog),
            real.ToDictionary(r => r.Bimester, r => r.Total),
            2024,
            new DateOnly(2024, 4, 30),
            SemaforoThresholds.Default);

    private static string[] Fields(string csv) => csv.Split('\n')[1].Split(',');

    [Fact]
    public void Progress_without_programming_is_sin_programacion_not_sobre_la_meta()
    {
        var unprogrammed = Fields(SummaryCsv.Write([Row("A", [0, 0, 5, 0, 0, 0], (1, 2))]));
        var over = Fields(SummaryCsv.Write([Row("A", [1, 1, 0, 0, 0, 0], (1, 3))]));
        var nothing = Fields(SummaryCsv.Write([Row("A", [0, 0, 5, 0, 0, 0])]));

        Assert.Equal(("0", "2", "", "sin_programacion"), (unprogrammed[^5], unprogrammed[^4], unprogrammed[^2], unprogrammed[^1]));
        Assert.Equal(("2", "3", "150.0", "sobre"), (over[^5], over[^4], over[^2], over[^1]));
        Assert.Equal("sin_programa", nothing[^1]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+52 555", "'+52 555")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("Reuniones, vecinos", "\"Reuniones, vecinos\"")]
    [InlineData("Reuniones", "Reuniones")]
    public void Text_a_spreadsheet_would_run_as_a_formula_gets_a_leading_apostrophe(string text, string field) =>
        Assert.Equal(field, Csv.Text(text));

    [Fact]
    public void An_activity_name_starting_with_a_formula_sign_is_neutralised_but_a_negative_variance_is_not()
    {
        var csv = SummaryCsv.Write([Row("=1+1", [5, 0, 0, 0, 0, 0], (1, 1))]);

        Assert.StartsWith("1,'=1+1,5,1,-4,", csv.Split('\n')[1], StringComparison.Ordinal);
    }
}
