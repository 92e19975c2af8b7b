using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PoaBot.CommandLine;
using PoaBot.Core.Import;
using PoaBot.Core.People;
using PoaBot.Core.Samples;
using PoaBot.Core.Storage;
using PoaBot.FakeTelegram;

namespace PoaBot.Tests.EndToEnd;

/// <summary>
/// The real host (<c>poabot run</c>) with the real Telegram.Bot client against the fake Bot API server on loopback.
/// The database holds this year's POA (the seed, re-dated) and three councils.
/// </summary>
public sealed class LiveBot : IAsyncDisposable
{
    public const string Token = "7000001:SENTINEL_tok3n_must_never_be_logged";

    /// <summary>
    /// How long a test waits for something that must happen. Generous so that a loaded machine (CI, a build beside it, a
    /// child process starting) never fails a test; a passing wait ends as soon as the thing happens.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public const string WebhookSecret = "SENTINEL_webhook_secret_0123456789";

    private readonly TestDatabase test;
    private CancellationTokenSource? stop;
    private Task<int>? running;

    private LiveBot(FakeBotApi fake, bool webhook, string provider)
    {
        test = new TestDatabase(provider);
        Fake = fake;
        if (webhook)
        {
            // A free loopback port for the bot's listener; the fake posts the updates there.
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            WebhookUrl = new Uri($"http://127.0.0.1:{port}/telegram/webhook");
        }
    }

    public FakeBotApi Fake { get; }

    /// <summary>Where the bot receives updates in webhook mode; null in polling mode.</summary>
    public Uri? WebhookUrl { get; }

    /// <summary>The call that shows the bot is connected: the first poll, or setting the webhook.</summary>
    private string ConnectedBy => WebhookUrl is null ? "getUpdates" : "setWebhook";

    /// <summary>The directorate's real POA (the seed), re-dated to this year so that "today" falls in it.</summary>
    public static byte[] SeedThisYear => Encoding.UTF8.GetBytes(
        Encoding.UTF8.GetString(SampleData.PoaBytes()).Replace("2024", DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    public Database Database => test.Database;

    public string DatabasePath => test.Path;

    /// <summary>The Storage settings of the bot's database (SQLite or PostgreSQL), for another process.</summary>
    public IReadOnlyDictionary<string, string?> StorageSettings => test.Settings;

    /// <summary>Everything the host logged, at every level.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    public static async Task<LiveBot> StartAsync(
        FakeBotApiOptions? options = null,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        Action<LiveBot>? beforeStart = null,
        bool importPoa = true,
        bool webhook = false,
        string provider = TestDatabase.Sqlite)
    {
        var bot = new LiveBot(await FakeBotApi.StartAsync(Token, options), webhook, provider);
        if (importPoa)
        {
            PoaImporter.Import(bot.Database, PoaDocumentParser.Parse(SeedThisYear), "prueba", "poa.txt", DateTimeOffset.UtcNow);
        }

        bot.Database.Write(db =>
        {
            var people = new PeopleStore(db);
            people.AddCouncil("Consejo Centro", "Cabecera");
            people.AddCouncil("Consejo San Juan", "San Juan");
        });
        beforeStart?.Invoke(bot);
        bot.Start(settings, services);
        await bot.Fake.WaitForCallsAsync(bot.ConnectedBy, 1, Patience);
        return bot;
    }

    public void Start(Dictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        stop = new CancellationTokenSource();
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = Token,
            ["Telegram:ApiBaseUrl"] = Fake.BaseUrl.ToString(),
            ["Telegram:PollTimeout"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Trace",
        };
        if (WebhookUrl is not null)
        {
            settings["Urls"] = WebhookUrl.GetLeftPart(UriPartial.Authority);
            settings["Telegram:WebhookUrl"] = WebhookUrl.ToString();
            settings["Telegram:WebhookSecret"] = WebhookSecret;
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        running = new CliRunnerWithHost(test.Settings).RunAsync(["run"], settings, collection =>
        {
            collection.AddLogging(l => l.AddProvider(new CapturingLoggerProvider(Logs)));
            services?.Invoke(collection);
        }, stop.Token);
    }

    public async Task StopAsync()
    {
        if (stop is null || running is null)
        {
            return;
        }

        await stop.CancelAsync();
        try
        {
            // Bounded: a host that cannot stop fails the test instead of hanging the whole run.
            await running.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The host did not stop within 90 s of its cancellation.");
        }

        stop.Dispose();
        stop = null;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        var calls = Fake.Calls.Count(c => c.Method == ConnectedBy);
        Start();
        await Fake.WaitForCallsAsync(ConnectedBy, calls + 1, Patience);
    }

    /// <summary>Waits until <paramref name="condition"/> holds (it is asked again every 50 ms); fails, naming <paramref name="what"/>, after <see cref="Patience"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, $"Not within {Patience.TotalSeconds} s: {what}.");
            await Task.Delay(50);
        }
    }

