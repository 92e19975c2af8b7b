using PoaBot.Core.People;
using PoaBot.Core.Storage;
using PoaBot.FakeTelegram;

namespace PoaBot.Tests.EndToEnd;

public sealed class TelegramEndToEndTests
{
    [Fact]
    public async Task A_coordinator_registers_reports_a_meeting_with_a_photo_and_sees_it_in_resumen()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5001);

        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Qué día fue?");
        await ana.TapAsync("Hoy", "¿Cuántas personas asistieron?");
        await ana.SayAsync("25", "acuerdos");
        await ana.SayAsync("Bacheo de la calle Hidalgo", "evidencia");
        await ana.SendPhotoAsync([1, 2, 3, 4, 5], "Revise su reporte");
        var saved = await ana.TapAsync("Guardar", "Guardado con folio");
        var summary = await ana.SayAsync("/resumen", "Avance del POA");

        Assert.Contains("DPC-", saved.Text, StringComparison.Ordinal);
        Assert.Contains("(en curso): 1 de", summary.Text, StringComparison.Ordinal);
        var record = Assert.Single(bot.Records());
        Assert.NotNull(record.EvidenceHash);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(bot.DatabasePath)!, "evidencias", record.EvidenceHash + ".jpg")));
        Assert.Equal("HTML", summary.ParseMode);
        Assert.Contains(bot.Fake.Calls, c => c.Method == "answerCallbackQuery" && c.StatusCode == 200);
    }

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
    public async Task The_host_stopped_mid_conversation_and_restarted_continues_it_and_loses_nothing()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5002);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Solicitud recibida", "¿Qué día fue?");
        await ana.TapAsync("Hoy", "¿Qué se solicita?");

        await bot.StopAsync();
        bot.Fake.SendText(ana.Id, "Alumbrado de la calle Morelos");
        bot.Start();

        await bot.Fake.WaitForMessageAsync(ana.Id, m => m.Text.Contains("¿Quién lo solicita?", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        await ana.TapAsync("Omitir", "¿Qué área");
        await ana.SayAsync("Obras Públicas", "evidencia");
        await ana.TapAsync("Omitir", "Revise su reporte");
        await ana.TapAsync("Guardar", "Guardado con folio");
        Assert.Equal("Alumbrado de la calle Morelos", Assert.Single(bot.Records()).Subject);
    }

    [Fact]
    public async Task Every_update_delivered_twice_is_counted_once_and_a_double_tap_on_guardar_saves_once()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5003);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Qué día fue?");
        await ana.TapAsync("Hoy", "¿Cuántas personas asistieron?");
        await ana.SayAsync("25", "acuerdos");
        await ana.SayAsync("Acuerdos", "evidencia");
        var card = await ana.TapAsync("Omitir", "Revise su reporte");
        var guardar = card.InlineKeyboard.SelectMany(r => r).First(b => b.Text.Contains("Guardar", StringComparison.Ordinal)).CallbackData;

        var mark = bot.Fake.MessageCount;
        var first = bot.Fake.PressButton(ana.Id, card.MessageId, guardar);
        bot.Fake.PressButton(ana.Id, card.MessageId, guardar);
        bot.Fake.DeliverAgain(first);
        await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text.Contains("Guardado", StringComparison.Ordinal));
        await bot.Fake.WaitForCallsAsync("answerCallbackQuery", 5, TimeSpan.FromSeconds(10));

        Assert.Single(bot.Records());
        Assert.Single(bot.Fake.MessagesTo(ana.Id), m => m.Text.Contains("Guardado", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edited_message_never_counts_twice()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5004);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Qué día fue?");
        await ana.TapAsync("Hoy", "¿Cuántas personas asistieron?");
        var asked = await ana.SayAsync("25", "acuerdos");

        var mark = bot.Fake.MessageCount;
        bot.Fake.EditText(ana.Id, asked.MessageId - 1, "30");
        await ana.SayAsync("Acuerdos", "evidencia");

        Assert.Equal(mark + 1, bot.Fake.MessageCount);
        await ana.TapAsync("Omitir", "Revise su reporte");
        Assert.Contains("Asistentes: 25", ana.Last!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_of_429s_delays_replies_until_retry_after_and_every_reply_arrives()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5005);
        bot.Fake.FailNext("sendMessage", 3, 429, retryAfterSeconds: 1);

        var reply = await ana.SayAsync("/ayuda", "Lo que puedo hacer");

        var calls = bot.Fake.Calls.Where(c => c.Method == "sendMessage" && c.ChatId == ana.Id).ToList();
        var refused = calls.Where(c => c.StatusCode == 429).ToList();
        Assert.Equal(3, refused.Count);
        var delivered = calls.Last(c => c.StatusCode == 200);
        Assert.True(delivered.At >= refused[0].At + TimeSpan.FromSeconds(1), $"sent at {delivered.At:O}, first 429 at {refused[0].At:O}");
        Assert.Contains("/reportar", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_who_blocked_the_bot_is_marked_unreachable_and_not_retried()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5006);

        bot.Fake.BlockBot(ana.Id);
        bot.Fake.SendText(ana.Id, "/ayuda");
        await bot.Fake.WaitForCallsAsync("sendMessage", bot.Fake.Calls.Count(c => c.Method == "sendMessage" && c.StatusCode == 403) + 1, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

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
    public async Task Five_thousand_characters_and_html_looking_input_are_handled()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5007);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Qué día fue?");
        await ana.TapAsync("Hoy", "¿Cuántas personas asistieron?");
        await ana.SayAsync("25", "acuerdos");

        await ana.SayAsync(new string('x', 5000), "muy largo");
        await ana.SayAsync("<b>Bacheo</b> & <script>alert(1)</script>", "evidencia");
        var card = await ana.TapAsync("Omitir", "Revise su reporte");

        Assert.Contains("<b>Bacheo</b> & <script>", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Fake.Calls, c => c.StatusCode == 400 && c.Method == "sendMessage");
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
    public async Task A_file_over_20_mb_gets_a_clear_answer()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5009);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Qué día fue?");
        await ana.TapAsync("Hoy", "¿Cuántas personas asistieron?");
        await ana.SayAsync("25", "acuerdos");
        await ana.SayAsync("Acuerdos", "evidencia");

        var mark = bot.Fake.MessageCount;
        bot.Fake.SendDocument(ana.Id, "acta.pdf", [1, 2, 3], "application/pdf", reportedSize: 30L * 1024 * 1024);
        var reply = await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text.Contains("20 MB", StringComparison.Ordinal));

        Assert.Contains("Omitir", reply.Text, StringComparison.Ordinal);
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
}
