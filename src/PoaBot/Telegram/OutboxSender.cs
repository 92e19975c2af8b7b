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
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>
/// Sends the outbox as soon as a row is committed: one lane per chat (in order, paced about 1/s per chat after a short
/// burst, about 30/s overall, with System.Threading.RateLimiting), callback answers on their own, unpaced. A reply that
/// replaces the pressed question is an edit, which Telegram does not count against the chat (nor does the pacing here); an
/// edit Telegram refuses goes as a new message. At most
/// <see cref="TelegramOptions.MaxInFlight"/> sends are in flight, and each send's outcome is committed before its slot is
/// freed: a SIGKILL can repeat at most that many messages, a graceful stop none. Honours 429 retry_after; retries server
/// errors, timeouts and 401 with back-off; 403 and "chat not found" mark the person unreachable; "message is not
/// modified" and "query is too old" are success; a row that cannot be read, built or sent is set aside after
/// <see cref="MaxPoisonAttempts"/> tries.
/// </summary>
public sealed class OutboxSender : BackgroundService, IAsyncDisposable
{
    public const int MaxAttempts = 8;
    public const int MaxPoisonAttempts = 3;
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
    private readonly SemaphoreSlim inFlight;
    private readonly CancellationTokenSource abort = new();
    private readonly ConcurrentDictionary<long, Task> lanes = new();
    private readonly ConcurrentDictionary<long, Task> answers = new();
    private readonly SendOutcomes outcomes;

