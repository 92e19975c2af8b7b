using System.Text;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.CommandLine;

public sealed class PeopleCommandTests : IDisposable
{
    private readonly TestDatabase test = new();
    private readonly CliRunner cli;

    public PeopleCommandTests() => cli = new CliRunner(test.Path);

    public void Dispose() => test.Dispose();

    [Fact]
    public async Task Council_add_adds_once_and_says_when_it_exists()
    {
        var first = await cli.RunAsync(["council", "add", "Consejo Centro", "--locality", "Cabecera"]);
        var again = await cli.RunAsync(["council", "add", "consejo centro"]);

        Assert.Equal((0, 1), (first.Exit, again.Exit));
        Assert.Contains("Ya existe", again.Error, StringComparison.Ordinal);
        Assert.Equal("Cabecera", test.Database.Read(db => new PeopleStore(db).Council("Consejo Centro")!.Locality));
    }

    [Fact]
    public async Task Council_import_reads_a_windows_1252_csv_with_a_header_and_quoted_names()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Path.Combine(test.Folder, "consejos.csv");
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding(1252).GetBytes("nombre,localidad\r\n\"Consejo Peñitas, Norte\",Peñitas\r\nConsejo Centro,Cabecera\r\n"));

        var result = await cli.RunAsync(["council", "import", path]);

        Assert.Equal(0, result.Exit);
        Assert.Contains("2 consejo(s) agregado(s)", result.Output, StringComparison.Ordinal);
        Assert.Equal("Peñitas", test.Database.Read(db => new PeopleStore(db).Council("Consejo Peñitas, Norte")!.Locality));
    }

    [Fact]
    public async Task Invite_prints_a_single_use_link_that_registers_with_its_councils()
    {
        await cli.RunAsync(["council", "add", "Consejo Centro"]);
        test.Database.Write(db => new AppSettings(db).Set(AppSettings.BotUsername, "poa_bot"));

        var result = await cli.RunAsync(["invite", "--role", "coordinador", "--council", "Consejo Centro"]);

        Assert.Equal(0, result.Exit);
        var payload = result.Output.Split("?start=")[1].Trim();
        Assert.Contains($"https://t.me/poa_bot?start={payload}", result.Output, StringComparison.Ordinal);
        var redeemed = test.Database.Write(db => new PeopleStore(db).Redeem(payload, 42, "Ana", DateTimeOffset.UtcNow));
        Assert.Equal(RedeemResult.Registered, redeemed);
        Assert.Equal(["Consejo Centro"], test.Database.Read(db => new PeopleStore(db).CouncilsOf(new PeopleStore(db).ByTelegramId(42)!.Id).Select(c => c.Name)));
        Assert.DoesNotContain(payload, test.Database.Read(db => db.Scalar<string>("SELECT token_hash FROM invite")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "invite", "--role", "coordinador" }, "al menos un consejo")]
    [InlineData(new[] { "invite", "--role", "jefe" }, "Indique el rol")]
    [InlineData(new[] { "invite", "--role", "coordinador", "--council", "No existe" }, "No existe el consejo «No existe»")]
    public async Task Invite_explains_what_is_missing(string[] args, string expected)
    {
        var result = await cli.RunAsync(args);

        Assert.Equal(1, result.Exit);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
