using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>
/// Our own getUpdates loop: every update is stored in the inbox, as raw JSON, before its offset is confirmed (the next
/// call's offset), so a crash never loses a report and an update the library cannot read never blocks the ones after it.
/// The offset is not persisted; the inbox key deduplicates. In webhook mode (<c>Telegram:WebhookUrl</c>) Telegram posts the
/// updates to <see cref="WebhookReceiver"/> instead, and this loop only checks the webhook with getWebhookInfo.
/// </summary>
public sealed class UpdatePoller(
    ITelegramBotClient bot,
    Database database,
    InboxIntake intake,
    MunicipalClock clock,
    IOptions<TelegramOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<UpdatePoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.WebhookUrl is not null)
        {
            // setWebhook once the listener is up: Telegram delivers at once, and retries a refused delivery only later.
            var started = new TaskCompletionSource();
            await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            await started.Task.WaitAsync(stoppingToken);
        }

        await ConnectAsync(stoppingToken);
        if (options.Value.WebhookUrl is not null)
        {
            await WatchWebhookAsync(stoppingToken);
            return;
        }

        await using var lead = await LeadPollingAsync(stoppingToken);
        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var request = new RawUpdatesRequest { Offset = offset, Timeout = (int)options.Value.PollTimeout.TotalSeconds, AllowedUpdates = BotStartup.WantedUpdates };
                var updates = await bot.SendRequest(request, stoppingToken);
                intake.Polled(updates.Length);
                if (await intake.StoreAsync(updates, stoppingToken) is { } highest)
                {
                    offset = highest + 1;
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = Backoff(++failures);
                if (ex is ApiRequestException { ErrorCode: 409 })
                {
                    Log.Conflict(logger, delay);
                }
                else
                {
                    Log.PollFailed(logger, Redact.Describe(ex, options.Value.Token), delay);
                }

                await Delay(delay, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Webhook mode's heartbeat, in place of an answered poll: every PollTimeout, getWebhookInfo shows the webhook is still
    /// ours (set again if not) and nothing waits for it; updates being delivered feed the heartbeat from the receiver.
    /// Telegram's delivery errors (a proxy down, a bad certificate) are logged, so that status shows them.
    /// </summary>
    private async Task WatchWebhookAsync(CancellationToken stoppingToken)
    {
        var since = clock.Now.UtcDateTime;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = options.Value.PollTimeout < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.Value.PollTimeout;
            try
            {
                var info = await bot.GetWebhookInfo(stoppingToken);
                if (info.Url != options.Value.WebhookUrl!.AbsoluteUri)
                {
                    Log.WebhookReplaced(logger);
                    await BotStartup.SetWebhookAsync(bot, options.Value, stoppingToken);
                }
                else if (info.PendingUpdateCount == 0)
                {
                    intake.Polled(0);
                }

                if (info.LastErrorDate is { } failedAt && failedAt > since)
                {
                    since = failedAt;
                    Log.WebhookDeliveryFailed(logger, info.LastErrorMessage ?? "");
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                delay = Backoff(++failures);
                Log.WebhookCheckFailed(logger, Redact.Describe(ex, options.Value.Token), delay);
            }

            await Delay(delay, stoppingToken);
        }
    }

    /// <summary>
    /// Telegram serves one getUpdates at a time (a second one gets 409 Conflict): with several instances on one PostgreSQL
    /// database in polling mode, one polls and the others say so and stand by, counted alive as the sender's standby is,
    /// and one takes over within seconds when the poller stops. On SQLite there is one instance and this returns at once.
    /// </summary>
    private async Task<IAsyncDisposable> LeadPollingAsync(CancellationToken stoppingToken)
    {
        var leading = database.Dialect.LeadAsync("polling", clock.Time, stoppingToken);
        for (var waits = 0; !leading.IsCompleted; waits++)
        {
            if (waits == 1)
            {
                Log.PollingStandby(logger);
            }

            intake.Polled(0);
            await Task.WhenAny(leading, Task.Delay(TimeSpan.FromSeconds(waits == 0 ? 1 : 5), clock.Time, stoppingToken));
        }

        return await leading;
    }

    private async Task ConnectAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var username = await BotStartup.RunAsync(bot, database, options.Value, stoppingToken);
                Log.Connected(logger, username, options.Value.WebhookUrl is { } url ? "webhook at " + url.AbsoluteUri : "polling");
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var delay = Backoff(attempt);
                Log.StartupFailed(logger, Redact.Describe(ex, options.Value.Token), delay);
                await Delay(delay, stoppingToken);
            }
        }
    }

    private static TimeSpan Backoff(int failures) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5)) / 2));

    private async Task Delay(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, clock.Time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
