using PoaBot.Core.People;
using PoaBot.Core.Storage;
using PoaBot.FakeTelegram;

namespace PoaBot.Tests.EndToEnd;

public sealed class TelegramEndToEndTests
{
    [Theory, OnSqlite(false), OnSqlite(true), OnPostgres(true)]
    public async Task A_coordinator_registers_reports_a_meeting_with_a_photo_and_sees_it_in_resumen(bool webhook, string provider)
    {
        await using var bot = await LiveBot.StartAsync(webhook: webhook, provider: provider);
        var ana = await bot.RegisterAsync(5001);

        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Cuántas personas asistieron?");
        await ana.SayAsync("25", "acuerdos");
        await ana.SayAsync("Bacheo de la calle Hidalgo", "evidencia");
        await ana.SendPhotoAsync([1, 2, 3, 4, 5], "Revise su reporte");
        var saved = await ana.TapAsync("Guardar", "Guardado con folio");
        var summary = await ana.SayAsync("/resumen", "Avance del POA");

        Assert.Contains("DPC-", saved.Text, StringComparison.Ordinal);
        Assert.Contains("(en curso): 1 de", summary.Text, StringComparison.Ordinal);
        var record = Assert.Single(bot.Records());
        var evidence = Assert.Single(bot.Evidence(record.Id));
        Assert.Equal(evidence.Hash + ".jpg", evidence.Path);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(bot.DatabasePath)!, "evidencias", evidence.Path!)));
        Assert.Equal("HTML", summary.ParseMode);
        Assert.Contains(bot.Fake.Calls, c => c.Method == "answerCallbackQuery" && c.StatusCode == 200);
        Assert.Equal(webhook, bot.Fake.WebhookDeliveries.Count > 0);
        Assert.Equal(!webhook, bot.Fake.Calls.Any(c => c.Method == "getUpdates"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_host_stopped_mid_conversation_and_restarted_continues_it_and_loses_nothing(string provider)
    {
        await using var bot = await LiveBot.StartAsync(provider: provider);
        var ana = await bot.RegisterAsync(5002);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Solicitud recibida", "¿Qué se solicita?");

        await bot.StopAsync();
        bot.Fake.SendText(ana.Id, "Alumbrado de la calle Morelos");
        bot.Start();

        await bot.Fake.WaitForMessageAsync(ana.Id, m => m.Text.Contains("¿Quién lo solicita?", StringComparison.Ordinal), LiveBot.Patience);
        await ana.TapAsync("Omitir", "¿Qué área");
        await ana.SayAsync("Obras Públicas", "evidencia");
        await ana.TapAsync("Omitir", "Revise su reporte");
        await ana.TapAsync("Guardar", "Guardado con folio");
        Assert.Equal("Alumbrado de la calle Morelos", Assert.Single(bot.Records()).Subject);
    }

    [Theory, OnSqlite(false), OnSqlite(true), OnPostgres(false)]
    public async Task Every_update_delivered_twice_is_counted_once_and_a_double_tap_on_guardar_saves_once(bool webhook, string provider)
    {
        await using var bot = await LiveBot.StartAsync(webhook: webhook, provider: provider);
        var ana = await bot.RegisterAsync(5003);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Cuántas personas asistieron?");
        await ana.SayAsync("25", "acuerdos");
        await ana.SayAsync("Acuerdos", "evidencia");
        var card = await ana.TapAsync("Omitir", "Revise su reporte");
        var guardar = card.InlineKeyboard.SelectMany(r => r).First(b => b.Text.Contains("Guardar", StringComparison.Ordinal)).CallbackData;

        var mark = bot.Fake.MessageCount;
        var first = bot.Fake.PressButton(ana.Id, card.MessageId, guardar);
        bot.Fake.PressButton(ana.Id, card.MessageId, guardar);
        bot.Fake.DeliverAgain(first);
        await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text.Contains("Guardado", StringComparison.Ordinal));
        await bot.Fake.WaitForCallsAsync("answerCallbackQuery", 4, LiveBot.Patience);

        Assert.Single(bot.Records());
        Assert.Single(bot.Fake.MessagesTo(ana.Id), m => m.Text.Contains("Guardado", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edited_message_never_counts_twice()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5004);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Cuántas personas asistieron?");
        var asked = await ana.SayAsync("25", "acuerdos");

        var mark = bot.Fake.MessageCount;
        bot.Fake.EditText(ana.Id, asked.MessageId - 1, "30");
        await ana.SayAsync("Acuerdos", "evidencia");

        Assert.Equal(mark + 1, bot.Fake.MessageCount);
        await ana.TapAsync("Omitir", "Revise su reporte");
        Assert.Contains("Asistentes: 25", ana.Last!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_thousand_characters_and_html_looking_input_are_handled()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5007);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Cuántas personas asistieron?");
        await ana.SayAsync("25", "acuerdos");

        await ana.SayAsync(new string('x', 5000), "muy largo");
        await ana.SayAsync("<b>Bacheo</b> & <script>alert(1)</script>", "evidencia");
        var card = await ana.TapAsync("Omitir", "Revise su reporte");

        Assert.Contains("<b>Bacheo</b> & <script>", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Fake.Calls, c => c.StatusCode == 400 && c.Method == "sendMessage");
    }

    [Fact]
    public async Task A_file_over_20_mb_gets_a_clear_answer()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(5009);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Cuántas personas asistieron?");
        await ana.SayAsync("25", "acuerdos");
        await ana.SayAsync("Acuerdos", "evidencia");

        var mark = bot.Fake.MessageCount;
        bot.Fake.SendDocument(ana.Id, "acta.pdf", [1, 2, 3], "application/pdf", reportedSize: 30L * 1024 * 1024);
        var reply = await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text.Contains("20 MB", StringComparison.Ordinal));

        Assert.Contains("Omitir", reply.Text, StringComparison.Ordinal);
    }
}
