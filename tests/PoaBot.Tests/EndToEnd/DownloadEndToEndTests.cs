using PoaBot.Telegram;

namespace PoaBot.Tests.EndToEnd;

/// <summary>Evidence downloads run beside the inbox: a chat whose file is downloading waits alone.</summary>
public sealed class DownloadEndToEndTests
{
    [Fact]
    public async Task While_one_persons_download_stalls_another_persons_ayuda_is_answered_and_the_photo_is_kept_afterwards()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await AtEvidenceStepAsync(bot, 5301);
        var beto = await bot.RegisterAsync(5302);

        bot.Fake.StallDownloads = true;
        var mark = bot.Fake.MessageCount;
        bot.Fake.SendPhoto(ana.Id, [1, 2, 3, 4, 5]);
        await bot.Fake.WaitForCallsAsync("file", 1, LiveBot.Patience);
        await beto.SayAsync("/ayuda", "Lo que puedo hacer");

        // Beto was answered while Ana's download still hung: she has had no answer yet.
        Assert.DoesNotContain(bot.Fake.Messages.Skip(mark), m => m.ChatId == ana.Id);
        bot.Fake.StallDownloads = false;
        await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text.Contains("Revise su reporte", StringComparison.Ordinal), LiveBot.Patience);
    }

    [Fact]
    public async Task A_download_that_never_ends_is_given_up_after_its_time_limit_and_the_person_is_told()
    {
        await using var bot = await LiveBot.StartAsync(settings: new() { ["Telegram:DownloadTimeout"] = "00:00:01" });
        var ana = await AtEvidenceStepAsync(bot, 5303);

        bot.Fake.StallDownloads = true;
        var told = await ana.SendPhotoAsync([1, 2, 3, 4, 5], "tardó demasiado");

        Assert.Equal(PoaBot.Core.Conversations.TransportText.File(PoaBot.Core.Conversations.FileProblem.TooSlow, PoaBot.Core.Conversations.Texts.Skip), told.Text);
        bot.Fake.StallDownloads = false;
        await ana.SendPhotoAsync([1, 2, 3, 4, 5], "Revise su reporte");
    }

    private static async Task<LiveBot.User> AtEvidenceStepAsync(LiveBot bot, long id)
    {
        var user = await bot.RegisterAsync(id);
        await user.SayAsync("/reportar", "¿Qué desea reportar?");
        await user.TapAsync("Reunión", "¿Cuántas personas asistieron?");
        await user.SayAsync("25", "acuerdos");
        await user.SayAsync("Bacheo de la calle Hidalgo", "evidencia");
        return user;
    }
}
