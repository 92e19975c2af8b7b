using System.Diagnostics;
using PoaBot.Core.People;
using PoaBot.FakeTelegram;

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
        await using var balancer = new RoundRobin([RoundRobin.FreePort(), RoundRobin.FreePort()]);
        var processes = Enumerable.Range(0, 2).Select(i => Start(bot, balancer, i)).ToList();
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

    private static Process Start(LiveBot bot, RoundRobin balancer, int instance) => CrashEndToEndTests.StartProcess(bot, new Dictionary<string, string>
    {
        ["Urls"] = balancer.Targets[instance].GetLeftPart(UriPartial.Authority),
        ["Telegram__WebhookUrl"] = new Uri(balancer.Url, bot.WebhookUrl!.AbsolutePath).ToString(),
        ["Telegram__WebhookSecret"] = LiveBot.WebhookSecret,
    });
}