    public OutboxSender(
        ITelegramBotClient bot, Database database, WorkSignals signals, SendOutcomes outcomes, MunicipalClock clock, IOptions<TelegramOptions> options, ILogger<OutboxSender> logger)
    {
        (this.bot, this.database, this.signals, this.outcomes, this.clock, this.options, this.logger) = (bot, database, signals, outcomes, clock, options.Value, logger);
        inFlight = new SemaphoreSlim(this.options.MaxInFlight, this.options.MaxInFlight);

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
        perChat = PartitionedRateLimiter.Create<long, long>(chat => RateLimitPartition.GetTokenBucketLimiter(chat, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = ChatBucket,
            TokensPerPeriod = this.options.ChatMessagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            AutoReplenishment = true,
        }));
    }

    /// <summary>
    /// How long an outcome waits for the inbox processor's next commit to carry it before the sender commits it alone. Off
    /// the reply's path (the message is already at Telegram); it only holds the send's in-flight slot.
    /// </summary>
    private static readonly TimeSpan OutcomeWait = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The chat bucket: Telegram's burst less one refill. The limiter refills in a step once a second and Telegram
    /// continuously, so a step just after a send would otherwise let through one message more than Telegram allows.
    /// </summary>
    private int ChatBucket => Math.Max(options.ChatMessagesPerSecond, options.ChatBurst - options.ChatMessagesPerSecond);

    public async ValueTask DisposeAsync()
    {
        await global.DisposeAsync();
        await perChat.DisposeAsync();
        inFlight.Dispose();
        abort.Dispose();
        Dispose();
    }

    /// <summary>Stops taking rows and lets the sends in flight finish and be recorded; past the host's shutdown timeout, abandons them (they stay pending).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Telegram's 30 messages a second are per bot: with several instances, one sends (the others take over when it dies).
        var leading = database.Dialect.LeadAsync("sender", clock.Time, stoppingToken);
        while (!leading.IsCompleted)
        {
            signals.Health.SenderAlive(clock.Now);
            await Task.WhenAny(leading, Task.Delay(TimeSpan.FromSeconds(5), clock.Time, stoppingToken));
        }

        await using var lead = await leading;
        SeedPacing();
        using var recorderStop = CancellationTokenSource.CreateLinkedTokenSource(abort.Token);
        var recorder = RecordLoopAsync(recorderStop.Token);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                signals.Health.SenderAlive(clock.Now);
                var wait = Dispatch(stoppingToken);
                await signals.Outbox.WaitAsync(wait, clock.Time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.LoopError(logger, nameof(OutboxSender), Redact.Describe(ex, options.Token));
                await Task.Delay(TimeSpan.FromSeconds(1), clock.Time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        // Graceful stop: nothing new is taken; what is in flight finishes and its outcome is committed.
        await Task.WhenAll(lanes.Values.Concat(answers.Values));
        while (outcomes.Count > 0 && !abort.IsCancellationRequested)
        {
            await FlushAsync();
        }

        await recorderStop.CancelAsync();
        await recorder;
    }

    /// <summary>
    /// Commits the outcomes that no inbox batch carried: after <see cref="OutcomeWait"/>, or at once when half the in-flight
    /// slots wait for theirs.
    /// </summary>
    private async Task RecordLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await outcomes.Added.WaitAsync(TimeSpan.FromSeconds(5), clock.Time, stop);
                if (outcomes.Count > 0 && outcomes.Count < Math.Max(1, options.MaxInFlight / 2))
                {
                    await Task.Delay(OutcomeWait, clock.Time, stop);
                }

                await FlushAsync();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Commits the waiting outcomes in one transaction; while the database is locked, they wait in memory and are tried again.</summary>
    private async Task FlushAsync()
    {
        var taken = outcomes.Take();
        if (taken.Count == 0)
        {
            return;
        }

        try
        {
            database.Write(db => outcomes.Write(db, taken));
            outcomes.Committed(taken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcomes.Requeue(taken);
            Log.OutcomeWaiting(logger, taken[0].Outcome.Row.Id, taken[0].Outcome.Row.ChatId, Redact.Describe(ex, options.Token));
            await Task.Delay(TimeSpan.FromSeconds(1), clock.Time, abort.Token);
        }
    }

    /// <summary>
    /// Reads what can be sent, once, and starts a lane with its due messages for every chat without one, and a task for
    /// every due callback answer; returns how long to wait for the next row that is not yet due.
    /// </summary>
    private TimeSpan Dispatch(CancellationToken stoppingToken)
    {
        var now = clock.Now;
        var next = TimeSpan.FromSeconds(5);

        // In this order: what is busy, then what waits to be committed, then the rows. A row neither busy nor waiting was
        // settled before the read, so the read shows its state; this loop alone starts work, so nothing else takes it meanwhile.
        var busyChats = lanes.Keys.ToHashSet();
        var busyAnswers = answers.Keys.ToHashSet();
        var waiting = outcomes.Waiting();
        var skip = waiting.Where(w => w.Value == SendResult.Sent).Select(w => w.Key).Concat(busyAnswers).ToList();
        var rows = database.Read(db => new OutboxStore(db).Pending(5000, skip, busyChats));

        // Each callback answer on its own, each chat's messages together.
        foreach (var group in rows.GroupBy(r => (Answer: r.Kind == "callback_answer", Key: r.Kind == "callback_answer" ? r.Id : r.ChatId)))
        {
            var (answer, key) = group.Key;
            if (waiting.ContainsKey(group.First().Id))
            {
                continue;
            }

            var due = group.TakeWhile(r => r.NotBefore <= now).ToList();
            if (due.Count == 0)
            {
                var wait = group.First().NotBefore - now;
                next = wait < next ? wait : next;
            }
            else if (answer)
            {
                Start(answers, key, () => SendAsync(due[0], stoppingToken));
            }
            else
            {
                Start(lanes, key, () => LaneAsync(due, stoppingToken));
            }
        }

        return next;
    }

    private void Start(ConcurrentDictionary<long, Task> running, long key, Func<Task> work)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        running[key] = gate.Task;

        // Started here, not queued: the request goes out from this thread, one hand-over fewer before the reply is sent.
        _ = RunAsync();

        async Task RunAsync()
        {
            try
            {
                await work();
            }
            catch (OperationCanceledException)
            {
                // Stopping: the row stays pending and is sent after the restart.
            }
            catch (Exception ex)
            {
                Log.LoopError(logger, nameof(OutboxSender), Redact.Describe(ex, options.Token));
            }
            finally
            {
                running.TryRemove(key, out _);
                gate.SetResult();
                signals.Outbox.Set();
            }
        }
    }

    /// <summary>
    /// One chat's due messages, in order; a message held back (429, back-off, set aside) holds the later ones until its
    /// outcome is committed. A message sent is done for the chat, its outcome committed or not: the next one goes at once.
    /// </summary>
    private async Task LaneAsync(List<OutboxRow> due, CancellationToken stoppingToken)
    {
        foreach (var row in due)
        {
            stoppingToken.ThrowIfCancellationRequested();
            using var globalLease = await global.AcquireAsync(1, stoppingToken);

            // Telegram limits what a chat is sent, not edits: an edit draws from the chat's bucket only if it falls back to a send.
            using var chatLease = IsEdit(row) ? null : await perChat.AcquireAsync(row.ChatId, 1, stoppingToken);
            if (await SendAsync(row, stoppingToken) is not SendResult.Sent)
            {
                // Held: the chat goes on once the outcome is committed (and the row is due again, for a retry).
                return;
            }
        }
    }

    /// <summary>
    /// Sends one row and hands its outcome to <see cref="SendOutcomes"/>; the in-flight slot is freed once the outcome is
    /// committed. A send under way finishes on a stop; only the host's shutdown timeout abandons it.
    /// </summary>
    private async Task<SendResult> SendAsync(OutboxRow row, CancellationToken stoppingToken)
    {
        await inFlight.WaitAsync(stoppingToken);
        SendOutcome outcome;
        try
        {
            outcome = await TrySendAsync(row, abort.Token);
        }
        catch
        {
            inFlight.Release();
            throw;
        }

        _ = outcomes.Add(outcome).ContinueWith(_ => inFlight.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return outcome.Result;
    }

    private async Task<SendOutcome> TrySendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        try
        {
            var message = OutboxStore.Read(row);
            if (row.Kind == "callback_answer")
            {
                await bot.AnswerCallbackQuery(message.CallbackQueryId!, message.Html.Length == 0 ? null : message.Html, cancellationToken: cancellationToken);
                return new SendOutcome(row, SendResult.Sent, null, null);
            }

            try
            {
                await DeliverAsync(row.ChatId, message, cancellationToken);
            }
            catch (ApiRequestException ex) when (message.EditMessageId is not null && ex.ErrorCode == 400 && !IsBenign(ex))
            {
                // The question cannot be edited (deleted, not the bot's, no text): the reply goes as a new message, paced as one.
                using var chatLease = await perChat.AcquireAsync(row.ChatId, 1, cancellationToken);
                await DeliverAsync(row.ChatId, message with { EditMessageId = null }, cancellationToken);
            }

            return new SendOutcome(row, SendResult.Sent, null, null);
        }
        catch (ApiRequestException ex)
        {
            var error = Redact.Describe(ex, options.Token);
            return ex switch
            {
                { ErrorCode: 429 } => new SendOutcome(row, SendResult.Retry, error, clock.Now + TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1))),
                { ErrorCode: 403 } => new SendOutcome(row, SendResult.Unreachable, error, null),
                { ErrorCode: 400 } when ex.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase) => new SendOutcome(row, SendResult.Unreachable, error, null),
                { ErrorCode: 400 } when IsBenign(ex) => new SendOutcome(row, SendResult.Sent, null, null),
                { ErrorCode: >= 500 or 401 } => Transient(row, error),
                _ => Poison(row, error),
            };
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Transient(row, Redact.Describe(ex, options.Token));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An unreadable payload, a file to attach that is gone, a message that cannot be built.
            return Poison(row, Redact.Describe(ex, options.Token));
        }
    }

    /// <summary>Refusals that mean the person already has what was sent.</summary>
    private static bool IsBenign(ApiRequestException ex) =>
        ex.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("query is too old", StringComparison.OrdinalIgnoreCase);

    private static bool IsEdit(OutboxRow row)
    {
        try
        {
            return OutboxStore.Read(row).EditMessageId is not null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            return false;
        }
    }

    private SendOutcome Transient(OutboxRow row, string error) =>
        row.Attempts + 1 >= MaxAttempts
            ? new SendOutcome(row, SendResult.Failed, error, null)
            : new SendOutcome(row, SendResult.Retry, error, clock.Now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, row.Attempts + 1))));

    private SendOutcome Poison(OutboxRow row, string error) =>
        row.Attempts + 1 >= MaxPoisonAttempts
            ? new SendOutcome(row, SendResult.Failed, error, null)
            : new SendOutcome(row, SendResult.Retry, error, clock.Now + TimeSpan.FromSeconds(row.Attempts + 1));

    /// <summary>A new process starts its buckets from the sends recorded just before it, so a restart during a busy moment draws no 429.</summary>
    private void SeedPacing()
    {
        var chatWindow = TimeSpan.FromSeconds(Math.Ceiling((double)ChatBucket / options.ChatMessagesPerSecond));
        var recent = database.Read(db => new OutboxStore(db).SentSince(clock.Now - chatWindow));
        var lastSecond = clock.Now - TimeSpan.FromSeconds(1);
        global.AttemptAcquire(Math.Min(recent.Count(s => s.At >= lastSecond), Math.Max(1, options.MessagesPerSecond / 10))).Dispose();
        foreach (var chat in recent.GroupBy(s => s.ChatId))
        {
            perChat.AttemptAcquire(chat.Key, Math.Min(chat.Count(), ChatBucket)).Dispose();
        }
    }

    /// <summary>Sends (or edits) a message as HTML; never loses a reply over markup: refused HTML goes again as plain text.</summary>
    private async Task DeliverAsync(long chatId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(chatId, message, ParseMode.Html, cancellationToken);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase))
        {
            await DeliverAsync(chatId, message with { Html = Html.ToPlain(message.Html) }, ParseMode.None, cancellationToken);
        }
    }

    private async Task DeliverAsync(long chatId, OutgoingMessage message, ParseMode parseMode, CancellationToken cancellationToken)
    {
        var buttons = message.Buttons.Count > 0
            ? new InlineKeyboardMarkup(message.Buttons.Select(r => r.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))))
            : null;
        ReplyMarkup? markup = buttons is not null ? buttons : message.MainKeyboard ? MainKeyboard : null;
        if (message.EditMessageId is { } edited)
        {
            await bot.EditMessageText(chatId, checked((int)edited), message.Html, parseMode, replyMarkup: buttons, cancellationToken: cancellationToken);
        }
        else if (message.EvidenceFileId is { } fileId)
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
            await using var stream = File.OpenRead(Path.Combine(database.Dialect.DataFolder, path));
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
