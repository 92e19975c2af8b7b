using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using global::Telegram.Bot.Types.ReplyMarkups;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>
/// Sends the outbox after the commit, paced (about 30 messages/s overall, 1/s per chat after a short burst) with
/// System.Threading.RateLimiting. Honours 429 retry_after; retries server errors and timeouts with back-off; 403 and
/// "chat not found" mark the person unreachable; "message is not modified" is success. Callback answers skip the pacing.
/// Delivery is at-least-once: a row is marked sent only after Telegram said so.
/// </summary>
public sealed class OutboxSender : BackgroundService, IAsyncDisposable
{
    public const int MaxAttempts = 8;
    private static readonly ReplyKeyboardMarkup MainKeyboard = new(new[] { new KeyboardButton[] { Texts.Report, Texts.Summary, Texts.Help } })
    {
        ResizeKeyboard = true,
        IsPersistent = true,
    };

    private readonly ITelegramBotClient bot;
    private readonly Database database;
    private readonly WorkSignals signals;
    private readonly MunicipalClock clock;
    private readonly TelegramOptions options;
    private readonly ILogger<OutboxSender> logger;
    private readonly TokenBucketRateLimiter global;
    private readonly PartitionedRateLimiter<long> perChat;

    public OutboxSender(ITelegramBotClient bot, Database database, WorkSignals signals, MunicipalClock clock, IOptions<TelegramOptions> options, ILogger<OutboxSender> logger)
    {
        (this.bot, this.database, this.signals, this.clock, this.options, this.logger) = (bot, database, signals, clock, options.Value, logger);
        // A bucket no bigger than one refill: never more than the rate in any one-second window, even right after a quiet spell.
        var rate = this.options.MessagesPerSecond;
        global = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, rate / 10),
            TokensPerPeriod = Math.Max(1, rate / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = int.MaxValue,
            AutoReplenishment = true,
        });
        var chatRate = this.options.ChatMessagesPerSecond;
        var burst = this.options.ChatBurst;
        perChat = PartitionedRateLimiter.Create<long, long>(chat => RateLimitPartition.GetTokenBucketLimiter(chat, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(burst, chatRate),
            TokensPerPeriod = chatRate,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            AutoReplenishment = true,
        }));
    }

    private enum Result
    {
        Sent,
        Retry,
        Unreachable,
        Failed,
    }

    public async ValueTask DisposeAsync()
    {
        await global.DisposeAsync();
        await perChat.DisposeAsync();
        Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                signals.Health.SenderAlive(clock.Now);
                if (!await SendDueAsync(stoppingToken))
                {
                    var next = database.Read(db => new OutboxStore(db).NextDue());
                    var wait = next is { } n ? n - clock.Now : TimeSpan.FromSeconds(5);
                    await signals.Outbox.WaitAsync(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromSeconds(5) ? TimeSpan.FromSeconds(5) : wait, clock.Time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.LoopError(logger, nameof(OutboxSender), Redact.Describe(ex, options.Token));
                await Task.Delay(TimeSpan.FromSeconds(1), clock.Time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Sends what is due, chats in parallel and each chat in order; false when nothing was due.</summary>
    public async Task<bool> SendDueAsync(CancellationToken cancellationToken)
    {
        var due = database.Read(db => new OutboxStore(db).Due(clock.Now, 300));
        if (due.Count == 0)
        {
            return false;
        }

        var outcomes = new ConcurrentBag<(OutboxRow Row, Result Result, string? Error, DateTimeOffset? NotBefore)>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due.Where(r => r.Kind == "callback_answer"), parallel, async (row, ct) => outcomes.Add(await SendAsync(row, ct)));
        await Parallel.ForEachAsync(due.Where(r => r.Kind != "callback_answer").GroupBy(r => r.ChatId), parallel, async (chat, ct) =>
        {
            foreach (var row in chat)
            {
                var outcome = await SendAsync(row, ct);
                outcomes.Add(outcome);
                if (outcome.Result != Result.Sent)
                {
                    break;
                }
            }
        });
        Record(outcomes);
        return true;
    }

    private void Record(IEnumerable<(OutboxRow Row, Result Result, string? Error, DateTimeOffset? NotBefore)> outcomes)
    {
        var now = clock.Now;
        database.Write(db =>
        {
            var outbox = new OutboxStore(db);
            foreach (var (row, result, error, notBefore) in outcomes)
            {
                PoaBot.Operations.PoaMetrics.Send(result.ToString(), error);
                switch (result)
                {
                    case Result.Sent:
                        outbox.Sent(row.Id, now);
                        break;
                    case Result.Retry:
                        outbox.Retry(row.Id, notBefore!.Value, error!, countAttempt: !error!.StartsWith("429", StringComparison.Ordinal));
                        Log.SendRetry(logger, row.Id, row.ChatId, notBefore.Value, error);
                        break;
                    case Result.Unreachable:
                        outbox.Unreachable(row.ChatId, error!);
                        new PeopleStore(db).MarkUnreachable(row.ChatId, now);
                        Log.Unreachable(logger, row.ChatId, error!);
                        break;
                    default:
                        outbox.Failed(row.Id, error!);
                        Log.SendFailed(logger, row.Id, row.ChatId, error!);
                        break;
                }
            }
        });
    }

    private async Task<(OutboxRow Row, Result Result, string? Error, DateTimeOffset? NotBefore)> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var message = OutboxStore.Read(row);
        try
        {
            if (row.Kind == "callback_answer")
            {
                await bot.AnswerCallbackQuery(message.CallbackQueryId!, message.Html.Length == 0 ? null : message.Html, cancellationToken: cancellationToken);
                return (row, Result.Sent, null, null);
            }

            using var globalLease = await global.AcquireAsync(1, cancellationToken);
            using var chatLease = await perChat.AcquireAsync(row.ChatId, 1, cancellationToken);
            try
            {
                await DeliverAsync(row.ChatId, message, ParseMode.Html, cancellationToken);
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase))
            {
                // Never lose a reply over markup: send it as plain text.
                await DeliverAsync(row.ChatId, message with { Html = Html.ToPlain(message.Html) }, ParseMode.None, cancellationToken);
            }

            return (row, Result.Sent, null, null);
        }
        catch (ApiRequestException ex)
        {
            var error = Redact.Describe(ex, options.Token);
            return ex switch
            {
                { ErrorCode: 429 } => (row, Result.Retry, error, clock.Now + TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1))),
                { ErrorCode: 403 } => (row, Result.Unreachable, error, null),
                { ErrorCode: 400 } when ex.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase) => (row, Result.Unreachable, error, null),
                { ErrorCode: 400 } when ex.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase)
                    || ex.Message.Contains("query is too old", StringComparison.OrdinalIgnoreCase) => (row, Result.Sent, null, null),
                { ErrorCode: >= 500 } => Transient(row, error),
                _ => (row, Result.Failed, error, null),
            };
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Transient(row, Redact.Describe(ex, options.Token));
        }
        catch (IOException ex)
        {
            // A file to attach is gone: retrying will not bring it back.
            return (row, Result.Failed, Redact.Describe(ex, options.Token), null);
        }
    }

    private (OutboxRow Row, Result Result, string? Error, DateTimeOffset? NotBefore) Transient(OutboxRow row, string error) =>
        row.Attempts + 1 >= MaxAttempts
            ? (row, Result.Failed, error, null)
            : (row, Result.Retry, error, clock.Now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, row.Attempts + 1))));

    private async Task DeliverAsync(long chatId, OutgoingMessage message, ParseMode parseMode, CancellationToken cancellationToken)
    {
        ReplyMarkup? markup = message.Buttons.Count > 0
            ? new InlineKeyboardMarkup(message.Buttons.Select(r => r.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))))
            : message.MainKeyboard ? MainKeyboard : null;
        if (message.EvidenceFileId is { } fileId)
        {
            var caption = Html.Shorten(message.Html, 1024);
            if (message.EvidenceIsPhoto)
            {
                await bot.SendPhoto(chatId, InputFile.FromFileId(fileId), caption, parseMode, replyMarkup: markup, cancellationToken: cancellationToken);
            }
            else
            {
                await bot.SendDocument(chatId, InputFile.FromFileId(fileId), caption, parseMode, replyMarkup: markup, cancellationToken: cancellationToken);
            }
        }
        else if (message.DocumentPath is { } path)
        {
            await using var stream = File.OpenRead(path);
            var file = InputFile.FromStream(stream, Path.GetFileName(path));
            var caption = Html.Shorten(message.Html, 1024);
            if (message.DocumentIsPhoto)
            {
                await bot.SendPhoto(chatId, file, caption, parseMode, replyMarkup: markup, cancellationToken: cancellationToken);
            }
            else
            {
                await bot.SendDocument(chatId, file, caption, parseMode, replyMarkup: markup, cancellationToken: cancellationToken);
            }
        }
        else
        {
            await bot.SendMessage(chatId, message.Html, parseMode, replyMarkup: markup, cancellationToken: cancellationToken);
        }
    }
}
