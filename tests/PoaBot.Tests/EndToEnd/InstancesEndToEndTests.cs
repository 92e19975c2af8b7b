using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PoaBot.Core.People;

namespace PoaBot.Tests.EndToEnd;

/// <summary>
/// Several bot processes on one PostgreSQL database in webhook mode, behind a round-robin load balancer: each stores
/// what it receives, chats are claimed one instance at a time, one instance sends; one is killed with SIGKILL mid-run.
/// </summary>
public sealed class InstancesEndToEndTests
{
    [Theory, OnPostgres]
    public async Task Two_instances_one_killed_mid_run_record_every_report_once_and_answer_each_chat_in_order(string provider)
    {
        await using var bot = await LiveBot.StartAsync(webhook: true, provider: provider);
        await bot.StopAsync();
        var coordinators = Enumerable.Range(0, 6).Select(i => (User: new LiveBot.User(bot, 9100 + i), Invite: bot.Invite(Roles.Coordinator, "Consejo Centro"))).ToList();
        await using var balancer = new RoundRobin();
        var ports = new[] { FreePort(), FreePort() };
        balancer.Targets.AddRange(ports.Select(p => new Uri($"http://127.0.0.1:{p}")));
        var processes = ports.Select(p => Start(bot, balancer, p)).ToList();
        try
        {
            await Task.WhenAll(coordinators.Select(c => c.User.SayAsync($"/start {c.Invite}", "Bienvenido")));
            await Task.WhenAll(coordinators.Select(async c =>
            {
                await c.User.SayAsync("/reportar", "¿Qué desea reportar?");
                await c.User.TapAsync("Reunión", "¿Cuántas personas asistieron?");
            }));

            // The first instance dies at once, whatever it was doing (storing, handling, sending): the other goes on alone.
            await CrashEndToEndTests.KillAsync(processes[0]);
            processes.RemoveAt(0);
            await Task.WhenAll(coordinators.Select(async c =>
            {
                await c.User.SayAsync("25", "acuerdos");
                await c.User.SayAsync($"Acuerdo de {c.User.Id}", "evidencia");
                await c.User.TapAsync("Omitir", "Revise su reporte");
                await c.User.TapAsync("Guardar", "Guardado con folio");
            }));

            var records = bot.Records();
            Assert.Equal(coordinators.Select(c => $"Acuerdo de {c.User.Id}").Order(), records.Select(r => r.Agreements).Order());
            Assert.Equal(records.Count, records.Select(r => r.Folio).Distinct().Count());
            string[] steps = ["Bienvenido", "¿Qué desea reportar?", "¿Cuántas personas asistieron?", "acuerdos", "evidencia", "Revise su reporte", "Guardado con folio"];
            Assert.All(coordinators, c =>
            {
                var texts = bot.Fake.MessagesTo(c.User.Id).Select(m => m.Text).ToList();
                var firsts = steps.Select(s => texts.FindIndex(t => t.Contains(s, StringComparison.Ordinal))).ToList();
                Assert.Equal(firsts.Order(), firsts);
            });
            Assert.True(balancer.Forwarded[0] > 0 && balancer.Forwarded[1] > 0, $"forwarded {balancer.Forwarded[0]} and {balancer.Forwarded[1]}");
        }
        finally
        {
            foreach (var process in processes)
            {
                await CrashEndToEndTests.KillAsync(process);
            }
        }
    }

    private static Process Start(LiveBot bot, RoundRobin balancer, int port) => CrashEndToEndTests.StartProcess(bot, new Dictionary<string, string>
    {
        ["Urls"] = $"http://127.0.0.1:{port}",
        ["Telegram__WebhookUrl"] = new Uri(balancer.Url, bot.WebhookUrl!.AbsolutePath).ToString(),
        ["Telegram__WebhookSecret"] = LiveBot.WebhookSecret,
    });

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>A load balancer on loopback: each request goes to the next target in turn; a dead target answers 502.</summary>
    private sealed class RoundRobin : IAsyncDisposable
    {
        private readonly HttpListener listener = new();
        private readonly HttpClient client = new() { Timeout = TimeSpan.FromSeconds(30) };
        private readonly Task serving;
        private int next;

        public RoundRobin()
        {
            Url = new Uri($"http://127.0.0.1:{FreePort()}/");
            listener.Prefixes.Add(Url.ToString());
            listener.Start();
            serving = Task.Run(ServeAsync);
        }

        public Uri Url { get; }

        public List<Uri> Targets { get; } = [];

        /// <summary>Requests forwarded to each target.</summary>
        public int[] Forwarded { get; } = new int[2];

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
            var target = Interlocked.Increment(ref next) % Targets.Count;
            Interlocked.Increment(ref Forwarded[target]);
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
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
            }
            catch (HttpRequestException)
            {
                context.Response.StatusCode = 502;
            }

            context.Response.Close();
        }
    }
}
