using System.Diagnostics;
using PoaBot.CommandLine;
using PoaBot.Core.Storage;
using PoaBot.FakeTelegram;

namespace PoaBot.Bench;

/// <summary>
/// One scenario's world: the fake Bot API server, a seeded database (see <see cref="BenchDatabase"/>), and the real host
/// (<c>poabot run</c>, through <see cref="Cli.RunAsync"/>) in this process, or several in webhook mode behind a
/// <see cref="RoundRobin"/> forwarder (see <see cref="Deployment"/>).
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

    private const string WebhookSecret = "SENTINEL_bench_webhook_secret";

    private readonly List<(CancellationTokenSource Stop, Task<int> Running)> hosts = [];
    private readonly BenchDatabase file;
    private readonly Deployment deployment;
    private RoundRobin? forwarder;

    private BenchBot(FakeBotApi fake, BenchDatabase file, Deployment deployment) => (Fake, this.file, this.deployment) = (fake, file, deployment);

    public FakeBotApi Fake { get; }

    /// <summary>The bench's own handle on the host's database.</summary>
    public Database Database => file.Database;

    /// <summary>The call that shows a host is connected: its first poll, or its setWebhook.</summary>
    public string ConnectedBy => deployment.Webhook > 0 ? "setWebhook" : "getUpdates";

    /// <summary>A fake server (delivering to a webhook over 40 connections at once, as Telegram does by default) and a database with this year's POA.</summary>
    public static async Task<BenchBot> CreateAsync(FakeBotApiOptions fakeOptions, Deployment deployment)
    {
        fakeOptions.WebhookConnections = 40;
        return new(await FakeBotApi.StartAsync(Token, fakeOptions), new BenchDatabase(deployment.Provider), deployment);
    }

    /// <summary>CPU time of the PostgreSQL server so far (null with SQLite); see <see cref="BenchDatabase.ServerCpuTime"/>.</summary>
    public TimeSpan? ServerCpuTime() => file.ServerCpuTime();

    /// <summary>Starts the hosts in the background; returns the instant just before the first <see cref="Cli.RunAsync"/> was called.</summary>
    public DateTimeOffset StartHost(IReadOnlyDictionary<string, string?>? extra = null)
    {
        if (deployment.Webhook > 0)
        {
            forwarder = new RoundRobin(Enumerable.Range(0, deployment.Instances).Select(_ => RoundRobin.FreePort()));
        }

        var startedAt = DateTimeOffset.UtcNow;
        for (var i = 0; i < deployment.Instances; i++)
        {
            var settings = new Dictionary<string, string?>(file.Settings(i))
            {
                ["Telegram:Token"] = Token,
                ["Telegram:ApiBaseUrl"] = Fake.BaseUrl.ToString(),
                ["Telegram:PollTimeout"] = "00:00:01",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            if (forwarder is not null)
            {
                settings["Urls"] = forwarder.Targets[i].GetLeftPart(UriPartial.Authority);
                settings["Telegram:WebhookUrl"] = new Uri(forwarder.Url, "telegram/webhook").ToString();
                settings["Telegram:WebhookSecret"] = WebhookSecret;
            }

            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            var stop = new CancellationTokenSource();
            var token = stop.Token;
            hosts.Add((stop, Task.Run(() => Cli.RunAsync(["run"], TextReader.Null, TextWriter.Null, Console.Error, settings, null, token), CancellationToken.None)));
        }

        return startedAt;
    }

    /// <summary>Waits until every host is connected (<see cref="ConnectedBy"/>) and returns when the last one's call arrived at the fake.</summary>
    public async Task<DateTimeOffset> ConnectedAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (hosts.FirstOrDefault(h => h.Running.IsCompleted) is { Running: { } stopped })
            {
                throw new InvalidOperationException($"A host stopped before connecting (exit code {await stopped}).");
            }

            if (Fake.Calls.Where(c => c.Method == ConnectedBy).Skip(deployment.Instances - 1).FirstOrDefault() is { } call)
            {
                return call.At;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"The hosts did not call {ConnectedBy} within 30 s.");
            }

            await Task.Delay(1);
        }
    }

    public long InboxDone() => Database.Read(db => db.Scalar<long>("SELECT count(*) FROM inbox WHERE status = 'done'"));

    public async Task StopHostAsync()
    {
        foreach (var (stop, _) in hosts)
        {
            await stop.CancelAsync();
        }

        foreach (var (stop, running) in hosts)
        {
            var exit = await running;
            if (exit != 0)
            {
                await Console.Error.WriteLineAsync($"warning: a host exited with code {exit}");
            }

            stop.Dispose();
        }

        hosts.Clear();
        if (forwarder is not null)
        {
            await forwarder.DisposeAsync();
            forwarder = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Fake.DisposeAsync();
        file.Dispose();
    }
}
