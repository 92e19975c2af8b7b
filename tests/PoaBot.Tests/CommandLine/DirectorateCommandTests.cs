using PoaBot.Core.Conversations;
using PoaBot.Core.People;
using PoaBot.Core.Samples;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.CommandLine;

/// <summary><c>directorate add|set|list</c>, and <c>--directorate</c>: optional while there is one directorate, required with several.</summary>
public sealed class DirectorateCommandTests : IDisposable
{
    private readonly TestDatabase test = new();
    private readonly CliRunner cli;
    private readonly string poa;

    public DirectorateCommandTests()
    {
        cli = new CliRunner(test.Path);
        poa = Path.Combine(test.Folder, "poa.txt");
        File.WriteAllBytes(poa, SampleData.PoaBytes());
    }

    public void Dispose() => test.Dispose();

    public static TheoryData<string[]> VerbsOfOneDirectorate() => new()
    {
        { ["summary"] },
        { ["export", "--csv", "poa.csv"] },
        { ["chart", "avance.png"] },
        { ["invite", "--role", "director"] },
        { ["council", "add", "Consejo Centro"] },
        { ["council", "import", "consejos.csv"] },
    };

    [Theory]
    [MemberData(nameof(VerbsOfOneDirectorate))]
    public async Task With_one_directorate_the_option_is_not_needed_and_with_two_it_is(string[] args)
    {
        await File.WriteAllTextAsync(Path.Combine(test.Folder, "consejos.csv"), "Consejo Norte,Norte\n");
        args = [.. args.Select(a => a.Contains('.', StringComparison.Ordinal) ? Path.Combine(test.Folder, a) : a)];
        Assert.Equal(0, (await cli.RunAsync(["import", poa])).Exit);
        Assert.Equal(0, (await cli.RunAsync(args)).Exit);

        Assert.Equal(0, (await cli.RunAsync(["directorate", "add", "dop", "Dirección de Obras Públicas"])).Exit);
        Assert.Equal(2, (await cli.RunAsync(["import", poa])).Exit);
        Assert.Equal(0, (await cli.RunAsync(["import", poa, "--directorate", "dop"])).Exit);
        var without = await cli.RunAsync(args);
        var unknown = await cli.RunAsync([.. args, "--directorate", "XYZ"]);
        var with = await cli.RunAsync([.. args, "--directorate", "DOP"]);

        Assert.Equal((2, 2, 0), (without.Exit, unknown.Exit, with.Exit));
        Assert.Equal(DirectorateText.Required(["DPC", "DOP"]), without.Error.Trim());
        Assert.Contains("DPC, DOP", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_directorate_has_its_own_poa_councils_and_settings_and_the_list_shows_both()
    {
        var settings = """{"Semaforo": {"Green": 95}, "Report": {"Authorized": {"Name": "Ing. Ruiz", "Position": "Director de Obras"}}}""";
        var added = await cli.RunAsync(["directorate", "add", "DOP", "Dirección de Obras Públicas", "--settings", settings]);
        var again = await cli.RunAsync(["directorate", "add", "dop", "Otra"]);
        var badCode = await cli.RunAsync(["directorate", "add", "D", "Corta"]);
        var badSettings = await cli.RunAsync(["directorate", "set", "DOP", "--settings", """{"Semaforo": {"Green": 50}}"""]);
        await cli.RunAsync(["import", poa, "--directorate", "DOP"]);
        await cli.RunAsync(["council", "add", "Consejo Centro", "--directorate", "DOP"]);
        await cli.RunAsync(["directorate", "set", "DPC", "--name", "Dirección de Participación Ciudadana"]);
        var list = await cli.RunAsync(["directorate", "list"]);

        Assert.Equal((0, 1, 1, 1), (added.Exit, again.Exit, badCode.Exit, badSettings.Exit));
        Assert.Equal(DirectorateText.BadSettings, badSettings.Error.Trim());
        Assert.Equal(
            [DirectorateText.ListLine("DPC", "Dirección de Participación Ciudadana", false), DirectorateText.ListLine("DOP", "Dirección de Obras Públicas", true)],
            list.Output.Trim().Split('\n'));
        test.Database.Read(db =>
        {
            var dop = new DirectorateStore(db).ByCode("DOP")!;
            Assert.Equal(95m, dop.Settings!.Thresholds(Core.Domain.SemaforoThresholds.Default).Green);
            Assert.Equal("Ing. Ruiz", dop.Settings.Signature(Core.Reporting.ReportSignature.None).Authorized.Name);
            Assert.NotNull(new PoaStore(db.In(dop.Id)).Find(2024));
            Assert.Null(new PoaStore(db).Find(2024));
            Assert.Empty(new PeopleStore(db).Councils());
            return Assert.Single(new PeopleStore(db.In(dop.Id)).Councils());
        });
    }

    [Fact]
    public async Task A_planning_invite_needs_no_directorate_and_registers_someone_who_reads_them_all()
    {
        await cli.RunAsync(["directorate", "add", "DOP", "Obras"]);

        var result = await cli.RunAsync(["invite", "--role", "planeacion"]);

        Assert.Equal(0, result.Exit);
        var payload = result.Output.Split("?start=")[1].Split('\n')[0].Trim();
        Assert.Equal(RedeemResult.Registered, test.Database.Write(db => new PeopleStore(db).Redeem(payload, 42, "Plan", DateTimeOffset.UtcNow)));
        Assert.Equal(
            [("DPC", Roles.Planning), ("DOP", Roles.Planning)],
            test.Database.Read(db => new DirectorateStore(db).Of(42).Select(d => (d.Code, d.Role))));
    }
}
