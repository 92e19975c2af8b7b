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
        await using var lead = await database.Dialect.LeadAsync("scheduler", stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock.Time);
        do
        {
            try
            {
                var queued = ReminderRun.Execute(database, clock.Now, settings, rules, thresholds, clock);
                PoaBot.Operations.PoaMetrics.RemindersQueued.Add(queued);
                if (queued > 0)
                {
                    signals.Outbox.Set();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.LoopError(logger, nameof(ReminderScheduler), $"{ex.GetType().Name}: {ex.Message}");
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }
}
