namespace PoaBot.Operations;

/// <summary>When the poller last got an answer from Telegram and the sender last went round its loop; the last error logged.</summary>
public sealed class Heartbeats
{
    private long lastPoll = long.MinValue;
    private long senderBeat = long.MinValue;

    public DateTimeOffset? LastPoll => At(Interlocked.Read(ref lastPoll));

    public DateTimeOffset? SenderBeat => At(Interlocked.Read(ref senderBeat));

    public (string Message, DateTimeOffset At)? LastError { get; private set; }

    /// <summary>
    /// The poller got an answer (possibly empty) from getUpdates; in webhook mode, the webhook stored an update or
    /// getWebhookInfo showed the webhook in place with nothing waiting.
    /// </summary>
    public void Polled(DateTimeOffset now, int updates)
    {
        Interlocked.Exchange(ref lastPoll, now.ToUnixTimeMilliseconds());
        PoaMetrics.UpdatesReceived.Add(updates);
    }

    public void SenderAlive(DateTimeOffset now) => Interlocked.Exchange(ref senderBeat, now.ToUnixTimeMilliseconds());

    public void Error(string message, DateTimeOffset at) => LastError = (message, at);

    /// <summary>Telegram was heard from and the sender went round its loop within <paramref name="within"/>.</summary>
    public bool Alive(DateTimeOffset now, TimeSpan within) => now - LastPoll <= within && now - SenderBeat <= within;

    private static DateTimeOffset? At(long ms) => ms == long.MinValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
