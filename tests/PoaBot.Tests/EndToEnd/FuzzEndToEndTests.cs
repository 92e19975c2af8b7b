using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PoaBot.Core.People;
using PoaBot.Core.Storage;
using PoaBot.FakeTelegram;
using PoaBot.Tests.Conversations;
using Xunit.Abstractions;

namespace PoaBot.Tests.EndToEnd;

/// <summary>
/// Random updates through the real host and the fake server, as a hostile or careless crowd would send them: random
/// Unicode, commands, real and forged button presses, photos, documents, stickers, voice notes, edits, group chatter,
/// channel posts and messages without «from», from registered, deactivated and unknown people. The inputs come from a
/// fixed seed, in batches; each batch is drained (every update handled, every reply sent) before the next is drawn, so
/// the presses of a batch can use the buttons the bot last showed. Nothing depends on the machine's speed.
/// </summary>
public sealed class FuzzEndToEndTests(ITestOutputHelper output)
{
    private const int Updates = 10_000;
    private const int Batch = 500;
    private const long Director = 9001;
    private const long Gone = 9013;
    private const long Stranger = 9099;
    private const long Group = -100_123;
    private const long Channel = -100_999;

    private static readonly Dictionary<string, string?> Unpaced = new()
    {
        ["Telegram:MessagesPerSecond"] = "100000",
        ["Telegram:ChatMessagesPerSecond"] = "100000",
        ["Telegram:ChatBurst"] = "100",
    };

    private readonly Random random = new(20261202);
    private readonly long[] privateChats = [Director, 9011, 9012, Gone, Stranger];
    private int presses;
    private int groupCommands;

    [Fact]
    public async Task Ten_thousand_random_updates_crash_nothing_answer_every_press_ignore_group_chatter_and_change_nothing_they_may_not()
    {
        await using var bot = await LiveBot.StartAsync(new FakeBotApiOptions { EnforceRateLimits = false }, Unpaced);
        await bot.RegisterAsync(Director, Roles.Director);
        await bot.RegisterAsync(9011);
        await bot.RegisterAsync(9012, Roles.Coordinator, "Consejo San Juan");
        await bot.RegisterAsync(Gone);
        bot.Database.Write(db => new PeopleStore(db).Deactivate(new PeopleStore(db).ByTelegramId(Gone)!.Id, null, "prueba", DateTimeOffset.UtcNow));
        bot.Fake.RegisterUser(Stranger);
        var people = People(bot);
        var answeredBefore = bot.Fake.CallbackAnswers.Count;
        var messagesBefore = bot.Fake.MessageCount;

        var clock = Stopwatch.StartNew();
        for (var sent = 0; sent < Updates; sent += Batch)
        {
            var seqs = bot.Database.Read(db => privateChats.ToDictionary(c => c, c => new ConversationStore(db).Load(c).Seq));
            for (var i = 0; i < Batch; i++)
            {
                SendOne(bot, seqs);
            }

            await DrainAsync(bot);
            await ReportAsync(bot);
        }

        clock.Stop();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Updates} updates in {clock.Elapsed.TotalSeconds:0.0} s ({Updates / clock.Elapsed.TotalSeconds:0} updates/s), {bot.Fake.MessageCount - messagesBefore} messages, {presses} presses, {bot.Records().Count} records; load average {File.ReadAllText("/proc/loadavg").Trim()}"));

        // The host is alive and still answers.
        await new LiveBot.User(bot, 9011).SayAsync("/ayuda", "Lo que puedo hacer");

