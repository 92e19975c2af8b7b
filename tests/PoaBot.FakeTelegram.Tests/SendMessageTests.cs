using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using static PoaBot.FakeTelegram.Tests.TestSupport;

namespace PoaBot.FakeTelegram.Tests;

public sealed class SendMessageTests
{
    private static async Task<(FakeBotApi Fake, TelegramBotClient Bot)> StartWithAnaAsync(FakeBotApiOptions? options = null)
    {
        var fake = await FakeBotApi.StartAsync(Token, options);
        fake.SendText(Ana, "/start");
        return (fake, ClientFor(fake));
    }

    [Fact]
    public async Task Valid_HTML_is_accepted_and_stored_as_plain_text_with_entities()
    {
        var (fake, bot) = await StartWithAnaAsync();
        await using var _ = fake;
        var keyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Ver POA", "poa:ver")], [InlineKeyboardButton.WithUrl("Ayuda", "https://example.org/ayuda")]]);

        var sent = await bot.SendMessage(Ana,
            "<b>Hola</b> &amp; <i>adiós</i> &lt;3 <a href=\"https://example.org/?a=1&amp;b=2\">enlace</a> <tg-spoiler>x</tg-spoiler> <span class=\"tg-spoiler\">y</span> <blockquote expandable>cita</blockquote> <pre><code class=\"language-csharp\">var x;</code></pre> &#241;&#xF1;",
            ParseMode.Html, replyMarkup: keyboard);

        var stored = Assert.Single(fake.Messages);
        Assert.Equal("Hola & adiós <3 enlace x y cita var x; ññ", stored.Text);
        Assert.Equal("HTML", stored.ParseMode);
        Assert.Equal("sendMessage", stored.Method);
        Assert.Equal(new InlineButton("Ver POA", "poa:ver"), stored.InlineKeyboard[0][0]);
        Assert.Equal("https://example.org/ayuda", stored.InlineKeyboard[1][0].Url);
        Assert.Equal(stored.Text, sent.Text);
        Assert.Equal(sent.Id, stored.MessageId);
        Assert.True(sent.Id > 1, "message ids are per chat and the user's /start already took one");
        Assert.Equal(Ana, sent.Chat.Id);
        Assert.True(sent.From!.IsBot);
        Assert.Equal("poa:ver", sent.ReplyMarkup!.InlineKeyboard.First().First().CallbackData);
        Assert.Equal(
            [MessageEntityType.Bold, MessageEntityType.Italic, MessageEntityType.TextLink, MessageEntityType.Spoiler, MessageEntityType.Spoiler, MessageEntityType.ExpandableBlockquote, MessageEntityType.Pre],
            sent.Entities!.Select(e => e.Type));
        Assert.Equal("https://example.org/?a=1&b=2", sent.Entities![2].Url);
        Assert.Equal("csharp", sent.Entities![6].Language);
    }

