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
/// The offset is not persisted; the inbox key deduplicates.
/// </summary>
public sealed class UpdatePoller(
    ITelegramBotClient bot,
    Database database,
    InboxIntake intake,
    MunicipalClock clock,
    IOptions<TelegramOptions> options,
    ILogger<UpdatePoller> logger) : BackgroundService
{
    private static readonly string[] Wanted = ["message", "callback_query", "my_chat_member", "edited_message"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ConnectAsync(stoppingToken);
        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var request = new RawUpdatesRequest { Offset = offset, Timeout = (int)options.Value.PollTimeout.TotalSeconds, AllowedUpdates = Wanted };
                var updates = await bot.SendRequest(request, stoppingToken);
                if (intake.Store(updates) is { } highest)
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

    private async Task ConnectAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                Log.Connected(logger, await BotStartup.RunAsync(bot, database, stoppingToken));
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