    public string Invite(string role, params string[] councils) =>
        Database.Write(db =>
        {
            var people = new PeopleStore(db);
            return people.CreateInvite(role, councils.Select(c => people.Council(c)!.Id).ToList(), DateTimeOffset.UtcNow, TimeSpan.FromDays(7));
        });

    /// <summary>Registers a user through /start with an invite and waits for the welcome.</summary>
    public async Task<User> RegisterAsync(long userId, string role = Roles.Coordinator, params string[] councils)
    {
        var user = new User(this, userId);
        await user.SayAsync($"/start {Invite(role, councils.Length == 0 && role == Roles.Coordinator ? ["Consejo Centro"] : councils)}", "Bienvenido");
        return user;
    }

    public IReadOnlyList<RecordRow> Records() =>
        Database.Read(db => db.Query<RecordRow>("SELECT * FROM record WHERE kind <> 'baseline' ORDER BY id").ToList());

    /// <summary>A record's evidence files, in order.</summary>
    public IReadOnlyList<EvidenceFile> Evidence(long recordId) => Database.Read(db => new EvidenceStore(db).ForRecord(recordId));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Fake.DisposeAsync();
        test.Dispose();
    }

    /// <summary>A person on a phone: sends, taps, and waits for the bot's answer.</summary>
    public sealed class User(LiveBot bot, long id)
    {
        public long Id => id;

        public SentMessage? Last { get; private set; }

        public async Task<SentMessage> SayAsync(string text, string expect)
        {
            var mark = bot.Fake.MessageCount;
            bot.Fake.SendText(id, text);
            return Last = await bot.Fake.WaitForMessageSinceAsync(mark, id, m => m.Text.Contains(expect, StringComparison.Ordinal), Patience);
        }

        public async Task<SentMessage> TapAsync(string label, string expect)
        {
            var mark = bot.Fake.MessageCount;
            Tap(label);
            return Last = await bot.Fake.WaitForMessageSinceAsync(mark, id, m => m.Text.Contains(expect, StringComparison.Ordinal), Patience);
        }

        /// <summary>Presses the button labelled <paramref name="label"/> of the last message with buttons, without waiting for the answer.</summary>
        public void Tap(string label)
        {
            var message = bot.Fake.MessagesTo(id).Last(m => m.InlineKeyboard.Count > 0);
            var button = message.InlineKeyboard.SelectMany(r => r).First(b => b.Text.Contains(label, StringComparison.Ordinal));
            bot.Fake.PressButton(id, message.MessageId, button.CallbackData);
        }

        public async Task<SentMessage> SendPhotoAsync(byte[] content, string expect)
        {
            var mark = bot.Fake.MessageCount;
            bot.Fake.SendPhoto(id, content);
            return Last = await bot.Fake.WaitForMessageSinceAsync(mark, id, m => m.Text.Contains(expect, StringComparison.Ordinal), Patience);
        }
    }

    private sealed class CliRunnerWithHost(Dictionary<string, string?> storage)
    {
        public async Task<int> RunAsync(string[] args, Dictionary<string, string?> settings, Action<IServiceCollection> services, CancellationToken cancellationToken)
        {
            foreach (var (key, value) in storage)
            {
                settings[key] = value;
            }

            await Task.Yield();
            return await Cli.RunAsync(args, TextReader.Null, TextWriter.Null, TextWriter.Null, settings, services, cancellationToken);
        }
    }
}

/// <summary>Keeps every log line, with exception text, to prove what never appears in it.</summary>
public sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
