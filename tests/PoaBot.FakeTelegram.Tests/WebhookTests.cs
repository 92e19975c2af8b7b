using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using static PoaBot.FakeTelegram.Tests.TestSupport;

namespace PoaBot.FakeTelegram.Tests;

public sealed class WebhookTests
{
    private const string Secret = "s3cret_TOKEN-for-tests";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_queued_update_is_posted_in_order_with_the_secret_header_and_confirmed_by_a_200()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        await using var receiver = await Receiver.StartAsync();
        var bot = ClientFor(fake);
        var first = fake.SendText(Ana, "uno");
        var second = fake.SendText(Ana, "dos");

        await bot.SetWebhook(receiver.Url.ToString(), allowedUpdates: [UpdateType.Message], secretToken: Secret);
        await fake.WaitForWebhookDeliveryAsync(d => d.UpdateId == second, Wait);
        var info = await bot.GetWebhookInfo();

        Assert.Equal([first, second], receiver.Received.Select(r => r.UpdateId));
        Assert.All(receiver.Received, r => Assert.Equal(Secret, r.Secret));
        Assert.Equal("dos", receiver.Received[^1].Body.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(receiver.Url.ToString(), info.Url);
        Assert.Equal(0, info.PendingUpdateCount);
        Assert.Equal([UpdateType.Message], info.AllowedUpdates);
        Assert.Null(info.LastErrorMessage);
        Assert.Equal(0, fake.PendingUpdateCount);
        Assert.All(fake.WebhookDeliveries, d => Assert.Equal(200, d.StatusCode));
    }

    [Fact]
    public async Task A_delivery_answered_with_an_error_is_retried_until_a_2xx_and_the_next_update_waits_for_it()
    {
        await using var fake = await FakeBotApi.StartAsync(Token, new FakeBotApiOptions { WebhookRetryDelay = TimeSpan.FromMilliseconds(50) });
        await using var receiver = await Receiver.StartAsync(500, 503);
        var bot = ClientFor(fake);
        await bot.SetWebhook(receiver.Url.ToString(), secretToken: Secret);

        var first = fake.SendText(Ana, "uno");
        var second = fake.SendText(Ana, "dos");
        await fake.WaitForWebhookDeliveryAsync(d => d.UpdateId == second && d.StatusCode == 200, Wait);
        var info = await bot.GetWebhookInfo();

        Assert.Equal([(first, 500), (first, 503), (first, 200), (second, 200)], fake.WebhookDeliveries.Select(d => (d.UpdateId, d.StatusCode)));
        Assert.Equal([first, first, first, second], receiver.Received.Select(r => r.UpdateId));
        Assert.Contains("503", info.LastErrorMessage, StringComparison.Ordinal);
        Assert.NotNull(info.LastErrorDate);
        Assert.Equal(0, info.PendingUpdateCount);
    }

    [Fact]
    public async Task A_webhook_that_cannot_be_reached_keeps_the_update_pending()
    {
        await using var fake = await FakeBotApi.StartAsync(Token, new FakeBotApiOptions { WebhookRetryDelay = TimeSpan.FromMilliseconds(50) });
        var bot = ClientFor(fake);
        Uri closed;
        await using (var gone = await Receiver.StartAsync())
        {
            closed = gone.Url;
        }

        await bot.SetWebhook(closed.ToString(), secretToken: Secret);
        var update = fake.SendText(Ana, "hola");
        await fake.WaitForWebhookDeliveryAsync(d => d.UpdateId == update, Wait);
        var info = await bot.GetWebhookInfo();

        Assert.Equal(0, fake.WebhookDeliveries[0].StatusCode);
        Assert.Equal(1, info.PendingUpdateCount);
        Assert.False(string.IsNullOrEmpty(info.LastErrorMessage));
    }

    [Fact]
    public async Task GetUpdates_is_refused_with_409_while_a_webhook_is_set_and_deleteWebhook_gives_the_pending_updates_back_to_it()
    {
        await using var fake = await FakeBotApi.StartAsync(Token, new FakeBotApiOptions { WebhookRetryDelay = TimeSpan.FromSeconds(30) });
        await using var receiver = await Receiver.StartAsync(503);
        var bot = ClientFor(fake);
        await bot.SetWebhook(receiver.Url.ToString(), secretToken: Secret);
        var update = fake.SendText(Ana, "hola");
        await fake.WaitForWebhookDeliveryAsync(d => d.UpdateId == update, Wait);

        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetUpdates(timeout: 0));
        await bot.DeleteWebhook(dropPendingUpdates: false);
        var updates = await bot.GetUpdates(timeout: 0);
        var info = await bot.GetWebhookInfo();

