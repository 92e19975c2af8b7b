using System.Net;
using System.Net.Sockets;
using Dapper;
using PoaBot.Core.Storage;
using PoaBot.Tests.CommandLine;
using PoaBot.Tests.EndToEnd;

namespace PoaBot.Tests.Operations;

public sealed class StatusTests : IDisposable
{
    private readonly TestDatabase test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public async Task Status_says_degraded_when_no_bot_has_written_its_health()
    {
        var (exit, output, _) = await new CliRunner(test.Path).RunAsync(["status"]);

        Assert.Equal(1, exit);
        Assert.Contains("Estado: con problemas", output, StringComparison.Ordinal);
        Assert.Contains("no está en marcha", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_is_healthy_when_the_bot_polled_just_now_and_nothing_waits()
    {
        WriteHealth(DateTimeOffset.UtcNow);

        var (exit, output, _) = await new CliRunner(test.Path).RunAsync(["status"]);

        Assert.Equal(0, exit);
        Assert.Contains("Estado: en orden", output, StringComparison.Ordinal);
        Assert.Contains("Respuestas pendientes de envío: 0", output, StringComparison.Ordinal);
        Assert.Contains("Tamaño de la base de datos", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_each_instance_and_one_stopped_is_no_problem_while_another_runs_but_its_own_healthz_says_so()
    {
        var now = DateTimeOffset.UtcNow;
        WriteHealth(now, instance: "web1:8081");
        WriteHealth(now.AddMinutes(-10), instance: "web2:8082");

        var (exit, output, _) = await new CliRunner(test.Path).RunAsync(["status"]);
        var figures = test.Database.Read(db => new HealthStore(db).Read(now, 0));

        Assert.Equal(0, exit);
        Assert.Contains("Instancia web1:8081: en marcha", output, StringComparison.Ordinal);
        Assert.Contains("Instancia web2:8082: sin señales desde", output, StringComparison.Ordinal);
        Assert.Empty(HealthCheck.Problems(figures, now, "web1:8081"));
        Assert.Equal([StorageText.BotNotRunning], HealthCheck.Problems(figures, now, "web2:8082"));
    }

    [Fact]
    public async Task Status_reports_a_stalled_outbox_as_degraded()
    {
        var now = DateTimeOffset.UtcNow;
        WriteHealth(now);
        test.Database.Write(db => db.Execute(
            "INSERT INTO outbox (chat_id, kind, payload, created_at, not_before) VALUES (5, 'message', '{}', @at, @at)",
            new { at = Instants.Format(now.AddMinutes(-20)) }));

        var (exit, output, _) = await new CliRunner(test.Path).RunAsync(["status"]);

        Assert.Equal(1, exit);
        Assert.Contains("Hay 1 respuestas sin enviar", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_reports_the_last_error_and_set_aside_updates()
    {
        var now = DateTimeOffset.UtcNow;
        WriteHealth(now, "getUpdates falló: 502");
        test.Database.Write(db => db.Execute(
            "INSERT INTO inbox (update_id, chat_id, payload, received_at, status, done_at) VALUES (9, 5, '{}', @at, 'failed', @at)",
            new { at = Instants.Format(now) }));

        var (_, output, _) = await new CliRunner(test.Path).RunAsync(["status"]);

        Assert.Contains("Último error: getUpdates falló: 502", output, StringComparison.Ordinal);
        Assert.Contains("Mensajes recibidos apartados por error: 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_running_bot_serves_healthz_and_prometheus_metrics_when_urls_is_set()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        await using var bot = await LiveBot.StartAsync(settings: new() { ["Urls"] = url });
        var ana = await bot.RegisterAsync(501);
        using var http = new HttpClient();

        var health = await http.GetAsync(new Uri(url + "/healthz"));
        var body = await health.Content.ReadAsStringAsync();
        var metrics = await http.GetStringAsync(new Uri(url + "/metrics"));

        Assert.True(health.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{health.StatusCode}");
        Assert.Contains("Estado:", body, StringComparison.Ordinal);
        Assert.Contains("poabot_updates_received", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(LiveBot.Token, metrics, StringComparison.Ordinal);
        Assert.NotNull(ana.Last);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WriteHealth(DateTimeOffset now, string? error = null, string instance = "poabot") =>
        test.Database.Write(db => new HealthStore(db).Write(instance, now, now, now, error, error is null ? null : now, "1.0.0+abc"));
}
