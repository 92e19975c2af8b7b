using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PoaBot.Core.Reminders;

namespace PoaBot.Tests.CommandLine;

public sealed class SettingsTests : IDisposable
{
    private readonly TestDatabase test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void Reminder_days_from_settings_replace_the_defaults()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = test.Path,
            ["Reminders:DaysBefore:0"] = "3",
            ["Reminders:At"] = "10:30",
        };

        using var provider = BuildProvider(settings);
        var seen = provider.GetRequiredService<ReminderSettings>();

        Assert.Equal([3], seen.DaysBefore);
        Assert.Equal(new TimeOnly(10, 30), seen.At);
    }

    [Fact]
    public async Task An_invalid_setting_is_named_at_start_up()
    {
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = test.Path, ["Reminders:QuietHours"] = "de noche" };

        var exit = await PoaBot.CommandLine.Cli.RunAsync(["summary"], TextReader.Null, TextWriter.Null, error, settings);

        Assert.Equal(2, exit);
        Assert.Contains("QuietHours", error.ToString(), StringComparison.Ordinal);
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddPoaBotCore(configuration).BuildServiceProvider();
    }
}
