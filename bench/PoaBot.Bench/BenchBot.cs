using System.Diagnostics;
using PoaBot.CommandLine;
using PoaBot.Core.Storage;
using PoaBot.FakeTelegram;

namespace PoaBot.Bench;

/// <summary>
/// One scenario's world: the fake Bot API server, a temporary folder with a seeded SQLite file, and the real host
/// (<c>poabot run</c>, through <see cref="Cli.RunAsync"/>) in this process.
/// </summary>
internal sealed class BenchBot : IAsyncDisposable
{
    /// <summary>A sentinel token: the fake accepts it, nothing real is behind it.</summary>
    public const string Token = "7000001:SENTINEL_bench_tok3n";

    /// <summary>The bot's own pacing lifted, for throughput scenarios against a fake that enforces no limits.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Unpaced = new Dictionary<string, string?>
    {
        ["Telegram:MessagesPerSecond"] = "100000",
        ["Telegram:ChatMessagesPerSecond"] = "100000",
        ["Telegram:ChatBurst"] = "100",
    };

    private CancellationTokenSource? stop;
    private Task<int>? running;

    private readonly BenchDatabase file;

    private BenchBot(FakeBotApi fake, BenchDatabase file) => (Fake, this.file) = (fake, file);

    public FakeBotApi Fake { get; }

    /// <summary>The bench's own handle on the host's database file.</summary>
    public Database Database => file.Database;

    /// <summary>A fake server and a database with this year's POA.</summary>
    public static async Task<BenchBot> CreateAsync(FakeBotApiOptions fakeOptions) =>
        new(await FakeBotApi.StartAsync(Token, fakeOptions), new BenchDatabase());

    /// <summary>Starts the host in the background; returns the instant just before <see cref="Cli.RunAsync"/> was called.</summary>
    public DateTimeOffset StartHost(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = Token,
            ["Telegram:ApiBaseUrl"] = Fake.BaseUrl.ToString(),
            ["Telegram:PollTimeout"] = "00:00:01",
            ["Storage:Path"] = file.Path,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        stop = new CancellationTokenSource();
        var token = stop.Token;
        var startedAt = DateTimeOffset.UtcNow;
        running = Task.Run(() => Cli.RunAsync(["run"], TextReader.Null, TextWriter.Null, Console.Error, settings, null, token), CancellationToken.None);
        return startedAt;
    }

    /// <summary>Waits until the host's first getUpdates was answered and returns when it arrived at the fake.</summary>
    public async Task<DateTimeOffset> FirstPollAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (running is { IsCompleted: true })
            {
                throw new InvalidOperationException($"The host stopped before polling (exit code {await running}).");
            }

            if (Fake.Calls.FirstOrDefault(c => c.Method == "getUpdates") is { } call)
            {
                return call.At;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The host did not call getUpdates within 30 s.");
            }

            await Task.Delay(1);
        }
    }

    public long InboxDone() => Database.Read(db => db.Scalar<long>("SELECT count(*) FROM inbox WHERE status = 'done'"));

    public async Task StopHostAsync()
    {
        if (stop is null || running is null)
        {
            return;
        }

        await stop.CancelAsync();
        var exit = await running;
        if (exit != 0)
        {
            await Console.Error.WriteLineAsync($"warning: the host exited with code {exit}");
        }

        stop.Dispose();
        stop = null;
        running = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Fake.DisposeAsync();
        file.Dispose();
    }
}
