using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using PoaBot.Telegram;

namespace PoaBot.Operations;

public static class OperationsRegistration
{
    /// <summary>
    /// What runs beside the worker for an operator: the token from systemd credentials, systemd readiness and watchdog,
    /// housekeeping (pruning, backups), the health row, metrics (OTLP when <c>OpenTelemetry:Endpoint</c> is set) and
    /// /healthz and /metrics when <c>Urls</c> is set.
    /// </summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        // systemd: Type=notify readiness and journald-friendly console logs when run as a unit; nothing otherwise.
        builder.Services.AddSystemd();

        builder.Services.AddHostedService<CommandMenus>();
        builder.Services.AddHostedService<Housekeeping>();
        builder.Services.AddHostedService<HealthMonitor>();
        builder.Services.AddHostedService<HttpEndpoints>();
        builder.Services.AddSingleton<ILoggerProvider>(sp => new LastErrorLoggerProvider(sp.GetRequiredService<WorkSignals>().Health, sp.GetRequiredService<TimeProvider>()));

        if (builder.Configuration["OpenTelemetry:Endpoint"] is { Length: > 0 } endpoint)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(PoaMetrics.MeterName)
                .AddOtlpExporter(otlp => otlp.Endpoint = new Uri(endpoint)));
        }

        return builder;
    }

    /// <summary>Secrets from systemd's LoadCredential: each file in $CREDENTIALS_DIRECTORY is a setting (Telegram__Token → Telegram:Token).</summary>
    public static IConfigurationBuilder AddSystemdCredentials(this IConfigurationBuilder configuration) =>
        Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") is { Length: > 0 } folder && Directory.Exists(folder)
            ? configuration.AddKeyPerFile(folder, optional: true)
            : configuration;
}