        // No update failed, no reply was set aside.
        Assert.Equal(0L, bot.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM inbox WHERE status <> 'done'")));
        Assert.Equal(0L, bot.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'failed'")));

        // Every press answered, once.
        var answers = bot.Fake.CallbackAnswers.Skip(answeredBefore).ToList();
        Assert.Equal(presses, answers.Count);
        Assert.Equal(presses, answers.Select(a => a.CallbackQueryId).Distinct().Count());

        // In a group, only commands are answered (with the note that the bot works in private); a channel gets nothing.
        Assert.Equal(groupCommands, bot.Fake.MessagesTo(Group).Count);
        Assert.Empty(bot.Fake.MessagesTo(Channel));

        // Once every conversation is over, only saved records hold evidence files.
        foreach (var chat in privateChats)
        {
            bot.Fake.SendText(chat, "/cancelar");
        }

        await DrainAsync(bot);
        var folder = Path.Combine(Path.GetDirectoryName(bot.DatabasePath)!, "evidencias");
        var kept = bot.Records().SelectMany(r => bot.Evidence(r.Id)).Select(e => e.Hash).OfType<string>().ToHashSet();
        Assert.NotEmpty(kept);
        Assert.All(Directory.GetFiles(folder), f => Assert.Contains(Path.GetFileName(f).Split('.')[0], kept));

        // Rejected input changed nothing: nobody new registered, the deactivated person stays so, records only by registered people.
        Assert.Equal(people, People(bot));
        Assert.Equal(0L, bot.Database.Read(db => db.Scalar<long>(
            "SELECT count(*) FROM record r JOIN person p ON p.id = r.created_by JOIN person_directorate pd ON pd.person_id = p.id WHERE pd.active = 0 OR p.telegram_id NOT IN (9001, 9011, 9012)")));
    }

    /// <summary>Who is registered, and who is not active; the director may deactivate a coordinator, nobody else may change either.</summary>
    private static string People(LiveBot bot) =>
        bot.Database.Read(db => string.Join(' ', db.Query<string>(
            "SELECT p.telegram_id || CASE WHEN pd.active = 1 OR p.telegram_id <> 9013 THEN '' ELSE ' inactivo' END FROM person p LEFT JOIN person_directorate pd ON pd.person_id = p.id ORDER BY p.telegram_id")));

    /// <summary>Between batches, a coordinator still active reports a meeting with a photo, start to end.</summary>
    private async Task ReportAsync(LiveBot bot)
    {
        var active = bot.Database.Read(db => db.Query<long>("SELECT p.telegram_id FROM person p JOIN person_directorate pd ON pd.person_id = p.id WHERE pd.active = 1 AND pd.role = 'coordinador' ORDER BY p.telegram_id").ToList());
        if (active.Count == 0)
        {
            return;
        }

        var ana = new LiveBot.User(bot, active[random.Next(active.Count)]);
        bot.Fake.SendText(ana.Id, "/cancelar");
        await DrainAsync(bot);
        await ana.SayAsync("/reportar", "¿Qué desea reportar?");
        await ana.TapAsync("Reunión", "¿Cuántas personas asistieron?");
        presses++;
        await ana.SayAsync("25", "acuerdos");
        await ana.SayAsync("Bacheo de la calle Hidalgo", "evidencia");
        await ana.SendPhotoAsync(Encoding.UTF8.GetBytes(FuzzText.Text(random) + "foto"), "Revise su reporte");
        if (random.Next(2) == 0)
        {
            await ana.TapAsync("Guardar", "Guardado con folio");
            presses++;
        }
    }

    private void SendOne(LiveBot bot, Dictionary<long, int> seqs)
    {
        var fake = bot.Fake;
        var chat = privateChats[random.Next(privateChats.Length)];
        switch (random.Next(20))
        {
            case < 7:
                fake.SendText(chat, Telegram(random.Next(3) == 0 ? FuzzText.Words[random.Next(FuzzText.Words.Length)] : FuzzText.Text(random)), Name());
                break;
            case < 11:
                Press(fake, chat, seqs[chat]);
                break;
            case 11:
                fake.SendPhoto(chat, Encoding.UTF8.GetBytes(FuzzText.Text(random)), random.Next(2) == 0 ? null : Telegram(FuzzText.Text(random)));
                break;
            case 12:
                fake.SendDocument(chat, Telegram(FuzzText.Text(random)) + (random.Next(2) == 0 ? ".pdf" : ".csv"), Encoding.UTF8.GetBytes(FuzzText.Text(random)));
                break;
            case 13:
                _ = random.Next(2) == 0 ? fake.SendSticker(chat) : fake.SendVoice(chat);
                break;
            case 14:
                fake.EditText(chat, random.Next(1, 200), Telegram(FuzzText.Text(random)));
                break;
            case < 18:
                var text = Telegram(random.Next(3) == 0 ? FuzzText.Words[random.Next(FuzzText.Words.Length)] : FuzzText.Text(random));
                groupCommands += text.StartsWith('/') ? 1 : 0;
                fake.SendGroupText(Group, privateChats[random.Next(privateChats.Length)], text);
                break;
            default:
                // A channel post, or a message whose sender is a chat (an anonymous group admin): no «from».
                var (id, type) = random.Next(2) == 0 ? (Channel, "channel") : (Group, "supergroup");
                fake.SendRawUpdate("message", JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["message_id"] = random.Next(1, 1_000_000),
                    ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = new Dictionary<string, object> { ["id"] = id, ["type"] = type, ["title"] = "Vecinos" },
                    ["sender_chat"] = new Dictionary<string, object> { ["id"] = id, ["type"] = type, ["title"] = "Vecinos" },
                    ["text"] = Telegram(random.Next(2) == 0 ? "/reportar" : FuzzText.Text(random)),
                }));
                break;
        }
    }

    /// <summary>A press on the last buttons the bot showed in the chat, or on any message with forged data.</summary>
    private void Press(FakeBotApi fake, long chat, int seq)
    {
        var shown = fake.MessagesTo(chat).LastOrDefault(m => m.InlineKeyboard.Count > 0);
        var buttons = shown?.InlineKeyboard.SelectMany(r => r).ToList() ?? [];
        var data = buttons.Count > 0 && random.Next(2) == 0
            ? buttons[random.Next(buttons.Count)].CallbackData
            : random.Next(5) == 0 ? Telegram(FuzzText.Text(random)) : FuzzText.Data(random, seq);
        fake.PressButton(chat, shown?.MessageId ?? random.Next(1, 200), data);
        presses++;
    }

    private string Name() => random.Next(4) == 0 && Telegram(FuzzText.Text(random)) is { Length: > 0 } name ? name : "Ana";

    /// <summary>What Telegram can carry: its updates are UTF-8, so a lone surrogate arrives as U+FFFD.</summary>
    private static string Telegram(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    /// <summary>Waits until every update sent is handled and every reply sent: none queued at the fake, none pending in the inbox or outbox.</summary>
    private static async Task DrainAsync(LiveBot bot)
    {
        var limit = Stopwatch.StartNew();
        while (bot.Fake.PendingUpdateCount > 0 || bot.Database.Read(db => db.Scalar<long>(
                   "SELECT (SELECT count(*) FROM inbox WHERE status = 'pending') + (SELECT count(*) FROM outbox WHERE status = 'pending')")) > 0)
        {
            Assert.True(limit.Elapsed < TimeSpan.FromMinutes(4), $"Not drained after 4 minutes: {bot.Fake.PendingUpdateCount} updates queued.");
            await Task.Delay(20);
        }
    }
}
