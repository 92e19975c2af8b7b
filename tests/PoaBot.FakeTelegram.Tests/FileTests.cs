using System.Text;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using static PoaBot.FakeTelegram.Tests.TestSupport;

namespace PoaBot.FakeTelegram.Tests;

public sealed class FileTests
{
    [Fact]
    public async Task A_user_photo_can_be_fetched_with_getFile_and_downloaded()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5];
        fake.SendPhoto(Ana, jpeg, "recibo de marzo");
        var photo = (await bot.GetUpdates(timeout: 0)).Single().Message!.Photo!;

        var file = await bot.GetFile(photo[^1].FileId);
        using var destination = new MemoryStream();
        await bot.DownloadFile(file, destination);

        Assert.True(photo[^1].Width > photo[0].Width);
        Assert.Equal(jpeg.Length, file.FileSize);
        Assert.StartsWith("photos/", file.FilePath, StringComparison.Ordinal);
        Assert.Equal(jpeg, destination.ToArray());
        Assert.Contains(fake.RequestLog, path => path == $"/file/bot{Token}/{file.FilePath}");
    }

    [Fact]
    public async Task GetFile_refuses_files_over_20_MB_and_unknown_ids()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.SendDocument(Ana, "poa-completo.xlsx", [1, 2, 3], reportedSize: 30L * 1024 * 1024);
        var document = (await bot.GetUpdates(timeout: 0)).Single().Message!.Document!;

        var tooBig = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetFile(document.FileId));
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetFile("nope"));

        Assert.Equal(30L * 1024 * 1024, document.FileSize);
        Assert.Equal("Bad Request: file is too big", tooBig.Message);
        Assert.Equal("Bad Request: invalid file_id", unknown.Message);
    }

    [Fact]
    public async Task A_sendDocument_upload_is_stored_with_its_name_and_content()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.RegisterUser(Ana);
        var csv = Encoding.UTF8.GetBytes("área,monto\nObras,100\n");
        using var stream = new MemoryStream(csv);

        var sent = await bot.SendDocument(Ana, InputFile.FromStream(stream, "resumen-marzo.csv"), "<b>Resumen</b> de marzo", ParseMode.Html,
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Otra vez", "resumen:otra")));

        var stored = Assert.Single(fake.Messages);
        Assert.Equal("sendDocument", stored.Method);
        Assert.Equal("resumen-marzo.csv", stored.FileName);
        Assert.Equal(csv, stored.FileContent);
        Assert.Equal("Resumen de marzo", stored.Text);
        Assert.Equal("resumen:otra", stored.InlineKeyboard[0][0].CallbackData);
        Assert.Equal("resumen-marzo.csv", sent.Document!.FileName);
        Assert.Equal("text/csv", sent.Document.MimeType);
        Assert.Equal("Resumen de marzo", sent.Caption);

        var file = await bot.GetFile(sent.Document.FileId);
        using var downloaded = new MemoryStream();
        await bot.DownloadFile(file.FilePath!, downloaded);
        Assert.Equal(csv, downloaded.ToArray());
    }

    [Fact]
    public async Task A_sendPhoto_upload_and_a_resend_by_file_id_are_stored()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.RegisterUser(Ana);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 9, 9];
        using var stream = new MemoryStream(png);

        var sent = await bot.SendPhoto(Ana, InputFile.FromStream(stream, "grafica.png"), "Avance");
        var again = await bot.SendPhoto(Ana, InputFile.FromFileId(sent.Photo![^1].FileId));

        Assert.Equal(["grafica.png", null], fake.Messages.Select(m => m.FileName));
        Assert.Equal(png, fake.Messages[0].FileContent);
        Assert.Equal(png, fake.Messages[1].FileContent);
        Assert.Equal("Avance", sent.Caption);
        Assert.Equal(2, again.Photo!.Length);
    }

    [Fact]
    public async Task A_caption_over_1024_characters_is_refused()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.RegisterUser(Ana);
        using var stream = new MemoryStream([1, 2, 3]);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            bot.SendDocument(Ana, InputFile.FromStream(stream, "a.txt"), new string('c', 1025)));

        Assert.Equal("Bad Request: message caption is too long", error.Message);
        Assert.Empty(fake.Messages);
    }
}
