using System.Diagnostics;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using static PoaBot.FakeTelegram.Tests.TestSupport;

namespace PoaBot.FakeTelegram.Tests;

public sealed class UpdatesTests
{
    [Fact]
    public async Task Long_polling_returns_an_injected_text_update_and_the_offset_confirms_it()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);

        var polling = bot.GetUpdates(timeout: 10);
        await WaitUntilAsync(() => fake.IsPolling);
        var clock = Stopwatch.StartNew();
        var updateId = fake.SendText(Ana, "/start hola", "Ana");
        var updates = await polling;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the held request should be answered as soon as the update arrives");
        var update = Assert.Single(updates);
        Assert.Equal(updateId, update.Id);
        Assert.Equal("/start hola", update.Message!.Text);
        Assert.Equal(Ana, update.Message.Chat.Id);
        Assert.Equal(ChatType.Private, update.Message.Chat.Type);
        Assert.Equal(Ana, update.Message.From!.Id);
        Assert.Equal("Ana", update.Message.From.FirstName);
        var command = Assert.Single(update.Message.Entities!);
        Assert.Equal(MessageEntityType.BotCommand, command.Type);
        Assert.Equal((0, 6), (command.Offset, command.Length));

        var afterConfirm = await bot.GetUpdates(offset: update.Id + 1, timeout: 0);
        Assert.Empty(afterConfirm);
        Assert.Equal(0, fake.PendingUpdateCount);
    }

    [Fact]
    public async Task Long_polling_without_updates_answers_an_empty_list_after_the_timeout()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        var clock = Stopwatch.StartNew();

        var updates = await bot.GetUpdates(timeout: 1);

        Assert.Empty(updates);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_limit_parameter_caps_the_batch_and_the_rest_follows()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        var ids = new[] { fake.SendText(Ana, "1"), fake.SendText(Ana, "2"), fake.SendText(Ana, "3") };

        var firstTwo = await bot.GetUpdates(limit: 2, timeout: 0);
        var rest = await bot.GetUpdates(offset: firstTwo[^1].Id + 1, timeout: 0);

        Assert.Equal(ids[..2], firstTwo.Select(u => (long)u.Id));
        Assert.Equal(ids[2], Assert.Single(rest).Id);
    }

    [Fact]
    public async Task Disposing_the_server_releases_a_pending_long_poll_quickly()
    {
        var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        var polling = bot.GetUpdates(timeout: 30);
        await WaitUntilAsync(() => fake.IsPolling);
        var clock = Stopwatch.StartNew();

        await fake.DisposeAsync();
        try
        {
            await polling;
        }
        catch (Exception error) when (error is RequestException or HttpRequestException or TaskCanceledException)
        {
            // Either an empty answer or a closed connection is fine; it must just not hang.
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task An_unconfirmed_update_is_delivered_again()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        var first = fake.SendText(Ana, "uno");

        var once = await bot.GetUpdates(timeout: 0);
        var twice = await bot.GetUpdates(timeout: 0);
        var second = fake.SendText(Ana, "dos");
        var confirmed = await bot.GetUpdates(offset: (int)first + 1, timeout: 0);

        Assert.Equal(first, Assert.Single(once).Id);
        Assert.Equal(first, Assert.Single(twice).Id);
        Assert.Equal(second, Assert.Single(confirmed).Id);
        Assert.Equal("dos", confirmed[0].Message!.Text);
        Assert.True(second > first);
    }

    [Fact]
    public async Task A_second_getUpdates_terminates_the_pending_one_with_409()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);

        var older = bot.GetUpdates(timeout: 10);
        await WaitUntilAsync(() => fake.IsPolling);
        var newer = await bot.GetUpdates(timeout: 0);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => older);

        Assert.Empty(newer);
        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("terminated by other getUpdates request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAgain_repeats_an_update_the_bot_already_confirmed()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        var id = fake.SendText(Ana, "pago 100");

        var first = await bot.GetUpdates(timeout: 0);
        var nothing = await bot.GetUpdates(offset: (int)id + 1, timeout: 0);
        fake.DeliverAgain(id);
        var again = await bot.GetUpdates(offset: (int)id + 1, timeout: 0);
        var thenNothing = await bot.GetUpdates(offset: (int)id + 1, timeout: 0);

        Assert.Equal(id, Assert.Single(first).Id);
        Assert.Empty(nothing);
        Assert.Equal(id, Assert.Single(again).Id);
        Assert.Equal("pago 100", again[0].Message!.Text);
        Assert.Empty(thenNothing);
    }

    [Fact]
    public async Task Allowed_updates_filter_the_delivered_types_and_are_remembered()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.SendText(Ana, "hola");
        fake.PressButton(Ana, 1, "menu");

        var onlyCallbacks = await bot.GetUpdates(timeout: 0, allowedUpdates: [UpdateType.CallbackQuery]);
        var remembered = await bot.GetUpdates(timeout: 0);
        var reset = await bot.GetUpdates(timeout: 0, allowedUpdates: []);

        Assert.Equal(UpdateType.CallbackQuery, Assert.Single(onlyCallbacks).Type);
        Assert.Single(remembered);
        Assert.Equal(2, reset.Length);
        Assert.Null(fake.AllowedUpdates);
    }

    [Fact]
    public async Task DeleteWebhook_with_drop_pending_updates_drops_the_queue()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.SendText(Ana, "viejo");

        await bot.DeleteWebhook(dropPendingUpdates: true);
        var info = await bot.GetWebhookInfo();
        var updates = await bot.GetUpdates(timeout: 0);

        Assert.True(fake.LastDropPendingUpdates);
        Assert.Equal(0, info.PendingUpdateCount);
        Assert.Empty(updates);
    }

    [Fact]
    public async Task Every_kind_of_user_update_is_understood_by_Telegram_Bot()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        var text = fake.SendText(Ana, "hola");
        fake.SendGroupText(-100123, Ana, "/resumen@poa_prueba_bot");
        fake.SendPhoto(Ana, [1, 2, 3], "recibo");
        fake.SendDocument(Ana, "poa.xlsx", [4, 5], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        fake.SendSticker(Ana);
        fake.SendVoice(Ana);
        fake.EditText(Ana, fake.MessageIdOf(text), "hola, corregido");
        fake.PressButton(Ana, 1, "menu:inicio");
        fake.BlockBot(Ana);

        var updates = await bot.GetUpdates(timeout: 0, allowedUpdates: []);

        Assert.Equal(
            [UpdateType.Message, UpdateType.Message, UpdateType.Message, UpdateType.Message, UpdateType.Message, UpdateType.Message,
             UpdateType.EditedMessage, UpdateType.CallbackQuery, UpdateType.MyChatMember],
            updates.Select(u => u.Type));
        Assert.Equal(ChatType.Group, updates[1].Message!.Chat.Type);
        Assert.Equal(-100123, updates[1].Message!.Chat.Id);
        Assert.Equal(MessageType.Photo, updates[2].Message!.Type);
        Assert.Equal(2, updates[2].Message!.Photo!.Length);
        Assert.Equal("recibo", updates[2].Message!.Caption);
        Assert.Equal("poa.xlsx", updates[3].Message!.Document!.FileName);
        Assert.Equal(MessageType.Sticker, updates[4].Message!.Type);
        Assert.Equal(MessageType.Voice, updates[5].Message!.Type);
        Assert.Equal("hola, corregido", updates[6].EditedMessage!.Text);
        Assert.Equal("menu:inicio", updates[7].CallbackQuery!.Data);
        Assert.Equal(ChatMemberStatus.Kicked, updates[8].MyChatMember!.NewChatMember.Status);
        Assert.Equal(ChatMemberStatus.Member, updates[8].MyChatMember!.OldChatMember.Status);
        Assert.Equal(updates.Select(u => u.Id).Order(), updates.Select(u => u.Id));
    }

    [Fact]
    public async Task The_Telegram_Bot_receiver_loop_works_against_the_fake()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        using var cts = new CancellationTokenSource();
        bot.StartReceiving(
            async (client, update, ct) =>
            {
                if (update.Message is { Text: { } text } message)
                {
                    await client.SendMessage(message.Chat.Id, "eco: " + text, cancellationToken: ct);
                }
            },
            (_, _, _) => Task.CompletedTask,
            new ReceiverOptions { DropPendingUpdates = true },
            cts.Token);

        // DropPendingUpdates makes the receiver drop the queue first (getUpdates offset=-1), so act only once it polls.
        await fake.WaitForCallsAsync("getUpdates", 1);
        await WaitUntilAsync(() => fake.IsPolling);
        fake.SendText(Ana, "hola");
        fake.SendText(Ana, "otra vez");
        var first = await fake.WaitForMessageAsync(Ana, m => m.Text == "eco: hola");
        var second = await fake.WaitForMessageAsync(Ana, m => m.Text == "eco: otra vez");
        await cts.CancelAsync();

        Assert.True(second.MessageId > first.MessageId);
    }

    [Fact]
    public async Task WaitForMessage_times_out_listing_what_the_chat_received()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.RegisterUser(Ana);
        await bot.SendMessage(Ana, "Hola Ana");

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            fake.WaitForMessageAsync(Ana, m => m.Text == "Adiós", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("Hola Ana", error.Message, StringComparison.Ordinal);
    }
}
