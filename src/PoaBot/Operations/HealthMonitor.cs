using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;
using PoaBot.Telegram;

namespace PoaBot.Operations;

/// <summary>
/// Every 10 s: writes this instance's <c>health</c> row (<see cref="Status.InstanceName"/>) that <c>status</c> and /healthz read, updates the backlog gauge, and feeds
/// the systemd watchdog only while Telegram was heard from (poll or webhook) and the sender went round its loop within the last minute.
/// </summary>
public sealed class HealthMonitor(
    Database database, MunicipalClock clock, WorkSignals signals, IConfiguration configuration, ILogger<HealthMonitor> logger, ISystemdNotifier? systemd = null)
    : BackgroundService
{
    private readonly string instance = Status.InstanceName(configuration);

    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan AliveWithin = TimeSpan.FromMinutes(1);

    /// <summary>One pass; returns whether the watchdog was fed.</summary>
    public bool RunOnce()
    {
        var now = clock.Now;
        var beats = signals.Health;
        var error = beats.LastError;
        var pending = database.Write(db =>
        {
            var health = new HealthStore(db);
            health.Write(instance, now, beats.LastPoll, beats.SenderBeat, error?.Message, error?.At, AppVersion.Informational);
            return health.OutboxPending();
        });
        PoaMetrics.Backlog(pending);
        if (systemd is not { IsEnabled: true } || !beats.Alive(now, AliveWithin))
        {
            return false;
        }

        systemd.Notify(new ServiceState("WATCHDOG=1"));
        return true;
    }

    /// <summary>A stop on purpose takes this instance's row with it, so that <c>status</c> does not show it as fallen.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            database.Write(db => new HealthStore(db).Remove(instance));
        }
        catch (Exception ex) when (ex is IOException or System.Data.Common.DbException)
        {
            OpsLog.HealthWriteFailed(logger, ex.Message);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => PeriodicTimers.Run(
        Period, clock.Time, () => RunOnce(), ex => ex is IOException or System.Data.Common.DbException,
        ex => OpsLog.HealthWriteFailed(logger, ex.Message), stoppingToken);
}
