using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;
using PoaBot.Telegram;

namespace PoaBot.Operations;

/// <summary>
/// When <c>Urls</c> is set: a small ASP.NET Core listener with <c>/healthz</c> (the checks of <c>status</c> for this instance; 200 or 503)
/// and <c>/metrics</c> (Prometheus text of the PoaBot meter), and in webhook mode the webhook (POST on the path of
/// <c>Telegram:WebhookUrl</c>). Nothing listens otherwise.
/// </summary>
public sealed class HttpEndpoints(IConfiguration configuration, Database database, MunicipalClock clock, IOptions<TelegramOptions> telegram, WebhookReceiver webhook)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var urls = configuration["Urls"];
        if (string.IsNullOrWhiteSpace(urls))
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Logging.ClearProviders();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(PoaMetrics.MeterName).AddPrometheusExporter());
        app = builder.Build();
        app.MapGet("/healthz", () =>
        {
            var text = Status.Text(database, clock, out var healthy, Status.InstanceName(configuration));
            return Results.Text(text, "text/plain; charset=utf-8", statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        if (telegram.Value.WebhookUrl is { } url)
        {
            app.MapPost(url.AbsolutePath, webhook.ReceiveAsync);
        }

        await app.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => app?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => app?.DisposeAsync() ?? ValueTask.CompletedTask;
}
