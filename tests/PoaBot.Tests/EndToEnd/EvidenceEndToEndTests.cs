using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PoaBot.Telegram;
using PoaBot.Tests.Evidence;

namespace PoaBot.Tests.EndToEnd;

/// <summary>Evidence through the real host and the fake server: what is kept, what is stripped, what never lands.</summary>
public sealed class EvidenceEndToEndTests
{
    private static string[] EvidenceFiles(LiveBot bot)
    {
        var folder = Path.Combine(Path.GetDirectoryName(bot.DatabasePath)!, "evidencias");
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    private static async Task<LiveBot.User> AtEvidenceAsync(LiveBot bot, long id)
    {
        var ana = await bot.RegisterAsync(id);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Cuántas personas asistieron?");
        await ana.SayAsync("25", "acuerdos");
        await ana.SayAsync("Bacheo de la calle Hidalgo", "evidencia");
        return ana;
    }

    [Fact]
    public async Task A_server_that_announces_1000_bytes_and_serves_25_MB_gets_nothing_kept()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await AtEvidenceAsync(bot, 6001);

        var mark = bot.Fake.MessageCount;
        bot.Fake.SendDocument(ana.Id, "acta.pdf", new byte[25 * 1024 * 1024], "application/pdf", reportedSize: 1_000);
        var reply = await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, _ => true, LiveBot.Patience);
        Assert.Contains("más de 20 MB", reply.Text, StringComparison.Ordinal);

        Assert.Empty(EvidenceFiles(bot));
        Assert.Contains(bot.Fake.Calls, c => c.Method == "file");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_photos_sent_as_an_album_and_a_document_make_one_report_with_three_files_that_folio_sends_back(string provider)
    {
        await using var bot = await LiveBot.StartAsync(provider: provider);
        var ana = await AtEvidenceAsync(bot, 6003);
        byte[] pdf = [.. "%PDF-1.4 acta de la reunión"u8];

        var mark = bot.Fake.MessageCount;
        bot.Fake.SendAlbum(ana.Id, JpegSamples.WithMetadata(), [1, 2, 3, 4, 5]);
        await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text.Contains("Evidencia: 2 fotos ✅", StringComparison.Ordinal), LiveBot.Patience);
        Assert.Single(bot.Fake.Messages.Skip(mark), m => m.ChatId == ana.Id && m.Text.Contains("Revise su reporte", StringComparison.Ordinal));

        bot.Fake.SendDocument(ana.Id, "acta.pdf", pdf, "application/pdf");
        await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text.Contains("Evidencia: 2 fotos y 1 documento ✅", StringComparison.Ordinal), LiveBot.Patience);
        await ana.TapAsync("Guardar", "Guardado con folio");

        var record = Assert.Single(bot.Records());
        Assert.Equal(["photo", "photo", "document"], bot.Evidence(record.Id).Select(e => e.Kind));
        Assert.Equal(3, EvidenceFiles(bot).Length);

        mark = bot.Fake.MessageCount;
        await ana.SayAsync($"/folio {record.Folio}", "Evidencia: 2 fotos y 1 documento");
        await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text == $"Evidencia 3 de 3 del folio {record.Folio}", LiveBot.Patience);
        var files = bot.Fake.Messages.Skip(mark).Where(m => m.ChatId == ana.Id && m.Method is "sendPhoto" or "sendDocument").ToList();
        Assert.Equal(
            [("sendPhoto", $"Evidencia 1 de 3 del folio {record.Folio}"), ("sendPhoto", $"Evidencia 2 de 3 del folio {record.Folio}"), ("sendDocument", $"Evidencia 3 de 3 del folio {record.Folio}")],
            files.Select(m => (m.Method, m.Text)));
        Assert.Equal(pdf, files[2].FileContent);
    }

    [Fact]
    public async Task An_album_that_Telegram_hands_over_in_two_getUpdates_responses_gives_one_card()
    {
        // The host's clock stands still: the album waits for the rest of its photos until the test lets the time pass.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await LiveBot.StartAsync(services: s => s.AddSingleton<TimeProvider>(time));
        var ana = await AtEvidenceAsync(bot, 6004);
        var mark = bot.Fake.MessageCount;
        bool Card(FakeTelegram.SentMessage m) => m.ChatId == ana.Id && m.Text.Contains("Revise su reporte", StringComparison.Ordinal);

        // The first two photos come in one getUpdates response, and the bot has done all it would with them (answered
        // them, or said that it waits for the rest) before the third comes in the next response.
        bot.Fake.SendAlbum(ana.Id, "album-1", JpegSamples.WithMetadata(), [1, 2, 3, 4, 5]);
        await UntilAsync(() => (bot.Fake.PendingUpdateCount == 0 && bot.Fake.Messages.Skip(mark).Any(Card)) || bot.Logs.Any(l => l.Contains("waits for the rest", StringComparison.Ordinal)));
        bot.Fake.SendAlbum(ana.Id, "album-1", [6, 7, 8]);
        await UntilAsync(() => bot.Fake.PendingUpdateCount == 0);
        time.Advance(InboxProcessor.AlbumWait);

        await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text.Contains("Evidencia: 3 fotos ✅", StringComparison.Ordinal), LiveBot.Patience);
        Assert.Single(bot.Fake.Messages.Skip(mark), Card);
        await ana.TapAsync("Guardar", "Guardado con folio");
        Assert.Equal(3, bot.Evidence(Assert.Single(bot.Records()).Id).Count);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(LiveBot.Patience);
        while (!condition())
        {
            await Task.Delay(10, patience.Token);
        }
    }

    [Fact]
    public async Task A_photo_keeps_no_gps_position_and_a_cancelled_draft_keeps_no_file()
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await AtEvidenceAsync(bot, 6002);

        await ana.SendPhotoAsync(JpegSamples.WithMetadata(), "Revise su reporte");
        var kept = Assert.Single(EvidenceFiles(bot));
        Assert.DoesNotContain(JpegSamples.Gps, Encoding.Latin1.GetString(await File.ReadAllBytesAsync(kept)), StringComparison.Ordinal);
        Assert.EndsWith(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(kept))) + ".jpg", kept, StringComparison.Ordinal);

        await ana.SayAsync("/cancelar", "No se guardó nada");

        Assert.Empty(EvidenceFiles(bot));
    }
}
