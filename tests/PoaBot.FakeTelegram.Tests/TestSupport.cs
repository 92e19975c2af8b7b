using Telegram.Bot;

namespace PoaBot.FakeTelegram.Tests;

internal static class TestSupport
{
    public const string Token = "7000001:AAHfakeTokenForEndToEndTests_0123456789";

    public const long Ana = 5550001;

    public static TelegramBotClient ClientFor(FakeBotApi fake, string? token = null) =>
        new(new TelegramBotClientOptions(token ?? fake.Token, fake.BaseUrl.ToString()) { RetryCount = 0 });

    public static async Task WaitUntilAsync(Func<bool> condition, int timeoutMs = 5000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException("Condition not met in time.");
            }

            await Task.Delay(5);
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
