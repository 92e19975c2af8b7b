using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PoaBot.FakeTelegram;

/// <summary>
/// An in-process fake of the Telegram Bot API (https://core.telegram.org/bots/api) served by Kestrel on
/// 127.0.0.1 with a random port. Tests play the user (SendText, PressButton, ...) and inspect what the
/// bot did (Messages, Calls). All state is guarded by one lock; every public member is thread safe.
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    private const long MaxUploadBytes = 64L * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly FakeBotApiOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, (string Name, Func<ApiParameters, CancellationToken, Task<JsonNode>> Handler)> _methods;
    private readonly List<SentMessage> _messages = [];
    private readonly List<ApiCall> _calls = [];
    private readonly List<string> _requestLog = [];
    private readonly Dictionary<string, Queue<(int StatusCode, int RetryAfter)>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private TaskCompletionSource _changed = NewSignal();
    private WebApplication? _app;
    private int _rateLimitedCount;
    private bool _disposed;

    private FakeBotApi(string token, FakeBotApiOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Token = token;
        _options = options;
        _time = options.TimeProvider;
        _nextUpdateId = options.FirstUpdateId ?? Random.Shared.Next(100_000, 900_000);
        _globalBucket = new TokenBucket(options.GlobalMessagesPerSecond, options.GlobalMessagesPerSecond, _time.GetUtcNow());
        _methods = CreateMethodTable();
    }

    /// <summary>Root of the server, e.g. http://127.0.0.1:41234/ (pass it as TelegramBotClientOptions baseUrl).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string Token { get; }

    public FakeBotApiOptions Options => _options;

    /// <summary>Snapshot, in order, of messages the bot sent successfully plus the edits it applied.</summary>
    public IReadOnlyList<SentMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>How many entries <see cref="Messages"/> has now; pass it to <see cref="WaitForMessageSinceAsync"/>.</summary>
    public int MessageCount
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>Completes at the next request answered (messages are recorded before): to wait for news without polling.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Snapshot of every API request answered, in completion order (At is the arrival time).</summary>
    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>How many 429 responses the server answered (rate limiter and FailNext).</summary>
    public int RateLimitedCount
    {
        get
        {
            lock (_gate)
            {
                return _rateLimitedCount;
            }
        }
    }

    /// <summary>Raw request paths (with query string), in arrival order.</summary>
    public IReadOnlyList<string> RequestLog
    {
        get
        {
            lock (_gate)
            {
                return [.. _requestLog];
            }
        }
    }

    public static async Task<FakeBotApi> StartAsync(string token, FakeBotApiOptions? options = null)
    {
        var api = new FakeBotApi(token, options ?? new FakeBotApiOptions());
        try
        {
            await api.StartServerAsync();
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }

        return api;
    }

    /// <summary>Messages the bot sent (or edited) in one chat.</summary>
    public IReadOnlyList<SentMessage> MessagesTo(long chatId)
    {
        lock (_gate)
        {
            return [.. _messages.Where(m => m.ChatId == chatId)];
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with <paramref name="statusCode"/>.</summary>
    public void FailNext(string method, int times, int statusCode = 429, int retryAfterSeconds = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        lock (_gate)
        {
            if (!_failures.TryGetValue(method, out var queue))
            {
                queue = new Queue<(int, int)>();
                _failures[method] = queue;
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue((statusCode, Math.Max(1, retryAfterSeconds)));
            }
        }
    }

    public Task<SentMessage> WaitForMessageAsync(long chatId, Func<SentMessage, bool>? match = null, TimeSpan? timeout = null) =>
        WaitForMessageSinceAsync(0, chatId, match, timeout);

    /// <summary>
    /// Like <see cref="WaitForMessageAsync"/> but only considers entries of <see cref="Messages"/> from index
    /// <paramref name="messageIndex"/> on (take <see cref="MessageCount"/> before acting as the user).
    /// </summary>
    public Task<SentMessage> WaitForMessageSinceAsync(int messageIndex, long chatId, Func<SentMessage, bool>? match = null, TimeSpan? timeout = null) =>
        WaitUntilAsync(
            () => _messages.Skip(Math.Max(0, messageIndex)).FirstOrDefault(m => m.ChatId == chatId && (match is null || match(m))),
            limit => DescribeChat(chatId, limit),
            timeout);

    /// <summary>Waits until at least <paramref name="count"/> calls of <paramref name="method"/> were answered (any status).</summary>
    public Task WaitForCallsAsync(string method, int count, TimeSpan? timeout = null)
    {
        int Seen() => _calls.Count(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase));
        return WaitUntilAsync(
            () => Seen() >= count ? this : null,
            limit => $"Expected {count} call(s) of {method} within {limit.TotalSeconds:0.##} s but saw {Seen()}.",
            timeout);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await _stopping.CancelAsync();
        Task? delivering;
        lock (_gate)
        {
            delivering = _delivering;
        }

        if (delivering is not null)
        {
            await delivering;
        }

        _webhookClient?.Dispose();
        if (_app is not null)
        {
            try
            {
                await _app.StopAsync(CancellationToken.None);
            }
            finally
            {
                await _app.DisposeAsync();
            }
        }

        _stopping.Dispose();
    }

    /// <summary>
    /// Waits until <paramref name="probe"/> (run under the lock, again at every change) finds something; past the timeout
    /// (default 10 s) throws a <see cref="TimeoutException"/> with <paramref name="describe"/>'s text (also run under the lock).
    /// </summary>
    private async Task<T> WaitUntilAsync<T>(Func<T?> probe, Func<TimeSpan, string> describe, TimeSpan? timeout)
        where T : class
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (probe() is { } found)
                {
                    return found;
                }

                if (clock.Elapsed >= limit)
                {
                    throw new TimeoutException(describe(limit));
                }

                signal = _changed.Task;
            }

            await WaitAnyAsync(signal, null, limit - clock.Elapsed, _stopping.Token);
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when any of the tasks completes, the timeout elapses or the token fires. Never throws.</summary>
    private static async Task WaitAnyAsync(Task first, Task? second, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : timeout, cts.Token);
        if (second is null)
        {
            await Task.WhenAny(first, delay);
        }
        else
        {
            await Task.WhenAny(first, second, delay);
        }

        await cts.CancelAsync();
    }

    private async Task StartServerAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = MaxUploadBytes;
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = MaxUploadBytes);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));

        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(CancellationToken.None);

        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        var address = addresses?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel did not report its address.");
        BaseUrl = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        var arrivedAt = _time.GetUtcNow();
        lock (_gate)
        {
            _requestLog.Add(path + request.QueryString.Value);
        }

        if (path.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            await ServeFileAsync(context, path["/file/bot".Length..], arrivedAt);
            return;
        }

        var method = "";
        long? chatId = null;
        int status;
        JsonObject body;
        try
        {
            if (!path.StartsWith("/bot", StringComparison.Ordinal))
            {
                throw new BotApiException(404, "Not Found");
            }

            var rest = path["/bot".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var token = slash < 0 ? rest : rest[..slash];
            method = slash < 0 ? "" : rest[(slash + 1)..];
            if (!string.Equals(token, Token, StringComparison.Ordinal))
            {
                throw new BotApiException(401, "Unauthorized");
            }

            if (!_methods.TryGetValue(method, out var entry))
            {
                throw new BotApiException(404, "Not Found");
            }

            method = entry.Name;
            var parameters = await ApiParameters.ReadAsync(request, context.RequestAborted);
            chatId = TryGetChatId(parameters);
            ThrowIfFailureInjected(method);

            using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            var result = await entry.Handler(parameters, cts.Token);
            if (context.RequestAborted.IsCancellationRequested)
            {
                Record(new ApiCall(method, arrivedAt, 499, chatId) { Error = "client closed the request" });
                return;
            }

            status = 200;
            body = new JsonObject { ["ok"] = true, ["result"] = result };
        }
        catch (BotApiException error)
        {
            status = error.ErrorCode;
            body = ErrorBody(error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Record(new ApiCall(method, arrivedAt, 499, chatId) { Error = "client closed the request" });
            return;
        }
        catch (BadHttpRequestException error)
        {
            status = error.StatusCode;
            body = ErrorBody(new BotApiException(error.StatusCode, error.StatusCode == 413 ? "Request Entity Too Large" : "Bad Request: " + error.Message));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            status = 500;
            body = ErrorBody(new BotApiException(500, "Internal Server Error: fake server bug: " + error));
        }

        Record(new ApiCall(method, arrivedAt, status, chatId)
        {
            Error = status == 200 ? null : body["description"]?.GetValue<string>(),
        });

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        try
        {
            await context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away; nothing to answer.
        }
    }

    private static JsonObject ErrorBody(BotApiException error)
    {
        var body = new JsonObject
        {
            ["ok"] = false,
            ["error_code"] = error.ErrorCode,
            ["description"] = error.Message,
        };
        if (error.RetryAfter is { } retryAfter)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
        }

        return body;
    }

    private static long? TryGetChatId(ApiParameters parameters)
    {
        try
        {
            return parameters.GetLong("chat_id");
        }
        catch (BotApiException)
        {
            return null;
        }
    }

    private void ThrowIfFailureInjected(string method)
    {
        (int StatusCode, int RetryAfter) failure;
        lock (_gate)
        {
            if (!_failures.TryGetValue(method, out var queue) || !queue.TryDequeue(out failure))
            {
                return;
            }

            if (failure.StatusCode == 429)
            {
                _rateLimitedCount++;
            }
        }

        throw failure.StatusCode switch
        {
            429 => TooManyRequests(failure.RetryAfter),
            400 => new BotApiException(400, "Bad Request"),
            401 => new BotApiException(401, "Unauthorized"),
            403 => new BotApiException(403, "Forbidden"),
            409 => new BotApiException(409, "Conflict"),
            500 => new BotApiException(500, "Internal Server Error"),
            _ => new BotApiException(failure.StatusCode, ReasonPhrases.GetReasonPhrase(failure.StatusCode) is { Length: > 0 } phrase ? phrase : "Error"),
        };
    }

    private static BotApiException TooManyRequests(int retryAfter) =>
        new(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);

    private async Task ServeFileAsync(HttpContext context, string rest, DateTimeOffset arrivedAt)
    {
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var token = slash < 0 ? rest : rest[..slash];
        var filePath = slash < 0 ? "" : Uri.UnescapeDataString(rest[(slash + 1)..]);
        StoredFile? file = null;
        int status;
        lock (_gate)
        {
            if (!string.Equals(token, Token, StringComparison.Ordinal))
            {
                status = 401;
            }
            else
            {
                file = _files.Values.FirstOrDefault(f => f.FilePath == filePath && f.Content is not null);
                status = file is null ? 404 : 200;
            }
        }

        Record(new ApiCall("file", arrivedAt, status, null));
        Task stall;
        lock (_gate)
        {
            stall = _downloadStall?.Task ?? Task.CompletedTask;
        }

        // A stalled download: the request hangs, headers unsent, until released or the client gives up.
        await stall.WaitAsync(context.RequestAborted);
        context.Response.StatusCode = status;
        if (file?.Content is { } content)
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = content.Length;
            await context.Response.Body.WriteAsync(content, context.RequestAborted);
        }
        else
        {
            context.Response.ContentType = "application/json";
            var error = status == 401 ? new BotApiException(401, "Unauthorized") : new BotApiException(404, "Not Found");
            await context.Response.WriteAsync(ErrorBody(error).ToJsonString(), context.RequestAborted);
        }
    }

    private void Record(ApiCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
            SignalChangedLocked();
        }
    }

    private void SignalChangedLocked()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private string DescribeChat(long chatId, TimeSpan limit)
    {
        var text = new StringBuilder();
        text.Append("No matching message to chat ").Append(chatId).Append(" within ")
            .Append(limit.TotalSeconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)).Append(" s.");
        lock (_gate)
        {
            var messages = _messages.Where(m => m.ChatId == chatId).ToList();
            text.Append(" Messages to that chat (").Append(messages.Count).Append("):");
            foreach (var message in messages)
            {
                text.AppendLine().Append("  #").Append(message.MessageId).Append(' ').Append(message.Method).Append(": ")
                    .Append(message.Text.Length > 300 ? message.Text[..300] + "…" : message.Text);
                if (message.InlineKeyboard.Count > 0)
                {
                    text.Append(" [buttons: ")
                        .Append(string.Join(" | ", message.InlineKeyboard.SelectMany(r => r).Select(b => $"{b.Text}={b.CallbackData}")))
                        .Append(']');
                }
            }

            var failures = _calls.Where(c => c.ChatId == chatId && c.StatusCode != 200).ToList();
            if (failures.Count > 0)
            {
                text.AppendLine().Append("Failed calls for that chat:");
                foreach (var call in failures)
                {
                    text.AppendLine().Append("  ").Append(call.Method).Append(' ').Append(call.StatusCode).Append(": ").Append(call.Error);
                }
            }
        }

        return text.ToString();
    }
}
