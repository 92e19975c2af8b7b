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
    /// <summary>
    /// The first instance starts alone, so that it leads the sender and the scheduler; the others join, and it is killed
    /// while a quarter of the coordinators are through their first answer and the rest are in the middle of theirs.
    /// </summary>
    [Theory, OnPostgres(2), OnPostgres(3)]
    public async Task Instances_one_killed_mid_run_record_every_report_once_and_answer_each_chat_in_order(int instances, string provider)
    {
        // Telegram's several connections (a chat's updates in order, the chats at once), and a pace the test need not wait for.
        var fast = new FakeBotApiOptions { WebhookConnections = 40, GlobalMessagesPerSecond = 200 };
        await using var bot = await LiveBot.StartAsync(fast, webhook: true, provider: provider);
        await bot.StopAsync();
        var coordinators = Enumerable.Range(0, 50).Select(i => (User: new LiveBot.User(bot, 9100 + i), Invite: bot.Invite(Roles.Coordinator, "Consejo Centro"))).ToList();
        await using var balancer = new RoundRobin(Enumerable.Range(0, instances).Select(_ => RoundRobin.FreePort()));
        var processes = new List<Process> { Start(bot, balancer, 0) };
        try
        {
            await LiveBot.WaitUntilAsync(() => RolesLed(bot) == 2, "the first instance leads the sender and the scheduler");
            processes.AddRange(Enumerable.Range(1, instances - 1).Select(i => Start(bot, balancer, i)));
            await Task.WhenAll(coordinators.Select(c => c.User.SayAsync($"/start {c.Invite}", "Bienvenido")));
            await Task.WhenAll(coordinators.Select(async c =>
            {
                await c.User.SayAsync("/reportar", "¿Qué desea reportar?");
                await c.User.TapAsync("Reunión", "¿Cuántas personas asistieron?");
            }));

            // The leader dies at once, whatever it was doing (storing, handling, sending): the others go on, one takes over.
            var answered = 0;
            var quarter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var rest = Task.WhenAll(coordinators.Select(async c =>
            {
                await c.User.SayAsync("25", "acuerdos");
                if (Interlocked.Increment(ref answered) == coordinators.Count / 4)
                {
                    quarter.SetResult();
                }

                await c.User.SayAsync($"Acuerdo de {c.User.Id}", "evidencia");
                await c.User.TapAsync("Omitir", "Revise su reporte");
                await c.User.TapAsync("Guardar", "Guardado con folio");
            }));
            await quarter.Task.WaitAsync(LiveBot.Patience);
            await CrashEndToEndTests.KillAsync(processes[0]);
            processes.RemoveAt(0);
            await rest;

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
            Assert.All(balancer.Forwarded, n => Assert.True(n > 0, $"forwarded {string.Join(", ", balancer.Forwarded)}"));
        }
        finally
        {
            foreach (var process in processes)
            {
                await CrashEndToEndTests.KillAsync(process);
            }
        }
    }

    /// <summary>
    /// Telegram queues a person's button presses apart from their messages, so a tap and a text sent together can reach two
    /// instances at once. Here thirty people, one after another, at «¿Cuántas personas asistieron?», tap «Cancelar» and type
    /// «25» together (the balancer hands the two to the two instances in turn). Handled one after the other, either the report
    /// is cancelled (and «25» gets a greeting) or «25» is taken (and the old question's button is stale); handled side by
    /// side from the same state, a chat gets both «cancelé» and the next question. The per-chat claim
    /// (<c>SqlDialect.ClaimChat</c>) is what keeps them apart.
    /// </summary>
    [Theory, OnPostgres]
    public async Task A_tap_and_a_text_of_one_person_reaching_two_instances_at_once_are_handled_one_after_the_other(string provider)
    {
        await using var bot = await LiveBot.StartAsync(new FakeBotApiOptions { WebhookConnections = 40 }, webhook: true, provider: provider);
        await bot.StopAsync();
        var people = Enumerable.Range(0, 30).Select(i => (User: new LiveBot.User(bot, 9200 + i), Invite: bot.Invite(Roles.Coordinator, "Consejo Centro"))).ToList();
        await using var balancer = new RoundRobin([RoundRobin.FreePort(), RoundRobin.FreePort()]);
        var processes = Enumerable.Range(0, 2).Select(i => Start(bot, balancer, i)).ToList();
        try
        {
            await Task.WhenAll(people.Select(async p =>
            {
                await p.User.SayAsync($"/start {p.Invite}", "Bienvenido");
                await p.User.SayAsync("/reportar", "¿Qué desea reportar?");
                await p.User.TapAsync("Reunión", "¿Cuántas personas asistieron?");
            }));
            var mark = bot.Fake.MessageCount;
            foreach (var (user, _) in people)
            {
                user.Tap("Cancelar");
                bot.Fake.SendText(user.Id, "25");
                await LiveBot.WaitUntilAsync(() => Settled(bot), "every update handled and every answer sent");
            }

            var both = people.Select(p => p.User.Id).Where(id =>
            {
                var texts = bot.Fake.Messages.Skip(mark).Where(m => m.ChatId == id).Select(m => m.Text).ToList();
                return texts.Any(t => t.Contains("cancelé el reporte", StringComparison.Ordinal)) && texts.Any(t => t.Contains("acuerdos", StringComparison.Ordinal));
            }).ToList();
            Assert.True(both.Count == 0, "Cancelled and asked the next question at once, in the chats of " + string.Join(", ", both));
            Assert.All(balancer.Forwarded, n => Assert.True(n > 0, $"forwarded {string.Join(", ", balancer.Forwarded)}"));
        }
        finally
        {
            foreach (var process in processes)
            {
                await CrashEndToEndTests.KillAsync(process);
            }
        }
    }

    /// <summary>
    /// In polling mode Telegram serves one getUpdates at a time (two pollers get 409 Conflict): a second instance on the
    /// same PostgreSQL database says it stands by, never polls beside the first, and takes over when the first is killed.
    /// </summary>
    [Theory, OnPostgres]
    public async Task A_second_polling_instance_stands_by_without_a_conflict_and_takes_over_when_the_first_dies(string provider)
    {
        await using var bot = await LiveBot.StartAsync(provider: provider);
        await bot.StopAsync();

        // A poll that arrived after this can only be the first instance's: the stopped host's last poll is recorded when
        // it ends (aborted), possibly after the stop, and counting calls mistook it for the first instance's once.
        var startedAt = DateTimeOffset.UtcNow;
        Process? first = CrashEndToEndTests.StartProcess(bot);
        try
        {
            await LiveBot.WaitUntilAsync(() => bot.Fake.Calls.Any(c => c.Method == "getUpdates" && c.At >= startedAt && c.StatusCode == 200), "the first instance polls");
            bot.Start();

            // A poll is answered 409 when a newer one arrives while it is pending, even a poll whose client is gone (the
            // stopped host's, the killed instance's): only polls that arrived after the instance before them went count.
            var since = startedAt;
            var conflict = () => bot.Fake.Calls.Any(c => c.Method == "getUpdates" && c.StatusCode == 409 && c.At >= since);
            await LiveBot.WaitUntilAsync(
                () => conflict() || first.HasExited || bot.Logs.Any(l => l.Contains("this one stands by", StringComparison.Ordinal)), "the second says it stands by");
            Assert.False(first.HasExited, "the first instance exited while the second started");
            var ana = await bot.RegisterAsync(9301);
            Assert.False(conflict(), "two instances polled at once: 409 Conflict");

            await CrashEndToEndTests.KillAsync(first);
            first = null;
            since = DateTimeOffset.UtcNow;
            await ana.SayAsync("/ayuda", "Lo que puedo hacer");

            Assert.False(conflict(), "two instances polled at once: 409 Conflict");
        }
        finally
        {
            if (first is not null)
            {
                await CrashEndToEndTests.KillAsync(first);
            }
        }
    }

    /// <summary>Nothing pending in the inbox or the outbox.</summary>
    private static bool Settled(LiveBot bot) => bot.Database.Read(db =>
        db.Scalar<long>("SELECT (SELECT count(*) FROM inbox WHERE status = 'pending') + (SELECT count(*) FROM outbox WHERE status = 'pending')") == 0);

    /// <summary>How many roles (sender, scheduler, polling) instances lead: their session advisory locks held.</summary>
    private static long RolesLed(LiveBot bot) => bot.Database.Read(db => db.Scalar<long>(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND classid = x'506F6142'::int::oid AND granted"));

    private static Process Start(LiveBot bot, RoundRobin balancer, int instance) => CrashEndToEndTests.StartProcess(bot, new Dictionary<string, string>
    {
        ["Urls"] = balancer.Targets[instance].GetLeftPart(UriPartial.Authority),
        ["Telegram__WebhookUrl"] = new Uri(balancer.Url, bot.WebhookUrl!.AbsolutePath).ToString(),
        ["Telegram__WebhookSecret"] = LiveBot.WebhookSecret,
        ["Telegram__MessagesPerSecond"] = bot.Fake.Options.GlobalMessagesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
