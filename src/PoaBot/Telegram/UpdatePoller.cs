using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>
/// Our own getUpdates loop: every update is stored in the inbox before its offset is confirmed (the next call's offset),
/// so a crash never loses a report. The offset is not persisted; the inbox key deduplicates.
/// </summary>
public sealed class UpdatePoller(
    ITelegramBotClient bot,
    Database database,
    WorkSignals signals,
    MunicipalClock clock,
    IOptions<TelegramOptions> options,
    ILogger<UpdatePoller> logger) : BackgroundService
{
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember, UpdateType.EditedMessage];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ConnectAsync(stoppingToken);
        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, 100, (int)options.Value.PollTimeout.TotalSeconds, Wanted, stoppingToken);
                signals.Health.Polled(clock.Now, updates.Length);
                if (updates.Length > 0)
                {
                    Store(updates);
                    offset = updates.Max(u => u.Id) + 1;
                    signals.Inbox.Set();
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

    private void Store(Update[] updates)
    {
        var now = clock.Now;
        database.Write(db =>
        {
            var inbox = new InboxStore(db);
            foreach (var update in updates)
            {
                inbox.Add(update.Id, ChatOf(update), JsonSerializer.Serialize(update, JsonBotAPI.Options), now);
            }
        });
    }

    private static long ChatOf(Update update) =>
        update.Message?.Chat.Id ?? update.EditedMessage?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id ?? update.MyChatMember?.Chat.Id ?? 0;

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
