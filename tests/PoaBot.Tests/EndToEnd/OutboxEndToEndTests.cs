using Dapper;
using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;
using PoaBot.FakeTelegram;

namespace PoaBot.Tests.EndToEnd;

/// <summary>The outbox under stops, kills and bad rows: every message once, at most the in-flight bound twice after a kill.</summary>
public sealed class OutboxEndToEndTests
{
    private const int Messages = 600;
    private const int Chats = 400;
    private const long FirstChat = 300_000;

    private static readonly Dictionary<string, string?> Paced = new() { ["Telegram:MessagesPerSecond"] = "100" };

    [Theory, OnSqlite, OnPostgres]
    public async Task A_stop_in_the_middle_of_a_fan_out_records_every_send_and_the_restart_delivers_each_message_exactly_once(string provider)
    {
        await using var bot = await LiveBot.StartAsync(new FakeBotApiOptions { EnforceRateLimits = false }, Paced, beforeStart: FanOut, provider: provider);
        await WaitForNoticesAsync(bot, 50);

        await bot.StopAsync();

        var delivered = Notices(bot).Count;
        Assert.Equal(delivered, bot.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'sent' AND payload LIKE '%Aviso %'")));
        bot.Start(Paced);
        await WaitForNoticesAsync(bot, Messages);
        await DeliveryEndToEndTests.WaitUntilNothingPendingAsync(bot);
        Assert.All(Notices(bot).GroupBy(m => (m.ChatId, m.Text)), g => Assert.Single(g));
        Assert.Equal(Messages, Notices(bot).Count);
    }

    [Fact]
    public async Task A_killed_process_sends_again_at_most_the_messages_that_were_in_flight()
    {
        await using var bot = await LiveBot.StartAsync(new FakeBotApiOptions { EnforceRateLimits = false });
        await bot.StopAsync();
        FanOut(bot);
        var environment = new Dictionary<string, string> { ["Telegram__MessagesPerSecond"] = "100", ["Telegram__MaxInFlight"] = "4" };
        var process = CrashEndToEndTests.StartProcess(bot, environment);
        try
        {
            await WaitForNoticesAsync(bot, 50);
            await CrashEndToEndTests.KillAsync(process);
            process = CrashEndToEndTests.StartProcess(bot, environment);

            await WaitForNoticesAsync(bot, Messages, distinct: true);
            Assert.InRange(Notices(bot).Count - Messages, 0, 4);
        }
        finally
        {
            await CrashEndToEndTests.KillAsync(process);
        }
    }

    [Fact]
    public async Task A_database_locked_from_outside_holds_the_outcomes_in_memory_and_sends_nothing_twice()
    {
        await using var bot = await LiveBot.StartAsync(
            new FakeBotApiOptions { EnforceRateLimits = false },
            new Dictionary<string, string?> { ["Telegram:MessagesPerSecond"] = "10" },
            beforeStart: b => FanOut(b, 40, 20));
        await WaitForNoticesAsync(bot, 5);

        using (var locker = (Microsoft.Data.Sqlite.SqliteConnection)bot.Database.Open())
        {
            using var transaction = locker.BeginTransaction(deferred: false);
            locker.Execute("UPDATE app_setting SET value = value", transaction: transaction);
            for (var i = 0; i < 600 && !bot.Logs.Any(l => l.Contains("kept in memory", StringComparison.Ordinal)); i++)
            {
                await Task.Delay(100);
            }

            transaction.Commit();
        }

        await WaitForNoticesAsync(bot, 40, distinct: true);
        await DeliveryEndToEndTests.WaitUntilNothingPendingAsync(bot);
        Assert.Contains(bot.Logs, l => l.Contains("kept in memory", StringComparison.Ordinal));
        Assert.All(Notices(bot).GroupBy(m => m.Text), g => Assert.Single(g));
        Assert.Equal(40L, bot.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'sent' AND payload LIKE '%Aviso %'")));
    }

    [Fact]
    public async Task A_restart_right_after_a_burst_to_a_chat_keeps_its_pace_and_draws_no_429()
    {
        await using var bot = await LiveBot.StartAsync(beforeStart: b => FanOut(b, 3, 1));
        await WaitForNoticesAsync(bot, 3);

        await bot.StopAsync();
        bot.Database.Write(db =>
        {
            for (var i = 3; i < 6; i++)
            {
                new OutboxStore(db).Enqueue(FirstChat, new Reply($"Aviso {i}"), DateTimeOffset.UtcNow);
            }
        });
        bot.Start();

        await WaitForNoticesAsync(bot, 6);
        Assert.DoesNotContain(bot.Fake.Calls, c => c.ChatId == FirstChat && c.StatusCode == 429);
    }

    [Fact]
    public async Task One_chat_waiting_for_its_pace_does_not_hold_another_chat_s_reply()
    {
        await using var bot = await LiveBot.StartAsync();
        var beto = await bot.RegisterAsync(5301);
        FanOut(bot, 20, 1);
        await WaitForNoticesAsync(bot, 3);

        var answer = await beto.SayAsync("/ayuda", "Lo que puedo hacer");

        await WaitForNoticesAsync(bot, 20);
        var order = bot.Fake.Messages.ToList();
        Assert.True(order.IndexOf(answer) < order.FindLastIndex(m => m.ChatId == FirstChat), "the other chat's reply waited for the paced chat");
        Assert.DoesNotContain(bot.Fake.Calls, c => c.StatusCode == 429);
    }

    [Fact]
    public async Task An_unreadable_outbox_row_is_set_aside_and_every_other_chat_is_answered()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5101);
        var beto = await bot.RegisterAsync(5102);

        // A row written by an older version: no buttons where this one expects a list.
        bot.Database.Write(db => db.Execute(
            "INSERT INTO outbox (chat_id, kind, payload, created_at, not_before) VALUES (@chat, 'message', '{\"Html\":\"viejo\",\"Buttons\":null}', @now, @now)",
            new { chat = ana.Id, now = Instants.Format(DateTimeOffset.UtcNow) }));
        var answer = await beto.SayAsync("/ayuda", "Lo que puedo hacer");
        await ana.SayAsync("/ayuda", "Lo que puedo hacer");

        var (status, attempts, error) = bot.Database.Read(db => db.Single<(string, long, string?)>("SELECT status, attempts, error FROM outbox WHERE payload LIKE '%viejo%'"));
        Assert.Equal(("failed", (long)PoaBot.Telegram.OutboxSender.MaxPoisonAttempts), (status, attempts));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Single(bot.Logs, l => l.Contains("set aside", StringComparison.Ordinal) && l.Contains(ana.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Fake.MessagesTo(ana.Id), m => m.Text == "viejo");
        Assert.Contains("/reportar", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tapped_question_is_edited_into_the_next_one_so_fast_taps_draw_no_pacing_and_the_card_stays()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5401);
        var question = await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        var sendsBefore = SendsTo(bot, ana.Id);

        // Twenty taps back and forth: more than the chat's burst of three, faster than its pace of one a second.
        var steps = new List<SentMessage>();
        for (var i = 0; i < 10; i++)
        {
            steps.Add(await ana.TapAsync("Reunión", "¿Cuántas personas asistieron?"));
            steps.Add(await ana.TapAsync("Atrás", "¿Qué desea reportar?"));
        }

        Assert.All(steps, m => Assert.Equal(("editMessageText", question.MessageId), (m.Method, m.MessageId)));
        Assert.Equal(sendsBefore, SendsTo(bot, ana.Id));
        Assert.Equal(0, bot.Fake.RateLimitedCount);

        await ana.TapAsync("Reunión", "¿Cuántas personas asistieron?");
        await ana.SayAsync("25", "acuerdos");
        await ana.SayAsync("Bacheo de la calle Hidalgo", "evidencia");
        await ana.TapAsync("Omitir", "Revise su reporte");

        // The card is never edited away: what comes after it is a new message, which may itself be edited.
        var fix = await ana.TapAsync("Corregir", "¿Qué desea corregir?");
        var card = await ana.TapAsync("Volver a la tarjeta", "Revise su reporte");
        var saved = await ana.TapAsync("Guardar", "Guardado con folio");

        Assert.Equal("sendMessage", fix.Method);
        Assert.Equal(("editMessageText", fix.MessageId), (card.Method, card.MessageId));
        Assert.Equal("sendMessage", saved.Method);
        Assert.NotEqual(card.MessageId, saved.MessageId);
        Assert.Contains("Revise su reporte", bot.Fake.MessagesTo(ana.Id).Last(m => m.MessageId == card.MessageId).Text, StringComparison.Ordinal);
        await bot.Fake.WaitForCallsAsync("answerCallbackQuery", 25, LiveBot.Patience);
    }

    [Fact]
    public async Task A_question_that_cannot_be_edited_is_answered_with_a_new_message()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5402);
        var question = await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        var reunion = question.InlineKeyboard.SelectMany(r => r).First(b => b.Text.Contains("Reunión", StringComparison.Ordinal)).CallbackData;

