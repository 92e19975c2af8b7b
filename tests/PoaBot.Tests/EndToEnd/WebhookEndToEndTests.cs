using System.Net;
using System.Text;
using Dapper;
using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;
using PoaBot.Operations;
using PoaBot.Telegram;
using Telegram.Bot;

namespace PoaBot.Tests.EndToEnd;

/// <summary>Webhook mode (Telegram:WebhookUrl): the real host receives updates from the fake server's POSTs.</summary>
public sealed class WebhookEndToEndTests
{
    private static readonly TimeSpan Wait = LiveBot.Patience;

    [Fact]
    public async Task Start_up_sets_the_webhook_with_the_secret_and_never_polls_and_status_is_in_order()
    {
        await using var bot = await LiveBot.StartAsync(webhook: true);
        var ana = await bot.RegisterAsync(5601);
        await ana.SayAsync("/ayuda", "Lo que puedo hacer");

        // The health row is written every 10 s; the webhook check feeds it as a poll would.
        var clock = MunicipalClock.Create(TimeProvider.System, "America/Mexico_City");
        var deadline = DateTime.UtcNow + Wait;
        while (Status.Now(bot.Database, clock).Problems.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Empty(Status.Now(bot.Database, clock).Problems);
        Assert.Equal(bot.WebhookUrl, bot.Fake.WebhookUrl);
        Assert.Equal(["callback_query", "edited_message", "message", "my_chat_member"], bot.Fake.AllowedUpdates!.Order(StringComparer.Ordinal));
        Assert.False(bot.Fake.LastDropPendingUpdates ?? false);
        Assert.DoesNotContain(bot.Fake.Calls, c => c.Method is "getUpdates" or "deleteWebhook");
        Assert.Contains(bot.Fake.Calls, c => c.Method == "getWebhookInfo");
        Assert.All(bot.Fake.WebhookDeliveries, d => Assert.Equal(200, d.StatusCode));
        Assert.DoesNotContain(bot.Logs, l => l.Contains(LiveBot.WebhookSecret, StringComparison.Ordinal));

        // Someone else deletes the webhook (another instance in polling mode): the next check sets it again.
        var other = new TelegramBotClient(new TelegramBotClientOptions(LiveBot.Token, bot.Fake.BaseUrl.ToString()) { RetryCount = 0 });
        await other.DeleteWebhook();
        await bot.Fake.WaitForCallsAsync("setWebhook", 2, Wait);
        await ana.SayAsync("/ayuda", "Lo que puedo hacer");
        Assert.Equal(bot.WebhookUrl, bot.Fake.WebhookUrl);
    }

    [Fact]
    public async Task A_request_without_the_right_secret_or_too_big_or_not_an_update_is_refused_and_stores_nothing()
    {
        await using var bot = await LiveBot.StartAsync(webhook: true);
        using var http = new HttpClient { Timeout = Wait };
        const string update = """{"update_id":990001,"message":{"message_id":1,"date":1700000000,"chat":{"id":5602,"type":"private"},"from":{"id":5602,"is_bot":false,"first_name":"Eva"},"text":"/ayuda"}}""";
        var huge = update.Replace("/ayuda", new string('a', (int)WebhookReceiver.MaxBodyBytes), StringComparison.Ordinal);

        var noSecret = await PostAsync(http, bot, update, null);
        var wrongSecret = await PostAsync(http, bot, update, LiveBot.WebhookSecret + "x");
        HttpStatusCode tooBig;
        try
        {
            tooBig = await PostAsync(http, bot, huge, LiveBot.WebhookSecret);
        }
        catch (HttpRequestException)
        {
            // The server answers 413 and closes the connection as soon as the limit is passed; a client still sending the
            // rest of the body may see the connection closed before it reads the answer. Either way it is refused.
            tooBig = HttpStatusCode.RequestEntityTooLarge;
        }

        var notJson = await PostAsync(http, bot, "hola", LiveBot.WebhookSecret);
        var stored = Inbox(bot);
        var right = await PostAsync(http, bot, update, LiveBot.WebhookSecret);

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest, HttpStatusCode.OK],
            [noSecret, wrongSecret, tooBig, notJson, right]);
        Assert.Equal(0, stored);
        Assert.Equal(1, Inbox(bot));
    }

    [Fact]
    public async Task A_switch_back_to_polling_deletes_the_webhook_and_the_updates_left_waiting_are_answered()
    {
        await using var bot = await LiveBot.StartAsync(webhook: true);
        var ana = await bot.RegisterAsync(5603);

        await bot.StopAsync();
        var mark = bot.Fake.MessageCount;
        var waiting = bot.Fake.SendText(ana.Id, "/ayuda");
        await bot.Fake.WaitForWebhookDeliveryAsync(d => d.UpdateId == waiting, Wait);
        bot.Start(new() { ["Telegram:WebhookUrl"] = null, ["Urls"] = null });

        await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text.Contains("Lo que puedo hacer", StringComparison.Ordinal), Wait);
        Assert.Null(bot.Fake.WebhookUrl);
        Assert.False(bot.Fake.LastDropPendingUpdates);
        Assert.DoesNotContain(bot.Fake.WebhookDeliveries, d => d.UpdateId == waiting && d.StatusCode == 200);
    }

    [Fact]
    public async Task A_locked_database_is_answered_503_and_the_update_Telegram_sends_again_is_handled_once()
    {
        await using var bot = await LiveBot.StartAsync(webhook: true);
        var ana = await bot.RegisterAsync(5604);
        var mark = bot.Fake.MessageCount;
        long update;

        using (var locker = (Microsoft.Data.Sqlite.SqliteConnection)bot.Database.Open())
        {
            using var transaction = locker.BeginTransaction(deferred: false);
            locker.Execute("UPDATE app_setting SET value = value", transaction: transaction);
            update = bot.Fake.SendText(ana.Id, "/ayuda");
            await bot.Fake.WaitForWebhookDeliveryAsync(d => d.UpdateId == update, Wait);
            transaction.Commit();
        }

        await bot.Fake.WaitForWebhookDeliveryAsync(d => d.UpdateId == update && d.StatusCode == 200, Wait);
        await bot.Fake.WaitForMessageSinceAsync(mark, ana.Id, m => m.Text.Contains("Lo que puedo hacer", StringComparison.Ordinal), Wait);
        await ana.SayAsync("/ayuda", "Lo que puedo hacer");

        Assert.Equal(503, bot.Fake.WebhookDeliveries.First(d => d.UpdateId == update).StatusCode);
        Assert.Equal(2, bot.Fake.Messages.Skip(mark).Count(m => m.ChatId == ana.Id && m.Text.Contains("Lo que puedo hacer", StringComparison.Ordinal)));
        Assert.Equal(1L, bot.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM inbox WHERE update_id = @update", new { update })));
    }

    [Fact]
    public async Task An_update_the_library_cannot_read_is_answered_200_and_set_aside_as_in_polling()
    {
        await using var bot = await LiveBot.StartAsync(webhook: true);
        var ana = await bot.RegisterAsync(5605);

        var unknown = bot.Fake.SendRawUpdate(
            "message",
            """{"message_id":903,"from":{"id":5605,"is_bot":false,"first_name":"Ana"},"chat":{"id":5605,"type":"private","first_name":"Ana"},"date":1700000000,"text":"hola","forward_origin":{"type":"time_machine","date":1700000000}}""");
        var help = await ana.SayAsync("/ayuda", "Lo que puedo hacer");

        Assert.Equal(200, bot.Fake.WebhookDeliveries.Single(d => d.UpdateId == unknown).StatusCode);
        Assert.Equal("failed", bot.Database.Read(db => db.Scalar<string>("SELECT status FROM inbox WHERE update_id = @unknown", new { unknown })));
        Assert.True(Assert.Single(bot.Fake.MessagesTo(ana.Id), m => m.Text == TransportText.Unreadable).MessageId < help.MessageId);
    }

    private static long Inbox(LiveBot bot) => bot.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM inbox"));

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, LiveBot bot, string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add(WebhookReceiver.SecretHeader, secret);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
