using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PoaBot.Core.Domain;
using PoaBot.Core.Reminders;
using PoaBot.Core.Storage;
using PoaBot.Telegram;

namespace PoaBot.Reminders;

/// <summary>Every minute (on the <see cref="TimeProvider"/>), sends the reminders that are due, once each, through the outbox.</summary>
public sealed class ReminderScheduler(
    Database database,
    MunicipalClock clock,
    ReminderSettings settings,
    BimesterRules rules,
    SemaforoThresholds thresholds,
    WorkSignals signals,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // With several instances on PostgreSQL, one sends the reminders; another takes over when it dies.
        await using var lead = await database.Dialect.LeadAsync("scheduler", clock.Time, stoppingToken);
        await PeriodicTimers.Run(
            TimeSpan.FromMinutes(1), clock.Time, SendDue, ex => ex is not OperationCanceledException,
            ex => Log.LoopError(logger, nameof(ReminderScheduler), PeriodicTimers.Describe(ex)), stoppingToken);
    }

    private void SendDue()
    {
        var queued = ReminderRun.Execute(database, clock.Now, settings, rules, thresholds, clock);
        PoaBot.Operations.PoaMetrics.RemindersQueued.Add(queued);
        if (queued > 0)
        {
            signals.Outbox.Set();
        }
    }
}
