using System.Diagnostics;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.EndToEnd;

public sealed class PhoneSizeEndToEndTests
{
    [Fact]
    public async Task Every_message_fits_a_phone_the_import_preview_its_result_and_resumen_arrive_as_consecutive_messages()
    {
        await using var bot = await LiveBot.StartAsync(
            settings: new() { ["Telegram:ChatMessagesPerSecond"] = "1000", ["Telegram:ChatBurst"] = "100" },
            importPoa: false);
        var director = await bot.RegisterAsync(8101, Roles.Director);
        await director.SayAsync("/importar", "Envíe el POA como documento");
        var mark = bot.Fake.MessageCount;
        bot.Fake.SendDocument(director.Id, "POA.txt", LiveBot.SeedThisYear, "text/plain");
        await bot.Fake.WaitForMessageSinceAsync(mark, director.Id, m => m.Text.Contains("¿Importar este archivo?", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await director.TapAsync("Importar", "importado");
        await director.SayAsync("/resumen", "Avance del POA");
        await director.SayAsync("/ayuda", "Lo que puedo hacer");

        await WaitUntilAllSentAsync(bot);

        var messages = bot.Fake.MessagesTo(director.Id);
        Assert.All(messages, m => Assert.True(m.Text.Length <= OutboxStore.MaxText, $"{m.Text.Length} characters: {m.Text}"));
        var preview = messages.SkipWhile(m => !m.Text.Contains("Vista previa", StringComparison.Ordinal)).TakeWhile(m => !m.Text.Contains("importado", StringComparison.Ordinal)).ToList();
        Assert.True(preview.Count > 1, "the preview is longer than one phone message");
        Assert.Contains(preview, m => m.Text.Contains("Realineación", StringComparison.Ordinal));
        Assert.Contains("¿Importar este archivo?", preview[^1].Text, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAllSentAsync(LiveBot bot)
    {
        var clock = Stopwatch.StartNew();
        while (bot.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'pending'")) > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "messages still pending after 30 s");
            await Task.Delay(50);
        }
    }
}
