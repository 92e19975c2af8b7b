using System.Net;
using System.Net.Sockets;

namespace PoaBot.FakeTelegram;

/// <summary>
/// A load balancer on loopback for bots in webhook mode: each POST goes to the next target in turn (path, body and the
/// webhook's secret header kept); a dead target answers 502.
/// </summary>
public sealed class RoundRobin : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Task serving;
    private readonly IReadOnlyList<Uri> targets;
    private int next;

    public RoundRobin(IReadOnlyList<Uri> targets)
    {
        this.targets = targets;
        Forwarded = new int[targets.Count];
        Url = new Uri($"http://127.0.0.1:{FreePort()}/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>Requests forwarded to each target.</summary>
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
        var target = Interlocked.Increment(ref next) % targets.Count;
        Interlocked.Increment(ref Forwarded[target]);
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(targets[target], context.Request.Url!.PathAndQuery))
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
        }
        catch (HttpRequestException)
        {
            context.Response.StatusCode = 502;
        }

        context.Response.Close();
    }
}