        // A press about a message the chat no longer has (deleted, say): Telegram refuses the edit.
        var mark = bot.Fake.MessageCount;
        bot.Fake.PressButton(ana.Id, question.MessageId + 1000, reunion);
        var next = await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text.Contains("¿Cuántas personas asistieron?", StringComparison.Ordinal), LiveBot.Patience);

        Assert.Equal("sendMessage", next.Method);
        Assert.Contains(bot.Fake.Calls, c => c.Method == "editMessageText" && c.StatusCode == 400);
        await DeliveryEndToEndTests.WaitUntilNothingPendingAsync(bot);
        Assert.Equal(0L, bot.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'failed'")));
    }

    private static int SendsTo(LiveBot bot, long chatId) => bot.Fake.MessagesTo(chatId).Count(m => !m.IsEdit);

    private static void FanOut(LiveBot bot) => FanOut(bot, Messages, Chats);

    /// <summary>Notices to chats (people the fake server knows), queued as the engine would.</summary>
    private static void FanOut(LiveBot bot, int messages, int chats)
    {
        for (var chat = 0; chat < chats; chat++)
        {
            bot.Fake.RegisterUser(FirstChat + chat);
        }

        bot.Database.Write(db =>
        {
            var outbox = new OutboxStore(db);
            for (var i = 0; i < messages; i++)
            {
                outbox.Enqueue(FirstChat + (i % chats), new Reply($"Aviso {i}"), DateTimeOffset.UtcNow);
            }
        });
    }

    private static List<SentMessage> Notices(LiveBot bot) =>
        bot.Fake.Messages.Where(m => m.ChatId >= FirstChat && m.Text.StartsWith("Aviso ", StringComparison.Ordinal)).ToList();

    private static async Task WaitForNoticesAsync(LiveBot bot, int count, bool distinct = false)
    {
        for (var i = 0; i < 1200; i++)
        {
            var notices = Notices(bot);
            if ((distinct ? notices.Select(m => m.Text).Distinct().Count() : notices.Count) >= count)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Only {Notices(bot).Count} of {count} notices arrived.");
    }
}
