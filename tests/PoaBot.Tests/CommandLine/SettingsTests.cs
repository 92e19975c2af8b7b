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

    [Theory]
    [InlineData("http://SECRETO.example/telegram", "secreto_de_prueba_0123456789", "http://127.0.0.1:8080", "Telegram:WebhookUrl", "Telegram__WebhookUrl")]
    [InlineData("/telegram/SECRETO", "secreto_de_prueba_0123456789", "http://127.0.0.1:8080", "Telegram:WebhookUrl", "Telegram__WebhookUrl")]
    [InlineData("https://poabot.example/telegram", null, "http://127.0.0.1:8080", "Telegram:WebhookSecret", "Telegram__WebhookSecret")]
    [InlineData("https://poabot.example/telegram", "corto-SECRETO", "http://127.0.0.1:8080", "Telegram:WebhookSecret", "Telegram__WebhookSecret")]
    [InlineData("https://poabot.example/telegram", "con espacios SECRETO 0123456789", "http://127.0.0.1:8080", "Telegram:WebhookSecret", "Telegram__WebhookSecret")]
    [InlineData("https://poabot.example/telegram", "secreto_de_prueba_0123456789", null, "Urls", "Urls")]
    public async Task A_webhook_setting_missing_or_malformed_is_named_in_spanish_and_ends_with_exit_code_2(
        string url, string? secret, string? urls, string key, string variable)
    {
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = test.Path,
            ["Telegram:WebhookUrl"] = url,
            ["Telegram:WebhookSecret"] = secret,
            ["Urls"] = urls,
        };

        var exit = await PoaBot.CommandLine.Cli.RunAsync(["summary"], TextReader.Null, TextWriter.Null, error, settings);

        var text = error.ToString();
        Assert.Equal(2, exit);
        Assert.StartsWith("Configuración inválida: ", text, StringComparison.Ordinal);
        Assert.Contains($"{key} (variable de entorno {variable})", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETO", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://poabot.example/telegram", "secreto_de_prueba_0123456789", "http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:8080/telegram", "secreto_de_prueba_0123456789", "http://127.0.0.1:8080")]
    [InlineData("", null, null)]
    public async Task Webhook_settings_that_fit_together_or_an_empty_url_for_polling_are_accepted(string url, string? secret, string? urls)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = test.Path,
            ["Telegram:WebhookUrl"] = url,
            ["Telegram:WebhookSecret"] = secret,
            ["Urls"] = urls,
        };

        using var error = new StringWriter();

        var exit = await PoaBot.CommandLine.Cli.RunAsync(["summary"], TextReader.Null, TextWriter.Null, error, settings);

        Assert.NotEqual(2, exit);
        Assert.DoesNotContain("Configuración inválida", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql", "Host=x", "/srv/poabot", null, "Storage:Provider (variable de entorno Storage__Provider)")]
    [InlineData("postgresql", null, "/srv/poabot", null, "Storage:ConnectionString (variable de entorno Storage__ConnectionString)")]
    [InlineData("postgresql", "Host=x", null, null, "Storage:Folder (variable de entorno Storage__Folder)")]
    [InlineData("postgresql", "Host=x", "/srv/poabot", "/srv/respaldos", "pg_dump")]
    public async Task A_storage_setting_that_does_not_fit_is_named_in_spanish_and_ends_with_exit_code_2(
        string provider, string? connectionString, string? folder, string? backupFolder, string expected)
    {
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:Folder"] = folder,
            ["Backup:Folder"] = backupFolder,
        };

        var exit = await PoaBot.CommandLine.Cli.RunAsync(["summary"], TextReader.Null, TextWriter.Null, error, settings);

        Assert.Equal(2, exit);
        Assert.StartsWith("Configuración inválida: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postgresql_server_that_cannot_be_reached_is_said_in_spanish_with_exit_code_2_and_never_the_password()
    {
        using var error = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgresql",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=poabot;Password=SECRETO;Timeout=3",
            ["Storage:Folder"] = test.Folder,
        };

        var exit = await PoaBot.CommandLine.Cli.RunAsync(["summary"], TextReader.Null, TextWriter.Null, error, settings);

        Assert.Equal(2, exit);
        Assert.StartsWith("No se pudo usar la base de datos PostgreSQL", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETO", error.ToString(), StringComparison.Ordinal);
    }

    [Theory, OnPostgres]
    public async Task On_postgresql_backup_and_restore_refuse_kindly_and_point_to_pg_dump(string provider)
    {
        using var pg = new TestDatabase(provider);
        using var backup = new StringWriter();
        using var restore = new StringWriter();

        var backupExit = await PoaBot.CommandLine.Cli.RunAsync(["backup", Path.Combine(test.Folder, "copia.db")], TextReader.Null, TextWriter.Null, backup, pg.Settings);
        var restoreExit = await PoaBot.CommandLine.Cli.RunAsync(["restore", test.Folder], TextReader.Null, TextWriter.Null, restore, pg.Settings);

        Assert.Equal((1, 1), (backupExit, restoreExit));
        Assert.Contains("pg_dump", backup.ToString(), StringComparison.Ordinal);
        Assert.Contains("pg_restore", restore.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(test.Folder, "copia.db")));
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddPoaBotCore(configuration).BuildServiceProvider();
    }
}
