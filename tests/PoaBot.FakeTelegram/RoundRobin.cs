using System.Net;
using System.Net.Sockets;

namespace PoaBot.FakeTelegram;

/// <summary>
/// A load balancer on loopback for bots in webhook mode: each POST goes to the next target in turn (path, body and the
/// webhook's secret header kept); a target that refuses the connection (not started yet, or dead) is passed over for the
/// next, as nginx does; a request lost on the way is answered 502.
/// </summary>
public sealed class RoundRobin : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Task serving;
    private int next;

    /// <summary>Forwards to 127.0.0.1 at <paramref name="ports"/>.</summary>
    public RoundRobin(IEnumerable<int> ports)
    {
        Targets = [.. ports.Select(p => new Uri($"http://127.0.0.1:{p}"))];
        Forwarded = new int[Targets.Count];
        Url = new Uri($"http://127.0.0.1:{FreePort()}/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<Uri> Targets { get; }

    /// <summary>Requests answered by each target.</summary>
    public int[] Forwarded { get; }

    /// <summary>A loopback port free now.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await serving.ContinueWith(_ => { }, TaskScheduler.Default);
        client.Dispose();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            var context = await listener.GetContextAsync();
            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var first = Interlocked.Increment(ref next);
        context.Response.StatusCode = 502;
        for (var i = 0; i < Targets.Count; i++)
        {
            var target = (first + i) % Targets.Count;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Targets[target], context.Request.Url!.PathAndQuery))
            {
                Content = new ByteArrayContent(body.ToArray()),
            };
            request.Content.Headers.ContentType = new("application/json");
            if (context.Request.Headers["X-Telegram-Bot-Api-Secret-Token"] is { } secret)
            {
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            }

            try
            {
                using var response = await client.SendAsync(request);
                context.Response.StatusCode = (int)response.StatusCode;
                Interlocked.Increment(ref Forwarded[target]);
                break;
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConnectionError)
            {
                // Nothing was sent: the next target gets it.
            }
            catch (HttpRequestException)
            {
                // Sent, and the answer lost: Telegram sends it again.
                break;
            }
        }

        context.Response.Close();
    }
}