        Assert.Equal(409, conflict.ErrorCode);
        Assert.Equal(update, Assert.Single(updates).Id);
        Assert.Equal("", info.Url);
        Assert.Null(fake.WebhookUrl);
        Assert.False(fake.LastDropPendingUpdates);
    }

    [Fact]
    public async Task A_getUpdates_held_when_the_webhook_is_set_ends_with_409()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        await using var receiver = await Receiver.StartAsync();
        var bot = ClientFor(fake);

        var polling = bot.GetUpdates(timeout: 20);
        await WaitUntilAsync(() => fake.IsPolling, 30_000);
        await bot.SetWebhook(receiver.Url.ToString());

        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => polling.WaitAsync(Wait));
        Assert.Equal(409, conflict.ErrorCode);
    }

    [Fact]
    public async Task A_redelivered_update_is_posted_again_and_a_bad_secret_or_url_is_refused()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        await using var receiver = await Receiver.StartAsync();
        var bot = ClientFor(fake);
        await bot.SetWebhook(receiver.Url.ToString(), secretToken: Secret);
        var update = fake.SendText(Ana, "hola");
        await fake.WaitForWebhookDeliveryAsync(d => d.UpdateId == update, Wait);

        fake.DeliverAgain(update);
        await WaitUntilAsync(() => fake.WebhookDeliveries.Count == 2, 30_000);
        var badSecret = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SetWebhook(receiver.Url.ToString(), secretToken: "no vale"));
        var badUrl = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SetWebhook("ftp://ejemplo"));

        Assert.Equal([update, update], receiver.Received.Select(r => r.UpdateId));
        Assert.Equal(400, badSecret.ErrorCode);
        Assert.Equal(400, badUrl.ErrorCode);
        Assert.Equal(receiver.Url, fake.WebhookUrl);
    }

    [Fact]
    public async Task Over_several_connections_another_chat_is_posted_while_one_chat_waits_and_that_chats_next_update_waits_for_it()
    {
        const long beto = 5550002;
        await using var fake = await FakeBotApi.StartAsync(Token, new FakeBotApiOptions { WebhookConnections = 2 });
        await using var receiver = await Receiver.StartAsync();
        var bot = ClientFor(fake);
        var first = fake.SendText(Ana, "uno");
        var second = fake.SendText(Ana, "dos");
        var other = fake.SendText(beto, "hola");
        var release = new TaskCompletionSource();
        receiver.Hold = id => id == first ? release.Task : Task.CompletedTask;

        await bot.SetWebhook(receiver.Url.ToString(), secretToken: Secret);
        await fake.WaitForWebhookDeliveryAsync(d => d.UpdateId == other, Wait);

        // The two chats' posts run at once: Beto's can be answered before Ana's first reaches the receiver.
        var deadline = DateTime.UtcNow + Wait;
        while (!receiver.Received.Any(r => r.UpdateId == first) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var whileHeld = receiver.Received.Select(r => r.UpdateId).Order().ToList();
        release.SetResult();
        await fake.WaitForWebhookDeliveryAsync(d => d.UpdateId == second, Wait);

        Assert.Equal([first, other], whileHeld);
        Assert.Equal(second, receiver.Received[^1].UpdateId);
    }

    /// <summary>A webhook on loopback (a free port) that keeps what it receives and answers the given statuses, then 200.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly ConcurrentQueue<int> answers;
        private readonly ConcurrentQueue<(long UpdateId, string? Secret, JsonElement Body)> received = new();
        private WebApplication app = null!;

        private Receiver(int[] answers) => this.answers = new ConcurrentQueue<int>(answers);

        public Uri Url { get; private set; } = null!;

        public IReadOnlyList<(long UpdateId, string? Secret, JsonElement Body)> Received => [.. received];

        /// <summary>What the answer to an update waits for, once the update is kept.</summary>
        public Func<long, Task> Hold { get; set; } = _ => Task.CompletedTask;

        public static async Task<Receiver> StartAsync(params int[] answers)
        {
            var receiver = new Receiver(answers);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            receiver.app = builder.Build();
            receiver.app.MapPost("/hook", async (HttpContext context) =>
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body);
                var root = body.RootElement.Clone();
                var id = root.GetProperty("update_id").GetInt64();
                receiver.received.Enqueue((id, context.Request.Headers["X-Telegram-Bot-Api-Secret-Token"].FirstOrDefault(), root));
                await receiver.Hold(id);
                return Results.StatusCode(receiver.answers.TryDequeue(out var status) ? status : 200);
            });
            await receiver.app.StartAsync();
            var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receiver.Url = new Uri(new Uri(address), "/hook");
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
