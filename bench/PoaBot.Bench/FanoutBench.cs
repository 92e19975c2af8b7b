using System.Diagnostics;
using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;
using PoaBot.FakeTelegram;

namespace PoaBot.Bench;

internal sealed record FanoutFigures(int Messages, int Sent, TimeSpan FirstToLast, int RateLimited, int GlobalLimit)
{
    /// <summary>Messages per second after the first second, which a full token bucket lets burst.</summary>
    public required double SteadyPerSecond { get; init; }

    /// <summary>Messages per second from the first to the last successful sendMessage.</summary>
    public double PerSecond => Sent <= 1 ? double.NaN : (Sent - 1) / FirstToLast.TotalSeconds;

    public double ShareOfLimit => PerSecond / GlobalLimit;
}

/// <summary>
/// One reminder per coordinator, written to the outbox before the host starts; the host with its default pacing
/// (30 msg/s overall, 1/s per chat) sends them to a fake that enforces Telegram's limits (30/s global).
/// </summary>
internal static class FanoutBench
{
    private const long FirstId = 8_200_001;

    public static async Task<FanoutFigures> RunAsync(int coordinators, Deployment deployment)
    {
        var fakeOptions = new FakeBotApiOptions();
        await using var bot = await BenchBot.CreateAsync(fakeOptions, deployment);
        var councils = Seed.Councils(bot.Database, 20);
        var ids = Enumerable.Range(0, coordinators).Select(i => FirstId + i).ToList();
        Seed.Coordinators(bot.Database, ids, councils);
        foreach (var id in ids)
        {
            bot.Fake.RegisterUser(id);
        }

        var reminder = new Reply(
            $"⏰ <b>Recordatorio</b>: el bimestre Nov/Dic {Seed.Year} cierra el 31/12/{Seed.Year}. " +
            "Si ya realizó reuniones o gestiones, repórtelas con /reportar.")
        {
            MainKeyboard = true,
        };
        bot.Database.Write(db =>
        {
            var outbox = new OutboxStore(db);
            var now = DateTimeOffset.UtcNow;
            foreach (var id in ids)
            {
                outbox.Enqueue(id, reminder, now, $"bench-reminder:{id}");
            }
        });

        bot.StartHost();
        var patience = TimeSpan.FromSeconds(30 + (3.0 * coordinators / fakeOptions.GlobalMessagesPerSecond));
        var clock = Stopwatch.StartNew();
        List<ApiCall> sent;
        while ((sent = Sent(bot.Fake)).Count < coordinators)
        {
            if (clock.Elapsed > patience)
            {
                throw new TimeoutException($"Fan-out: {sent.Count} of {coordinators} reminders sent within {patience.TotalSeconds:0} s.");
            }

            await Task.Delay(100);
        }

        var first = sent.Min(c => c.At);
        var last = sent.Max(c => c.At);
        var steady = sent.Where(c => c.At >= first + TimeSpan.FromSeconds(1)).Select(c => c.At).Order().ToList();
        return new FanoutFigures(coordinators, sent.Count, last - first, bot.Fake.RateLimitedCount, fakeOptions.GlobalMessagesPerSecond)
        {
            SteadyPerSecond = steady.Count > 1 ? (steady.Count - 1) / (steady[^1] - steady[0]).TotalSeconds : double.NaN,
        };
    }

    private static List<ApiCall> Sent(FakeBotApi fake) => fake.Calls.Where(c => c.Method == "sendMessage" && c.StatusCode == 200).ToList();
}
