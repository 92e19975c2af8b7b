namespace PoaBot.Telegram;

/// <summary>
/// Wakes a worker when there is new work, instead of making it poll the database: an auto-reset event for one waiter. A
/// set while the worker works is kept for its next wait; the wait resets it before returning, so the work that follows
/// sees everything signalled before.
/// </summary>
public sealed class Signal
{
    private TaskCompletionSource next = New();

    public void Set() => Volatile.Read(ref next).TrySetResult();

    /// <summary>Waits until set or until <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref next);
        try
        {
            await current.Task.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing new: the worker looks anyway.
        }

        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref next, New(), current);
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class WorkSignals
{
    public Signal Inbox { get; } = new();

    public Signal Outbox { get; } = new();

    /// <summary>Set after every committed batch of updates: a role may have changed (<see cref="CommandMenus"/>).</summary>
    public Signal Menus { get; } = new();

    /// <summary>Heartbeats of the poller and the sender, for status, /healthz and the systemd watchdog.</summary>
    public PoaBot.Operations.Heartbeats Health { get; } = new();
}
