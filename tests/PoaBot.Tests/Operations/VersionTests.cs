using PoaBot.Tests.CommandLine;

namespace PoaBot.Tests.Operations;

public sealed class VersionTests
{
    [Fact]
    public async Task Version_prints_the_version_and_the_commit_without_touching_a_database()
    {
        var path = Path.Combine(Path.GetTempPath(), $"poabot-none-{Guid.NewGuid():N}", "poabot.db");

        var (exit, output, _) = await new CliRunner(path).RunAsync(["--version"]);

        Assert.Equal(0, exit);
        Assert.Matches(@"^poabot \d+\.\d+\.\d+ \(commit [0-9a-f]{7,40}\)", output);
        Assert.False(File.Exists(path));
    }
}