    [Theory]
    [InlineData("<foo>x</foo>", "Unsupported start tag \"foo\" at byte offset 0")]
    [InlineData("Total: <b>5", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    [InlineData("ñ 1 < 2", "Unsupported start tag \"\" at byte offset 5")]
    [InlineData("x</b>", "Unexpected end tag at byte offset 1")]
    [InlineData("Pérez & Hijos", "byte offset 7")]
    [InlineData("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\"")]
    [InlineData("<a>x</a>", "Tag \"a\" must have attribute \"href\"")]
    [InlineData("<b", "Unclosed start tag at byte offset 0")]
    public async Task Invalid_HTML_is_refused_with_400_cant_parse_entities(string html, string detail)
    {
        var (fake, bot) = await StartWithAnaAsync();
        await using var _ = fake;

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Ana, html, ParseMode.Html));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Messages);
    }

    [Fact]
    public async Task Without_parse_mode_markup_characters_are_plain_text()
    {
        var (fake, bot) = await StartWithAnaAsync();
        await using var _ = fake;

        await bot.SendMessage(Ana, "1 < 2 & <foo>");

        Assert.Equal("1 < 2 & <foo>", Assert.Single(fake.Messages).Text);
        Assert.Null(fake.Messages[0].ParseMode);
    }

    [Fact]
    public async Task Sending_more_than_4096_characters_is_refused_with_400()
    {
        var (fake, bot) = await StartWithAnaAsync();
        await using var _ = fake;

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Ana, new string('a', 4097)));
        await bot.SendMessage(Ana, "<b>" + new string('a', 4096) + "</b>", ParseMode.Html);

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message is too long", error.Message);
        Assert.Equal(4096, Assert.Single(fake.Messages).Text.Length);
    }

    [Fact]
    public async Task A_text_empty_after_parsing_is_refused()
    {
        var (fake, bot) = await StartWithAnaAsync();
        await using var _ = fake;

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Ana, "<b> </b>", ParseMode.Html));

        Assert.Equal("Bad Request: message text is empty", error.Message);
    }

    [Fact]
    public async Task Callback_data_of_65_bytes_is_refused_with_BUTTON_DATA_INVALID()
    {
        var (fake, bot) = await StartWithAnaAsync();
        await using var _ = fake;
        var tooLong = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Ok", new string('x', 65)));
        var multiByte = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Ok", new string('ñ', 33)));
        var exactly64 = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Ok", new string('ñ', 32)));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Ana, "Elige", replyMarkup: tooLong));
        var multiByteError = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Ana, "Elige", replyMarkup: multiByte));
        await bot.SendMessage(Ana, "Elige", replyMarkup: exactly64);

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Message);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", multiByteError.Message);
        Assert.Single(fake.Messages);
    }

    [Fact]
    public async Task Reply_keyboards_and_their_removal_are_recorded()
    {
        var (fake, bot) = await StartWithAnaAsync();
        await using var _ = fake;

        await bot.SendMessage(Ana, "¿Qué área?", replyMarkup: new ReplyKeyboardMarkup([["Obras", "Salud"], ["Cancelar"]]) { ResizeKeyboard = true });
        await bot.SendMessage(Ana, "Listo", replyMarkup: new ReplyKeyboardRemove());

        Assert.Equal([["Obras", "Salud"], ["Cancelar"]], fake.Messages[0].ReplyKeyboard.Select(r => r.ToArray()).ToArray());
        Assert.True(fake.Messages[1].RemovesReplyKeyboard);
    }

    [Fact]
    public async Task Sending_to_a_chat_that_never_wrote_is_refused_with_chat_not_found()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(123456, "hola"));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: chat not found", error.Message);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_gets_403()
    {
        var (fake, bot) = await StartWithAnaAsync();
        await using var _ = fake;
        fake.BlockBot(Ana);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Ana, "¿Sigues ahí?"));
        var actionError = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendChatAction(Ana, ChatAction.Typing));
        fake.UnblockBot(Ana);
        await bot.SendMessage(Ana, "De vuelta");

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);
        Assert.Equal(403, actionError.ErrorCode);
        Assert.Equal("De vuelta", Assert.Single(fake.Messages).Text);
    }

    [Fact]
    public async Task Per_chat_rate_limit_answers_429_with_retry_after()
    {
        var clock = new ManualClock();
        var (fake, bot) = await StartWithAnaAsync(new FakeBotApiOptions { TimeProvider = clock });
        await using var _ = fake;

        for (var i = 1; i <= 3; i++)
        {
            await bot.SendMessage(Ana, $"ráfaga {i}");
        }

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Ana, "uno de más"));
        clock.Advance(TimeSpan.FromSeconds(1));
        await bot.SendMessage(Ana, "después de esperar");
        var again = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Ana, "otra vez de más"));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal("Too Many Requests: retry after 1", error.Message);
        Assert.Equal(1, error.Parameters?.RetryAfter);
        Assert.Equal(429, again.ErrorCode);
        Assert.Equal(2, fake.RateLimitedCount);
        Assert.Equal(4, fake.Messages.Count);
        Assert.Equal([200, 200, 200, 429, 200, 429], fake.Calls.Where(c => c.Method == "sendMessage").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task Edits_do_not_count_toward_the_per_chat_rate_limit()
    {
        var clock = new ManualClock();
        var (fake, bot) = await StartWithAnaAsync(new FakeBotApiOptions { TimeProvider = clock });
        await using var _ = fake;
        var question = await bot.SendMessage(Ana, "pregunta 0");
        await bot.SendMessage(Ana, "ráfaga 2");
        await bot.SendMessage(Ana, "ráfaga 3");

        for (var i = 1; i <= 10; i++)
        {
            await bot.EditMessageText(Ana, question.Id, $"pregunta {i}");
        }

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Ana, "uno de más"));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(10, fake.Messages.Count(m => m.Method == "editMessageText" && m.MessageId == question.Id));
        Assert.Equal("pregunta 10", fake.Messages[^1].Text);
    }

    [Fact]
    public async Task The_global_rate_limit_applies_across_chats()
    {
        var clock = new ManualClock();
        await using var fake = await FakeBotApi.StartAsync(Token, new FakeBotApiOptions { TimeProvider = clock });
        var bot = ClientFor(fake);
        for (var user = 1; user <= 31; user++)
        {
            fake.RegisterUser(user);
        }

        for (var user = 1; user <= 30; user++)
        {
            await bot.SendMessage(user, "aviso");
        }

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(31, "aviso"));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(1, error.Parameters?.RetryAfter);
    }

    [Fact]
    public async Task Rate_limits_can_be_turned_off()
    {
        var (fake, bot) = await StartWithAnaAsync(new FakeBotApiOptions { EnforceRateLimits = false });
        await using var _ = fake;

        for (var i = 0; i < 50; i++)
        {
            await bot.SendMessage(Ana, "rápido");
        }

        Assert.Equal(50, fake.Messages.Count);
        Assert.Equal(0, fake.RateLimitedCount);
    }

    [Fact]
    public async Task Replying_to_a_missing_message_is_refused()
    {
        var (fake, bot) = await StartWithAnaAsync();
        await using var _ = fake;

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            bot.SendMessage(Ana, "respuesta", replyParameters: new ReplyParameters { MessageId = 999 }));
        var reply = await bot.SendMessage(Ana, "respuesta", replyParameters: new ReplyParameters { MessageId = 1 });

        Assert.Equal("Bad Request: message to be replied not found", error.Message);
        Assert.Equal(1, reply.ReplyToMessage?.Id);
        Assert.Equal(1, fake.Messages[0].ReplyToMessageId);
    }
}
