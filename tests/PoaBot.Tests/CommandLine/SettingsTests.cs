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

    [Theory]
    [InlineData("run", "Telegram:Token", "abc-SECRETO", "Telegram__Token")]
    [InlineData("run", "Telegram:Token", "12345:clave con espacios SECRETO", "Telegram__Token")]
    [InlineData("summary", "Telegram:ApiBaseUrl", "SECRETO", "Telegram__ApiBaseUrl")]
    [InlineData("summary", "Telegram:ApiBaseUrl", "ftp://SECRETO.example", "Telegram__ApiBaseUrl")]
    [InlineData("summary", "Telegram:ApiBaseUrl", "http://[SECRETO", "Telegram__ApiBaseUrl")]
    [InlineData("summary", "Poa:TimeZone", "Marte/SECRETO", "Poa__TimeZone")]
    [InlineData("summary", "Semaforo:Green", "noventa SECRETO", "Semaforo__Green")]
    public async Task A_malformed_setting_is_named_with_its_environment_variable_in_spanish_without_a_stack_trace_or_its_value(
        string verb, string key, string value, string variable)
    {
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = test.Path, ["Telegram:Token"] = "123:abc", [key] = value };

        var exit = await PoaBot.CommandLine.Cli.RunAsync([verb], TextReader.Null, TextWriter.Null, error, settings);

        var text = error.ToString();
        Assert.NotEqual(0, exit);
        Assert.StartsWith("Configuración inválida: ", text, StringComparison.Ordinal);
        Assert.Contains(key, text, StringComparison.Ordinal);
        Assert.Contains(variable, text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETO", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddPoaBotCore(configuration).BuildServiceProvider();
    }
}
