namespace PoaBot.Telegram;

/// <summary>Wakes a worker when there is new work, instead of making it poll the database.</summary>
public sealed class Signal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Set()
    {
        if (semaphore.CurrentCount == 0)
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already set by another thread.
            }
        }
    }

    public void Dispose() => semaphore.Dispose();

    /// <summary>Waits until set or until <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, timer.Token);
        var wait = semaphore.WaitAsync(timer.Token);
        await Task.WhenAny(delay, wait);
        await timer.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}

public sealed class WorkSignals : IDisposable
{
    public Signal Inbox { get; } = new();

    public Signal Outbox { get; } = new();

    /// <summary>Set after every committed batch of updates: a role may have changed (<see cref="CommandMenus"/>).</summary>
    public Signal Menus { get; } = new();

    /// <summary>Heartbeats of the poller and the sender, for status, /healthz and the systemd watchdog.</summary>
    public PoaBot.Operations.Heartbeats Health { get; } = new();

    public void Dispose()
    {
        Inbox.Dispose();
        Outbox.Dispose();
        Menus.Dispose();
    }
}
