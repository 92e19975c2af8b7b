namespace PoaBot.FakeTelegram;

/// <summary>Thrown inside request handlers to answer with an error response.</summary>
internal sealed class BotApiException : Exception
{
    public BotApiException(int errorCode, string description, int? retryAfter = null)
        : base(description)
    {
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
    }

    public int ErrorCode { get; }

    public int? RetryAfter { get; }

    public static BotApiException BadRequest(string detail) => new(400, "Bad Request: " + detail);
}
