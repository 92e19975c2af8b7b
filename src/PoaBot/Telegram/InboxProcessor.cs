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
/// The one writer of the inbox: in one transaction it stores the updates that arrived (<see cref="InboxIntake"/>), records
/// the send outcomes waiting (<see cref="SendOutcomes"/>), and runs the engine for the pending updates (each in its own
/// savepoint, each chat in order), writing the domain changes, the conversation state, the inbox row and the replies
/// together. A durable commit is the expensive part, so commits are grouped: a batch is what arrived while the last one
/// ran, and an update arriving alone is handled at once. Evidence downloads run beside it: only their own chat waits.
/// </summary>
public sealed class InboxProcessor(
    Database database,
    InboxIntake intake,
    SendOutcomes outcomes,
    ConversationEngine engine,
    EvidenceDownloader downloader,
    WorkSignals signals,
    MunicipalClock clock,
    IOptions<TelegramOptions> options,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    public const int MaxAttempts = 3;

    // Files being downloaded, by update id; touched by the processing loop only.
    private readonly Dictionary<long, Task<Input>> downloads = [];
    private readonly SemaphoreSlim downloadSlots = new(4);

    // Exports and charts being rendered after their commit, by chat: the chat's next updates wait for them.
    private readonly Dictionary<long, Task> renders = [];

    public const int BatchSize = 500;

    /// <summary>How long an album waits, after its latest photo arrived, for the rest of its photos.</summary>
    public static readonly TimeSpan AlbumWait = TimeSpan.FromSeconds(2);

    // Wakes the loop when an album has waited long enough.
    private readonly ITimer albumWake = clock.Time.CreateTimer(_ => signals.Inbox.Set(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!ProcessBatch(stoppingToken))
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

    /// <summary>Stores what arrived and processes the pending updates that are ready; false when none was (nothing pending, or all wait for files).</summary>
    public bool ProcessBatch(CancellationToken cancellationToken)
    {
        var arrivals = intake.Take();
        var sends = outcomes.Take();
        if (arrivals.Count == 0 && sends.Count == 0 && database.Read(db => new InboxStore(db).CountPending()) == 0)
        {
            return false;
        }

        var handled = 0;
        var toRender = new List<Rendering>();
        try
        {
            database.Write(db =>
            {
                InboxIntake.Write(db, arrivals);
                outcomes.Write(db, sends);
                handled = Handle(db, toRender, cancellationToken);
            });
        }
        catch (Exception ex)
        {
            InboxIntake.Failed(arrivals, ex);
            outcomes.Requeue(sends);
            throw;
        }

        outcomes.Committed(sends);
        InboxIntake.Committed(arrivals);
        foreach (var chat in toRender.GroupBy(r => r.ChatId))
        {
            renders[chat.Key] = Task.Run(() => RenderAndSend([.. chat]), CancellationToken.None);
        }

        if (handled > 0)
        {
            signals.Outbox.Set();
            signals.Menus.Set();
        }

        return handled > 0;
    }

    /// <summary>Handles the pending updates that are ready, in the caller's transaction; returns how many were handled.</summary>
    private int Handle(DbSession db, List<Rendering> toRender, CancellationToken cancellationToken)
    {
        var inbox = new InboxStore(db);
        var rows = inbox.Pending(BatchSize);
        if (rows.Count == 0)
        {
            return 0;
        }

        var mapped = rows.Select(r => (Row: r, Update: Map(r))).ToList();
        StartDownloads(mapped.Where(m => m.Update?.Input?.FileId is not null).Select(m => (m.Row.UpdateId, m.Update!)).ToList(), cancellationToken);
        var now = clock.Now;
        var handled = 0;

        var albumsWaiting = WaitingAlbums(mapped, now);

        // Each chat in order: what came after an update that failed, or that waits for its file, waits with it.
        var heldChats = new HashSet<long>();
        foreach (var (row, update) in mapped)
        {
            if (update?.Unreadable is { } why)
            {
                // Not a failure of ours that a retry could fix: set aside at once, tell the person, go on with the chat.
                SetAsideUnreadable(db, row, why, now);
                handled++;
                continue;
            }

            if (heldChats.Contains(row.ChatId))
            {
                continue;
            }

            // Another instance on the same PostgreSQL database holds the chat, or handled this update meanwhile.
            if (!db.Sql.ClaimChat(db, row.ChatId, row.UpdateId))
            {
                heldChats.Add(row.ChatId);
                continue;
            }

            if (renders.TryGetValue(row.ChatId, out var rendering))
            {
                if (!rendering.IsCompleted)
                {
                    heldChats.Add(row.ChatId);
                    continue;
                }

                renders.Remove(row.ChatId);
            }

            if (update?.Input?.MediaGroupId is { } album && albumsWaiting.Contains((row.ChatId, album)))
            {
                heldChats.Add(row.ChatId);
                continue;
            }

            var ready = update;
            if (downloads.TryGetValue(row.UpdateId, out var download))
            {
                if (!download.IsCompleted)
                {
                    heldChats.Add(row.ChatId);
                    continue;
                }

                downloads.Remove(row.UpdateId);
                ready = update! with { Input = download.IsCompletedSuccessfully ? download.Result : update.Input! with { FileProblem = FileProblem.Failed } };
            }

            handled++;
            try
            {
                toRender.AddRange(db.Savepoint(() =>
                {
                    var files = Handle(db, row, ready, now);
                    inbox.Done(row.UpdateId, now);
                    PoaBot.Operations.PoaMetrics.Handled(now - row.ReceivedAt);
                    return files;
                }));
            }
            catch (Exception ex)
            {
                heldChats.Add(row.ChatId);
                var error = Redact.Describe(ex, options.Value.Token);
                if (inbox.Failed(row.UpdateId, error, MaxAttempts, now))
                {
                    Log.UpdateSetAside(logger, row.UpdateId, MaxAttempts, error);
                    if (update is { ChatId: not 0 })
                    {
                        var outbox = new OutboxStore(db);
                        outbox.Enqueue(update.ChatId, new Reply(TransportText.Apology), now, $"u{row.UpdateId}:apology");
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

        return handled;
    }

    /// <summary>
    /// The albums that wait: the photos of an album (one update each) wait for one another, so they are handled in one
    /// transaction and the answer each gives replaces the one before it while still unsent (Reply.CollapseKey). An album
    /// waits while any of its files downloads, and until <see cref="AlbumWait"/> after its latest photo arrived, as
    /// Telegram may hand it over in two getUpdates responses or webhook calls. Arrival times are stored, so this holds
    /// across restarts.
    /// </summary>
    private HashSet<(long ChatId, string? Album)> WaitingAlbums(List<(InboxRow Row, MappedUpdate? Update)> mapped, DateTimeOffset now)
    {
        var waiting = new HashSet<(long, string?)>();
        var wake = DateTimeOffset.MaxValue;
        foreach (var album in mapped.Where(m => m.Update?.Input?.MediaGroupId is not null).GroupBy(m => (m.Row.ChatId, m.Update!.Input!.MediaGroupId)))
        {
            var until = album.Max(m => m.Row.ReceivedAt) + AlbumWait;
            if (album.Any(m => downloads.TryGetValue(m.Row.UpdateId, out var d) && !d.IsCompleted))
            {
                waiting.Add(album.Key);
            }
            else if (until > now)
            {
                waiting.Add(album.Key);
                Log.AlbumWaits(logger, album.Key.ChatId, album.Count(), until);
                wake = until < wake ? until : wake;
            }
        }

        if (wake != DateTimeOffset.MaxValue)
        {
            albumWake.Change(wake - now, Timeout.InfiniteTimeSpan);
        }

        return waiting;
    }

    /// <summary>Runs the engine for one update; returns the replies whose files are to be rendered after the commit.</summary>
    private List<Rendering> Handle(DbSession db, InboxRow row, MappedUpdate? update, DateTimeOffset now)
    {
        if (update is null)
        {
            return [];
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

            return [];
        }

        if (update.Input is not { } input)
        {
            return [];
        }

        var result = engine.Handle(db, input);
        var outbox = new OutboxStore(db);
        if (update.CallbackQueryId is { } query)
        {
            outbox.EnqueueCallbackAnswer(update.ChatId, query, result.ButtonAnswer, now);
        }

        var toRender = new List<Rendering>();
        for (var i = 0; i < result.Replies.Count; i++)
        {
            var reply = result.Replies[i];
            if (reply.Render is null)
            {
                outbox.Enqueue(update.ChatId, reply, now, $"u{row.UpdateId}:{i}");
            }
            else
            {
                toRender.Add(new Rendering(update.ChatId, reply, $"u{row.UpdateId}:{i}"));
            }
        }

        return toRender;
    }

    /// <summary>
    /// Renders exports and charts after the commit, outside the write transaction and beside the processing loop (only
    /// the chat that asked waits for them), then queues them. A file that cannot be rendered gets the apology instead.
    /// </summary>
    private void RenderAndSend(List<Rendering> files)
    {
        var ready = files.Select(f =>
        {
            try
            {
                f.Reply.RenderFile(database);
                return f.Reply;
            }
            catch (Exception ex)
            {
                Log.RenderFailed(logger, f.ChatId, Redact.Describe(ex, options.Value.Token));
                return new Reply(TransportText.Apology);
            }
        }).ToList();
        var now = clock.Now;
        database.Write(db =>
        {
            var outbox = new OutboxStore(db);
            for (var i = 0; i < files.Count; i++)
            {
                outbox.Enqueue(files[i].ChatId, ready[i], now, files[i].Key);
            }
        });
        signals.Outbox.Set();
        signals.Inbox.Set();
    }

    private sealed record Rendering(long ChatId, Reply Reply, string Key);

    /// <summary>
    /// An update Telegram.Bot cannot read (a value Telegram added after the library's release): set aside with its reason;
    /// a person who wrote or tapped in their private chat is told, and a button press is answered so it stops spinning.
    /// </summary>
    private void SetAsideUnreadable(DbSession db, InboxRow row, string why, DateTimeOffset now)
    {
        new InboxStore(db).Failed(row.UpdateId, $"Unreadable update: {why}", 1, now);
        Log.UpdateUnreadable(logger, row.UpdateId, why);
        var (kind, query) = KindAndQuery(row.Payload);
        if (row.ChatId <= 0 || kind is "my_chat_member" or "edited_message")
        {
            // Not a person waiting for an answer in their private chat.
            return;
        }

        var outbox = new OutboxStore(db);
        outbox.Enqueue(row.ChatId, new Reply(TransportText.Unreadable), now, $"u{row.UpdateId}:unreadable");
        if (query is not null)
        {
            outbox.EnqueueCallbackAnswer(row.ChatId, query, null, now);
        }
    }

    private static (string? Kind, string? CallbackQueryId) KindAndQuery(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return (RawUpdate.KindOf(document.RootElement), RawUpdate.CallbackQueryIdOf(document.RootElement));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>Reads a stored update; one that cannot be read is marked so, to be set aside without blocking anything.</summary>
    private static MappedUpdate? Map(InboxRow row)
    {
        try
        {
            var update = JsonSerializer.Deserialize<Update>(row.Payload, JsonBotAPI.Options);
            return update is null ? null : UpdateMapper.Map(update, row.ReceivedAt);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException)
        {
            return new MappedUpdate(row.ChatId, Unreadable: ex.Message);
        }
    }

    /// <summary>
    /// Starts downloading the files that registered people send (evidence, or a POA to import), a few at a time, each with
    /// its own time limit. Whether a file is wanted depends on updates not yet handled, so every file of an active person is
    /// kept. The update waits, with the rest of its chat, until its file is there; other chats go on meanwhile.
    /// </summary>
    private void StartDownloads(List<(long UpdateId, MappedUpdate Update)> withFiles, CancellationToken cancellationToken)
    {
        var toStart = withFiles.Where(u => !downloads.ContainsKey(u.UpdateId)).ToList();
        if (toStart.Count == 0)
        {
            return;
        }

        var active = database.Read(db =>
        {
            var directorates = new DirectorateStore(db);
            return toStart.Where(u => u.Update.Input!.IsPrivate && directorates.Of(u.Update.Input.UserId).Count > 0)
                .Select(u => u.UpdateId).ToHashSet();
        });
        foreach (var (updateId, update) in toStart.Where(u => active.Contains(u.UpdateId)))
        {
            downloads[updateId] = DownloadAsync(update.Input!, cancellationToken);
        }
    }

    private async Task<Input> DownloadAsync(Input input, CancellationToken cancellationToken)
    {
        await downloadSlots.WaitAsync(cancellationToken);
        try
        {
            return await downloader.DownloadAsync(input, cancellationToken);
        }
        finally
        {
            downloadSlots.Release();
            signals.Inbox.Set();
        }
    }

    public override void Dispose()
    {
        downloadSlots.Dispose();
        albumWake.Dispose();
        base.Dispose();
    }
}
