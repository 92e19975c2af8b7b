using System.Text;
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
