using PoaBot.Core.Import;
using PoaBot.Core.People;
using PoaBot.Core.Samples;

namespace PoaBot.Tests.CommandLine;

public sealed class RemindCommandTests : IDisposable
{
    private readonly TestDatabase test = new();

    public RemindCommandTests()
    {
        PoaImporter.Import(test.Database, PoaDocumentParser.Parse(SampleData.PoaBytes()), "prueba", "poa.txt", DateTimeOffset.UtcNow);
        test.Database.Write(db =>
        {
            var people = new PeopleStore(db);
            people.AddCouncil("Consejo Centro", "");
            var payload = people.CreateInvite(Roles.Coordinator, [people.Council("Consejo Centro")!.Id], DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
            people.Redeem(payload, 42, "Ana López", DateTimeOffset.UtcNow);
        });
    }

    public void Dispose() => test.Dispose();

    [Fact]
    public async Task Dry_run_on_a_reminder_day_prints_who_would_be_reminded_and_why()
    {
        var (exit, output, _) = await new CliRunner(test.Path).RunAsync(["remind", "--dry-run", "--fecha", "24/04/2024"]);

        Assert.Equal(0, exit);
        Assert.Contains("24/04/2024 09:00 — Mar/Abr 2024 (faltan 7 días): 1 mensaje(s)", output, StringComparison.Ordinal);
        Assert.Contains("Ana López: 2: PROG 15, REAL 11, ninguno de sus consejos reportó", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_on_another_day_names_the_next_reminder()
    {
        var (exit, output, _) = await new CliRunner(test.Path).RunAsync(["remind", "--dry-run", "--fecha", "10/04/2024"]);

        Assert.Equal(0, exit);
        Assert.Contains("no toca ningún recordatorio. El siguiente: 24/04/2024 09:00 (Mar/Abr 2024)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_without_dry_run_explains_that_the_bot_sends_them()
    {
        var (exit, _, error) = await new CliRunner(test.Path).RunAsync(["remind"]);

        Assert.Equal(1, exit);
        Assert.Contains("--dry-run", error, StringComparison.Ordinal);
    }
}
