using System.Text.Json;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>
/// Handles stored updates: downloads evidence (chats in parallel), then runs the engine for a batch of updates in one
/// transaction (each in its own savepoint, each chat in order), writing the domain changes, the conversation state,
/// the inbox row and the replies together. A durable commit is the expensive part, so commits are grouped.
/// </summary>
public sealed class InboxProcessor(
    Database database,
    ConversationEngine engine,
    EvidenceDownloader downloader,
    WorkSignals signals,
    MunicipalClock clock,
    IOptions<TelegramOptions> options,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    public const int MaxAttempts = 3;
    public const int BatchSize = 500;

    public const string Apology =
        "Lo siento, tuve un problema con su último mensaje y no pude procesarlo. Ya quedó anotado para revisión; por favor intente de nuevo en unos minutos.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await ProcessBatchAsync(stoppingToken))
                {
                    await signals.Inbox.WaitAsync(TimeSpan.FromSeconds(5), clock.Time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The loop never stops: log, breathe, go on.
                Log.LoopError(logger, nameof(InboxProcessor), Redact.Describe(ex, options.Value.Token));
                await Task.Delay(TimeSpan.FromSeconds(1), clock.Time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Processes one batch of pending updates; false when there was nothing to do.</summary>
    public async Task<bool> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var rows = database.Read(db => new InboxStore(db).Pending(BatchSize));
        if (rows.Count == 0)
        {
            return false;
        }

        var mapped = rows.Select(r => (Row: r, Update: Map(r))).ToList();
        var downloaded = await DownloadEvidenceAsync(
            mapped.Where(m => m.Update?.Input?.FileId is not null).Select(m => (m.Row.UpdateId, m.Update!)).ToList(), cancellationToken);
        var now = clock.Now;
        database.Write(db =>
        {
            var inbox = new InboxStore(db);
            var failedChats = new HashSet<long>();
            foreach (var (row, update) in mapped)
            {
                if (failedChats.Contains(row.ChatId))
                {
                    // Each chat in order: what came after a failed update waits for it.
                    continue;
                }

                try
                {
                    db.Savepoint(() =>
                    {
                        Handle(db, row, update is not null && downloaded.TryGetValue(row.UpdateId, out var d) ? update with { Input = d } : update, now);
                        inbox.Done(row.UpdateId, now);
                        PoaBot.Operations.PoaMetrics.Handled(now - Instants.Parse(row.ReceivedAt));
                        return true;
                    });
                }
                catch (Exception ex)
                {
                    failedChats.Add(row.ChatId);
                    var error = Redact.Describe(ex, options.Value.Token);
                    if (inbox.Failed(row.UpdateId, error, MaxAttempts, now))
                    {
                        Log.UpdateSetAside(logger, row.UpdateId, MaxAttempts, error);
                        if (update is { ChatId: not 0 })
                        {
                            var outbox = new OutboxStore(db);
                            outbox.Enqueue(update.ChatId, new Reply(Apology), now, $"u{row.UpdateId}:apology");
                            if (update.CallbackQueryId is { } query)
                            {
                                outbox.EnqueueCallbackAnswer(update.ChatId, query, null, now);
                            }
                        }
                    }
                    else
                    {
                        Log.UpdateFailed(logger, row.UpdateId, row.Attempts + 1, error);
                    }
                }
            }
        });
        signals.Outbox.Set();
        signals.Menus.Set();
        return true;
    }

    private void Handle(DbSession db, InboxRow row, MappedUpdate? update, DateTimeOffset now)
    {
        if (update is null)
        {
            return;
        }

        if (update.Unreadable is { } why)
        {
            throw new InvalidDataException($"Stored update cannot be read: {why}");
        }

        if (update.Reachable is { } reachable)
        {
            var people = new PeopleStore(db);
            if (reachable)
            {
                people.MarkReachable(update.ChatId);
            }
            else
            {
                people.MarkUnreachable(update.ChatId, now);
            }

            return;
        }

        if (update.Input is not { } input)
        {
            return;
        }

        var result = engine.Handle(db, input);
        var outbox = new OutboxStore(db);
        if (update.CallbackQueryId is { } query)
        {
            outbox.EnqueueCallbackAnswer(update.ChatId, query, result.ButtonAnswer, now);
        }

        for (var i = 0; i < result.Replies.Count; i++)
        {
            outbox.Enqueue(update.ChatId, result.Replies[i], now, $"u{row.UpdateId}:{i}");
        }
    }

    /// <summary>Reads a stored update; one that cannot be read goes through the normal failure path instead of blocking the batch.</summary>
    private static MappedUpdate? Map(InboxRow row)
    {
        try
        {
            var update = JsonSerializer.Deserialize<Update>(row.Payload, JsonBotAPI.Options);
            return update is null ? null : UpdateMapper.Map(update, Instants.Parse(row.ReceivedAt));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException)
        {
            return new MappedUpdate(row.ChatId, Unreadable: ex.Message);
        }
    }

    /// <summary>
    /// Downloads the files that registered people send (evidence, or a POA to import), chats in parallel. Whether a file is
    /// wanted depends on updates of the same batch not yet handled, so every file of an active person is kept.
    /// </summary>
    private async Task<Dictionary<long, Input>> DownloadEvidenceAsync(List<(long UpdateId, MappedUpdate Update)> withFiles, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, Input>();
        if (withFiles.Count == 0)
        {
            return result;
        }

        var waiting = database.Read(db =>
        {
            var people = new PeopleStore(db);
            return withFiles.Where(u => u.Update.Input!.IsPrivate && people.ByTelegramId(u.Update.Input.UserId) is { Active: true })
                .Select(u => u.Update.ChatId).ToHashSet();
        });
        var lockObject = new Lock();
        await Parallel.ForEachAsync(
            withFiles.Where(u => waiting.Contains(u.Update.ChatId)).GroupBy(u => u.Update.ChatId),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (chat, ct) =>
            {
                foreach (var (updateId, update) in chat)
                {
                    var input = await downloader.DownloadAsync(update.Input!, ct);
                    lock (lockObject)
                    {
                        result[updateId] = input;
                    }
                }
            });
        return result;
    }
}
