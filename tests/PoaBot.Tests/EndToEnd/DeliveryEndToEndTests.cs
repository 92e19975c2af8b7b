using PoaBot.Core.People;
using PoaBot.Core.Storage;
using PoaBot.FakeTelegram;

namespace PoaBot.Tests.EndToEnd;

public sealed class DeliveryEndToEndTests
{
    [Fact]
    public async Task At_start_up_the_bot_learns_its_name_sets_spanish_commands_and_keeps_pending_updates()
    {
        await using var bot = await LiveBot.StartAsync();

        Assert.False(bot.Fake.LastDropPendingUpdates);
        Assert.Equal("poa_prueba_bot", bot.Database.Read(db => new AppSettings(db).Get(AppSettings.BotUsername)));
        Assert.Contains(bot.Fake.Calls, c => c.Method == "setMyCommands" && c.StatusCode == 200);
        Assert.Contains(bot.Fake.Calls, c => c.Method == "deleteWebhook" && c.StatusCode == 200);
    }

    [Fact]
    public async Task A_burst_of_429s_delays_replies_until_retry_after_and_every_reply_arrives()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5005);
        await WaitUntilNothingPendingAsync(bot);
        var mark = bot.Fake.Calls.Count;
        bot.Fake.FailNext("sendMessage", 3, 429, retryAfterSeconds: 1);

        var reply = await ana.SayAsync("/ayuda", "Lo que puedo hacer");

        // Order of the fake server's own records: each try after a 429 came at least retry_after after it. A call is
        // recorded once answered, which can be just after the person sees the message.
        List<ApiCall> Calls() => [.. bot.Fake.Calls.Skip(mark).Where(c => c.Method == "sendMessage" && c.ChatId == ana.Id)];
        await LiveBot.WaitUntilAsync(() => Calls().Any(c => c.StatusCode == 200), "the successful send is recorded");
        var calls = Calls();
        Assert.Equal([429, 429, 429, 200], calls.Select(c => c.StatusCode));
        Assert.All(calls.Zip(calls.Skip(1)), pair => Assert.True(pair.Second.At - pair.First.At >= TimeSpan.FromSeconds(1), $"{pair.First.At:O} → {pair.Second.At:O}"));
        Assert.Contains("/reportar", reply.Text, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_person_who_blocked_the_bot_is_marked_unreachable_and_not_retried(string provider)
    {
        await using var bot = await LiveBot.StartAsync(provider: provider);
        var ana = await bot.RegisterAsync(5006);

        bot.Fake.BlockBot(ana.Id);
        bot.Fake.SendText(ana.Id, "/ayuda");
        for (var i = 0; i < 400 && !bot.Fake.Calls.Any(c => c.Method == "sendMessage" && c.StatusCode == 403); i++)
        {
            await Task.Delay(50);
        }

        await WaitUntilNothingPendingAsync(bot);

        Assert.Single(bot.Fake.Calls, c => c.Method == "sendMessage" && c.StatusCode == 403);
        Assert.NotNull(bot.Database.Read(db => new PeopleStore(db).ByTelegramId(ana.Id)!.UnreachableSince));
        Assert.Equal(0L, bot.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'pending'")));
    }

    [Fact]
    public async Task An_unregistered_person_is_refused_and_nothing_is_recorded()
    {
        await using var bot = await LiveBot.StartAsync();
        var mark = bot.Fake.MessageCount;

        bot.Fake.SendText(6001, "/reportar");
        var reply = await bot.Fake.WaitForMessageSinceAsync(mark, 6001);

        Assert.Contains("enlace de invitación", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0L, bot.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM person") + db.Scalar<long>("SELECT count(*) FROM conversation")));
    }

    [Fact]
    public async Task A_group_chat_is_refused_politely()
    {
        await using var bot = await LiveBot.StartAsync();
        var mark = bot.Fake.MessageCount;

        bot.Fake.SendGroupText(-100777, 5008, "/reportar");
        var reply = await bot.Fake.WaitForMessageSinceAsync(mark, -100777);

        Assert.Contains("conversaciones privadas", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_are_retried_and_the_sentinel_token_never_appears_in_logs_or_the_database()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5010);
        bot.Fake.FailNext("sendMessage", 2, 502);
        bot.Fake.FailNext("getUpdates", 1, 500);

        await ana.SayAsync("/ayuda", "Lo que puedo hacer");
        await bot.StopAsync();

        Assert.Contains(bot.Logs, l => l.Contains("502", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs, l => l.Contains(LiveBot.Token, StringComparison.Ordinal) || l.Contains("SENTINEL", StringComparison.Ordinal));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(bot.DatabasePath)!))
        {
            Assert.DoesNotContain("SENTINEL", System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_stored_update_that_cannot_be_read_is_set_aside_at_once_the_person_is_told_and_the_chat_goes_on()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5011);
        bot.Database.Write(db => new InboxStore(db).Add(1, ana.Id, "{ esto no es una actualización", DateTimeOffset.UtcNow));

        var told = await ana.SayAsync("/ayuda", "todavía no sé leer");
        await bot.Fake.WaitForMessageAsync(ana.Id, m => m.Text.Contains("Lo que puedo hacer", StringComparison.Ordinal), LiveBot.Patience);

        Assert.Contains("envíelo de nuevo", told.Text, StringComparison.Ordinal);
        var (status, attempts) = bot.Database.Read(db => db.Single<(string, long)>("SELECT status, attempts FROM inbox WHERE update_id = 1"));
        Assert.Equal(("failed", 1L), (status, attempts));
    }

    internal static async Task WaitUntilNothingPendingAsync(LiveBot bot)
    {
        for (var i = 0; i < 200 && bot.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'pending'")) > 0; i++)
        {
            await Task.Delay(50);
        }
    }
}
