using Microsoft.Extensions.Logging;

namespace PoaBot.Telegram;

/// <summary>Every log line of the Telegram edge. Never log a URL or an exception's full text: they may hold the token.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Connected to Telegram as @{Username}; updates by {Mode}")]
    public static partial void Connected(ILogger logger, string username, string mode);

    [LoggerMessage(2, LogLevel.Warning, "Telegram start-up failed ({Error}); retrying in {Delay}")]
    public static partial void StartupFailed(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Warning, "getUpdates failed ({Error}); retrying in {Delay}")]
    public static partial void PollFailed(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Error, "Another poller is running with this token (409 Conflict); retrying in {Delay}")]
    public static partial void Conflict(ILogger logger, TimeSpan delay);

    [LoggerMessage(5, LogLevel.Warning, "Update {UpdateId} failed (attempt {Attempt}): {Error}")]
    public static partial void UpdateFailed(ILogger logger, long updateId, long attempt, string error);

    [LoggerMessage(6, LogLevel.Error, "Update {UpdateId} set aside after {Attempts} attempts: {Error}")]
    public static partial void UpdateSetAside(ILogger logger, long updateId, int attempts, string error);

    [LoggerMessage(7, LogLevel.Warning, "Chat {ChatId} is unreachable: {Error}")]
    public static partial void Unreachable(ILogger logger, long chatId, string error);

    [LoggerMessage(8, LogLevel.Warning, "Message {Id} to chat {ChatId} will be retried at {NotBefore}: {Error}")]
    public static partial void SendRetry(ILogger logger, long id, long chatId, DateTimeOffset notBefore, string error);

    [LoggerMessage(90, LogLevel.Error, "Message {Id} to chat {ChatId} set aside after {Attempts} attempts: {Error}")]
    public static partial void SetAside(ILogger logger, long id, long chatId, long attempts, string error);

    [LoggerMessage(91, LogLevel.Warning, "The outcome of message {Id} to chat {ChatId}, with the others waiting, is kept in memory until the database accepts it ({Error}); sending stops once every in-flight slot waits")]
    public static partial void OutcomeWaiting(ILogger logger, long id, long chatId, string error);

    [LoggerMessage(400, LogLevel.Warning, "Update {UpdateId} cannot be read and is set aside: {Reason}")]
    public static partial void UpdateUnreadable(ILogger logger, long updateId, string reason);

    [LoggerMessage(401, LogLevel.Error, "A file for chat {ChatId} could not be rendered: {Error}")]
    public static partial void RenderFailed(ILogger logger, long chatId, string error);

    [LoggerMessage(500, LogLevel.Warning, "Webhook request refused with {Status}: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, int status, string reason);

    [LoggerMessage(501, LogLevel.Warning, "A webhook update could not be stored ({Error}); answered 503 so that Telegram sends it again")]
    public static partial void WebhookStoreFailed(ILogger logger, string error);

    [LoggerMessage(502, LogLevel.Error, "Telegram could not deliver to the webhook: {Error}")]
    public static partial void WebhookDeliveryFailed(ILogger logger, string error);

    [LoggerMessage(503, LogLevel.Warning, "The webhook is set to another address or none (someone else changed it); setting it again")]
    public static partial void WebhookReplaced(ILogger logger);

    [LoggerMessage(504, LogLevel.Warning, "getWebhookInfo failed ({Error}); retrying in {Delay}")]
    public static partial void WebhookCheckFailed(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(800, LogLevel.Warning, "Another instance polls Telegram on this database (Telegram serves one getUpdates at a time): this one stands by and takes over when it stops; for several instances sharing the work, use webhook mode")]
    public static partial void PollingStandby(ILogger logger);

    [LoggerMessage(850, LogLevel.Debug, "An album of chat {ChatId} ({Photos} photos so far) waits for the rest until {Until}")]
    public static partial void AlbumWaits(ILogger logger, long chatId, int photos, DateTimeOffset until);

    [LoggerMessage(10, LogLevel.Error, "{Worker} loop error: {Error}")]
    public static partial void LoopError(ILogger logger, string worker, string error);
}
