namespace PoaBot.FakeTelegram;

/// <summary>Tunables of <see cref="FakeBotApi"/>. Defaults mimic the real Bot API.</summary>
public sealed class FakeBotApiOptions
{
    /// <summary>When false, no request is ever answered with 429 by the rate limiter (FailNext still works).</summary>
    public bool EnforceRateLimits { get; set; } = true;

    /// <summary>Refill rate and burst of the global token bucket.</summary>
    public int GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>Refill rate of each chat's token bucket.</summary>
    public int PerChatMessagesPerSecond { get; set; } = 1;

    /// <summary>Burst (bucket capacity) allowed per chat before the 1/s pace applies.</summary>
    public int PerChatBurst { get; set; } = 3;

    public string BotUsername { get; set; } = "poa_prueba_bot";

    public long BotId { get; set; } = 7000001;

    public string BotFirstName { get; set; } = "POA Prueba";

    /// <summary>Clock used for "At" stamps, message dates and the rate-limit buckets. Long-poll waits use real time.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The real API (TDLib) keeps a bare "&amp;" that starts no entity as a literal character.
    /// The brief for this fake asks to be stricter and refuse it; set false for the real behaviour.
    /// </summary>
    public bool RejectBareAmpersand { get; set; } = true;

    /// <summary>If set, answerCallbackQuery later than this after the press fails with "query is too old".</summary>
    public TimeSpan? CallbackQueryAnswerWindow { get; set; }

    /// <summary>First update_id handed out; null picks a random large number.</summary>
    public long? FirstUpdateId { get; set; }

    /// <summary>Wait before the webhook gets a failed update again (the real API backs off further; tests want it short).</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Webhook deliveries in flight at once (Telegram's max_connections, 40 by default there), never two of one chat's
    /// (a user's, for button presses): each chat's updates still arrive in order. 1 delivers one update at a time.
    /// </summary>
    public int WebhookConnections { get; set; } = 1;

    /// <summary>Longest wait for the webhook's answer; past it the delivery counts as failed and is retried.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
