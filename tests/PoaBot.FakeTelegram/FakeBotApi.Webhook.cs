using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PoaBot.FakeTelegram;

// setWebhook, deleteWebhook, getWebhookInfo, and the delivery of queued updates to the webhook as Telegram does it:
// one POST per update with the secret header, the update confirmed only by a 2xx answer, retried otherwise.
public sealed partial class FakeBotApi
{
    private readonly List<WebhookDelivery> _deliveries = [];
    private Uri? _webhookUrl;
    private string? _webhookSecret;
    private (DateTimeOffset At, string Message)? _webhookLastError;
    private HttpClient? _webhookClient;
    private readonly HashSet<string> _inFlight = [];
    private Task? _delivering;

    /// <summary>The webhook the bot set (null: none, updates are served by getUpdates).</summary>
    public Uri? WebhookUrl
    {
        get
        {
            lock (_gate)
            {
                return _webhookUrl;
            }
        }
    }

    /// <summary>Every POST the server made to the webhook, in order, with the answer's status (0: no answer).</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Waits for a webhook delivery that matches <paramref name="match"/> (also one made before the call).</summary>
    public Task<WebhookDelivery> WaitForWebhookDeliveryAsync(Func<WebhookDelivery, bool> match, TimeSpan? timeout = null) =>
        WaitUntilAsync(
            () => _deliveries.FirstOrDefault(match),
            limit => $"No matching webhook delivery within {limit.TotalSeconds:0.##} s; deliveries: "
                + string.Join(", ", _deliveries.Select(d => $"{d.UpdateId}→{d.StatusCode}")),
            timeout);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretTokenShape();

    private JsonNode SetWebhook(ApiParameters p)
    {
        var url = p.GetString("url") ?? "";
        if (url.Length == 0)
        {
            return DeleteWebhook(p);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            // The real API also demands https on ports 443, 80, 88 or 8443; the fake lets tests use http on loopback.
            throw new BotApiException(400, "Bad Request: bad webhook: Failed to resolve host");
        }

        var secret = p.GetString("secret_token");
        if (secret is not null && !SecretTokenShape().IsMatch(secret))
        {
            throw new BotApiException(400, "Bad Request: secret token contains unallowed characters");
        }

        lock (_gate)
        {
            RememberAllowedUpdatesLocked(p);
            var drop = p.GetBool("drop_pending_updates");
            _lastDropPendingUpdates = drop;
            if (drop)
            {
                _queue.Clear();
                _redeliver.Clear();
            }

            _webhookUrl = uri;
            _webhookSecret = secret;
            _webhookLastError = null;
            _activePoll?.Woken.TrySetResult();
            _webhookClient ??= new HttpClient { Timeout = _options.WebhookTimeout };
            _delivering ??= Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.WebhookConnections)).Select(_ => Task.Run(DeliverToWebhookAsync)));
            SignalUpdatesLocked();
        }

        return true;
    }

    private JsonObject WebhookInfoLocked()
    {
        var info = new JsonObject
        {
            ["url"] = _webhookUrl?.OriginalString ?? "",
            ["has_custom_certificate"] = false,
            ["pending_update_count"] = _queue.Count,
        };
        if (_webhookUrl is not null)
        {
            info["max_connections"] = 40;
            if (_allowedUpdates is not null)
            {
                info["allowed_updates"] = new JsonArray([.. _allowedUpdates.Order(StringComparer.Ordinal).Select(t => JsonValue.Create(t))]);
            }
        }

        if (_webhookLastError is { } error)
        {
            info["last_error_date"] = error.At.ToUnixTimeSeconds();
            info["last_error_message"] = error.Message;
        }

        return info;
    }

    /// <summary>
    /// The next update for the webhook whose chat has none in flight: a redelivery first, then the oldest queued; updates
    /// of a kind not allowed are dropped.
    /// </summary>
    private StoredUpdate? NextForWebhookLocked()
    {
        _redeliver.RemoveAll(u => !IsAllowedLocked(u.Type));
        _queue.RemoveAll(u => !IsAllowedLocked(u.Type));
        var next = _redeliver.Concat(_queue).FirstOrDefault(u => !_inFlight.Contains(u.Queue));
        if (next is not null)
        {
            _inFlight.Add(next.Queue);
        }

        return next;
    }

    private async Task DeliverToWebhookAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            Uri? url;
            string? secret;
            StoredUpdate? update;
            Task signal;
            HttpClient client;
            lock (_gate)
            {
                url = _webhookUrl;
                secret = _webhookSecret;
                update = url is null ? null : NextForWebhookLocked();
                signal = _updatesSignal.Task;
                client = _webhookClient!;
            }

            if (url is null || update is null)
            {
                await WaitAnyAsync(signal, null, TimeSpan.FromDays(1), stopping);
                continue;
            }

            var at = _time.GetUtcNow();
            var (status, error) = await PostAsync(client, url, secret, update.Json, stopping);
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            lock (_gate)
            {
                _deliveries.Add(new WebhookDelivery(update.Id, status, at) { Error = error });
                if (error is null)
                {
                    // Confirmed: gone from the queue (or the redelivery done).
                    if (!_redeliver.Remove(update))
                    {
                        _queue.Remove(update);
                    }
                }
                else
                {
                    _webhookLastError = (at, error);
                }

                SignalChangedLocked();
            }

            if (error is not null)
            {
                try
                {
                    await Task.Delay(_options.WebhookRetryDelay, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            // The chat's next update may go now (a failed one again, after the wait).
            lock (_gate)
            {
                _inFlight.Remove(update.Queue);
                SignalUpdatesLocked();
            }
        }
    }

    /// <summary>One POST; the status code (0 when no answer came) and, unless 2xx, the error as getWebhookInfo reports it.</summary>
    private static async Task<(int Status, string? Error)> PostAsync(HttpClient client, Uri url, string? secret, string json, CancellationToken stopping)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        try
        {
            using var response = await client.SendAsync(request, stopping);
            var status = (int)response.StatusCode;
            return (status, status is >= 200 and < 300 ? null : $"Wrong response from the webhook: {status} {response.ReasonPhrase}");
        }
        catch (HttpRequestException ex)
        {
            return (0, "Connection failed: " + ex.Message);
        }
        catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
        {
            return (0, "Read timeout expired");
        }
        catch (OperationCanceledException)
        {
            return (0, "Stopping");
        }
    }
}

/// <summary>One POST of an update to the webhook and the status answered (0 when no answer came: refused, timed out).</summary>
public sealed record WebhookDelivery(long UpdateId, int StatusCode, DateTimeOffset At)
{
    public string? Error { get; init; }
}
