using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.CommandLine;

/// <summary>The command line refuses what it does not know, in Spanish, with exit code 2, and documents each verb.</summary>
public sealed class ParsingTests : IDisposable
{
    private static readonly string[] Verbs = ["run", "local", "import", "summary", "export", "chart", "activity", "council", "invite", "remind", "backup", "status", "restore"];

    private readonly TestDatabase test = new();
    private readonly CliRunner cli;

    public ParsingTests() => cli = new CliRunner(test.Path);

    public void Dispose() => test.Dispose();

    [Theory]
    [InlineData(new[] { "summary", "--yaer", "2024" }, "«--yaer 2024»")]
    [InlineData(new[] { "summary", "--year" }, "Falta el valor de --year")]
    [InlineData(new[] { "summary", "--year", "2023", "--year", "2024" }, "--year va una sola vez")]
    [InlineData(new[] { "backup", "a.db", "b.db" }, "«b.db»")]
    [InlineData(new[] { "import", "poa.txt", "--dry-run" }, "«--dry-run»")]
    [InlineData(new[] { "status", "ahora" }, "«ahora»")]
    [InlineData(new[] { "council", "add", "Consejo Centro", "Norte" }, "«Norte»")]
    [InlineData(new[] { "--token", "x" }, "«--token x»")]
    public async Task Unknown_options_and_extra_arguments_are_refused_in_spanish_with_exit_code_2(string[] args, string named)
    {
        var before = test.Fingerprint();

        var result = await cli.RunAsync(args);

        Assert.Equal(2, result.Exit);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.Contains("poabot help", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Equal(before, test.Fingerprint());
    }

    [Theory]
    [InlineData(new[] { "backup" }, "Indique ARCHIVO.")]
    [InlineData(new[] { "activity", "kind" }, "Indique NUM y TIPO.")]
    [InlineData(new[] { "council" }, "Uso: poabot council add NOMBRE")]
    public async Task What_is_left_out_is_named_with_the_verbs_use_and_refused_with_exit_code_1(string[] args, string expected)
    {
        var result = await cli.RunAsync(args);

        Assert.Equal(1, result.Exit);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_year_does_not_print_a_summary()
    {
        var result = await cli.RunAsync(["summary", "--yaer", "2024"]);

        Assert.Equal("No entiendo «--yaer 2024» en «poabot summary».\nUse «poabot help summary» para ver cómo se usa.\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--council", "Consejo Centro", "Consejo Norte")]
    [InlineData("--council", "Consejo Centro", "--council", "Consejo Norte")]
    public async Task An_invite_takes_several_councils_either_way(params string[] councils)
    {
        await cli.RunAsync(["council", "add", "Consejo Centro"]);
        await cli.RunAsync(["council", "add", "Consejo Norte"]);

        var result = await cli.RunAsync(["invite", "--role", "coordinador", .. councils]);

        Assert.Equal(0, result.Exit);
        var payload = result.Output.Split("?start=")[1].Split('\n')[0].Trim();
        test.Database.Write(db => new PeopleStore(db).Redeem(payload, 42, "Ana", DateTimeOffset.UtcNow));
        var names = test.Database.Read(db => new PeopleStore(db).CouncilsOf(new PeopleStore(db).ByTelegramId(42)!.Id).Select(c => c.Name).Order().ToList());
        Assert.Equal(["Consejo Centro", "Consejo Norte"], names);
    }

    [Fact]
    public async Task Help_lists_every_verb_in_spanish()
    {
        var result = await cli.RunAsync(["help"]);

        Assert.Equal(0, result.Exit);
        Assert.Contains("Uso: poabot <comando> [opciones]", result.Output, StringComparison.Ordinal);
        Assert.All(Verbs, verb => Assert.Contains($"\n  {verb}", result.Output, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryVerb))]
    public async Task Help_for_a_verb_documents_it_the_same_both_ways(string verb)
    {
        var help = await cli.RunAsync(["help", verb]);
        var flag = await cli.RunAsync([verb, "--help"]);

        Assert.Equal((0, 0), (help.Exit, flag.Exit));
        Assert.StartsWith($"Uso: poabot {verb}", help.Output, StringComparison.Ordinal);
        Assert.Equal(help.Output, flag.Output);
        Assert.DoesNotContain("Usage", help.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Options", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_documents_the_options_with_their_meaning()
    {
        var result = await cli.RunAsync(["ayuda", "summary"]);

        Assert.Contains("--al dd/mm/aaaa", result.Output, StringComparison.Ordinal);
        Assert.Contains("la fecha de corte", result.Output, StringComparison.Ordinal);
        Assert.Contains("--trimestral", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_an_unknown_verb_is_refused()
    {
        var result = await cli.RunAsync(["help", "exportar-todo"]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("No conozco el comando «exportar-todo»", result.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string> EveryVerb() => [.. Verbs];
}
