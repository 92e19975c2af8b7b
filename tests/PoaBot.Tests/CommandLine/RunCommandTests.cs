using PoaBot.CommandLine;

namespace PoaBot.Tests.CommandLine;

public sealed class RunCommandTests : IDisposable
{
    private readonly TestDatabase test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public async Task Without_a_token_run_names_the_exact_setting_and_its_environment_variable()
    {
        var (exit, _, error) = await new CliRunner(test.Path).RunAsync(["run"]);

        Assert.Equal(1, exit);
        Assert.Contains("Telegram:Token", error, StringComparison.Ordinal);
        Assert.Contains("Telegram__Token", error, StringComparison.Ordinal);
        Assert.Equal(CliText.MissingToken + Environment.NewLine, error);
    }
}
