using Microsoft.Extensions.Logging;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>What became of one send of an outbox row.</summary>
public enum SendResult
{
    Sent,
    Retry,
    Unreachable,
    Failed,
}

/// <summary>One send's outcome, with when to try again (a retry) and the error (anything but a success).</summary>
public sealed record SendOutcome(OutboxRow Row, SendResult Result, string? Error, DateTimeOffset? NotBefore);

/// <summary>
/// Send outcomes waiting to be committed, so that several are written by one durable commit instead of one each: the inbox
/// processor writes the waiting ones in the transaction it commits anyway, and the sender commits what is left when no
/// batch came along (<see cref="OutboxSender"/>). A send holds its in-flight slot until its outcome is committed, so a
/// SIGKILL repeats at most <see cref="TelegramOptions.MaxInFlight"/> sends. Rows waiting here are not taken again.
/// </summary>
public sealed class SendOutcomes(WorkSignals signals, MunicipalClock clock, ILogger<OutboxSender> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, SendResult> waitingIds = [];
    private List<(SendOutcome Outcome, TaskCompletionSource Durable)> waiting = [];

    /// <summary>Set when an outcome starts waiting: the sender's cue to commit it if no inbox batch does.</summary>
    public Signal Added { get; } = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return waiting.Count;
            }
        }
    }

    /// <summary>
    /// The rows whose outcome waits to be committed, with that outcome: they must not be taken again, and a row not sent
    /// (a retry, a chat gone, a row set aside) holds its chat's later messages until its outcome is committed.
    /// </summary>
    public IReadOnlyDictionary<long, SendResult> Waiting()
    {
        lock (gate)
        {
            return new Dictionary<long, SendResult>(waitingIds);
        }
    }

    /// <summary>Queues an outcome; the task completes once it is committed.</summary>
    public Task Add(SendOutcome outcome)
    {
        var durable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            waiting.Add((outcome, durable));
            waitingIds[outcome.Row.Id] = outcome.Result;
        }

        Added.Set();
        return durable.Task;
    }

    /// <summary>Takes every waiting outcome, to be written with <see cref="Write"/> and then <see cref="Committed"/> or <see cref="Requeue"/>d.</summary>
    public IReadOnlyList<(SendOutcome Outcome, TaskCompletionSource Durable)> Take()
    {
        lock (gate)
        {
            if (waiting.Count == 0)
            {
                return [];
            }

            var taken = waiting;
            waiting = [];
            return taken;
        }
    }

    /// <summary>Writes the outcomes in the caller's transaction.</summary>
    public void Write(DbSession db, IReadOnlyList<(SendOutcome Outcome, TaskCompletionSource Durable)> taken)
    {
        if (taken.Count == 0)
        {
            return;
        }

        var now = clock.Now;
        var outbox = new OutboxStore(db);
        foreach (var ((row, result, error, notBefore), _) in taken)
        {
            switch (result)
            {
                case SendResult.Sent:
                    outbox.Sent(row.Id, now);
                    break;
                case SendResult.Retry:
                    outbox.Retry(row.Id, notBefore!.Value, error!, countAttempt: !error!.StartsWith("429", StringComparison.Ordinal));
                    break;
                case SendResult.Unreachable:
                    outbox.Unreachable(row.ChatId, error!);
                    new PeopleStore(db).MarkUnreachable(row.ChatId, now);
                    break;
                default:
                    outbox.Failed(row.Id, error!);
                    break;
            }
        }
    }

    /// <summary>The transaction that wrote <paramref name="taken"/> committed: their slots are freed and their rows may be taken again.</summary>
    public void Committed(IReadOnlyList<(SendOutcome Outcome, TaskCompletionSource Durable)> taken)
    {
        if (taken.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            foreach (var (outcome, _) in taken)
            {
                waitingIds.Remove(outcome.Row.Id);
            }
        }

        foreach (var ((row, result, error, notBefore), durable) in taken)
        {
            PoaBot.Operations.PoaMetrics.Send(result.ToString(), error);
            switch (result)
            {
                case SendResult.Retry:
                    Log.SendRetry(logger, row.Id, row.ChatId, notBefore!.Value, error!);
                    break;
                case SendResult.Unreachable:
                    Log.Unreachable(logger, row.ChatId, error!);
                    break;
                case SendResult.Failed:
                    Log.SetAside(logger, row.Id, row.ChatId, row.Attempts + 1, error!);
                    break;
            }

            durable.SetResult();
        }

        signals.Outbox.Set();
    }

    /// <summary>The transaction failed (the database locked, say): the outcomes wait again, ahead of newer ones.</summary>
    public void Requeue(IReadOnlyList<(SendOutcome Outcome, TaskCompletionSource Durable)> taken)
    {
        if (taken.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            waiting.InsertRange(0, taken);
        }
    }
}
