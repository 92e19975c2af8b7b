namespace PoaBot.Telegram;

/// <summary>Describes an exception for the log without anything that could carry the token (URLs, inner texts).</summary>
internal static class Redact
{
    public static string Describe(Exception ex, string? token)
    {
        var text = ex switch
        {
            global::Telegram.Bot.Exceptions.ApiRequestException api => $"{api.ErrorCode} {api.Message}",
            _ => $"{ex.GetType().Name}: {ex.Message}",
        };
        return string.IsNullOrEmpty(token) ? text : text.Replace(token, "***", StringComparison.Ordinal);
    }
}
