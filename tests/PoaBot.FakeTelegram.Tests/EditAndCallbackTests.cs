using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using static PoaBot.FakeTelegram.Tests.TestSupport;

namespace PoaBot.FakeTelegram.Tests;

public sealed class EditAndCallbackTests
{
    [Fact]
    public async Task Editing_with_the_same_text_and_markup_is_refused_as_not_modified()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.SendText(Ana, "/start");
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Sí", "si"));
        var sent = await bot.SendMessage(Ana, "<b>¿Confirmas?</b>", ParseMode.Html, replyMarkup: keyboard);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            bot.EditMessageText(Ana, sent.Id, "<b>¿Confirmas?</b>", ParseMode.Html, replyMarkup: keyboard));
        var edited = await bot.EditMessageText(Ana, sent.Id, "<b>Confirmado</b>", ParseMode.Html);
        var markupError = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditMessageReplyMarkup(Ana, sent.Id, replyMarkup: null));
        await bot.EditMessageReplyMarkup(Ana, sent.Id, new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Deshacer", "undo")));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal(
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
            error.Message);
        Assert.Contains("message is not modified", markupError.Message, StringComparison.Ordinal);
        Assert.Equal("Confirmado", edited.Text);
        Assert.NotNull(edited.EditDate);
        Assert.Equal(["sendMessage", "editMessageText", "editMessageReplyMarkup"], fake.Messages.Select(m => m.Method));
        Assert.Empty(fake.Messages[1].InlineKeyboard);
        Assert.Equal("undo", fake.Messages[2].InlineKeyboard[0][0].CallbackData);
        Assert.All(fake.Messages, m => Assert.Equal(sent.Id, m.MessageId));
    }

    [Fact]
    public async Task An_inline_keyboard_of_more_than_100_buttons_is_refused_as_too_long()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.SendText(Ana, "/start");
        InlineKeyboardMarkup Keyboard(int n) => new(Enumerable.Range(1, n).Select(i => new[] { InlineKeyboardButton.WithCallbackData($"Actividad {i}", $"a:{i}") }));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Ana, "¿Qué desea reportar?", replyMarkup: Keyboard(120)));
        await bot.SendMessage(Ana, "¿Qué desea reportar?", replyMarkup: Keyboard(12));

        Assert.Equal((400, "Bad Request: reply markup is too long"), (error.ErrorCode, error.Message));
        Assert.Single(fake.Messages);
    }

    [Fact]
    public async Task Editing_an_unknown_message_is_refused()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.SendText(Ana, "hola");

        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditMessageText(Ana, 999, "x"));
        var usersOwn = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditMessageText(Ana, 1, "x"));

        Assert.Equal("Bad Request: message to edit not found", missing.Message);
        Assert.Equal("Bad Request: message can't be edited", usersOwn.Message);
    }

    [Fact]
    public async Task A_pressed_button_arrives_as_a_callback_query_about_the_bot_message()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.SendText(Ana, "/start");
        var sent = await bot.SendMessage(Ana, "Menú", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Resumen", "menu:resumen")));

        var updateId = fake.PressButton(Ana, sent.Id, "menu:resumen");
        var updates = await bot.GetUpdates(timeout: 0);

        var query = updates.Single(u => u.Id == updateId).CallbackQuery!;
        Assert.Equal("menu:resumen", query.Data);
        Assert.Equal(Ana, query.From.Id);
        Assert.False(string.IsNullOrEmpty(query.ChatInstance));
        Assert.Equal(sent.Id, query.Message!.Id);
        Assert.Equal(Ana, query.Message.Chat.Id);
        Assert.Equal("Menú", query.Message.Text);
        Assert.Equal(sent.Id, fake.MessageIdOf(updateId));
    }

    [Fact]
    public async Task Answering_a_callback_query_twice_is_refused_as_too_old()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.PressButton(Ana, 1, "si");
        var query = (await bot.GetUpdates(timeout: 0)).Single().CallbackQuery!;

        await bot.AnswerCallbackQuery(query.Id, "Hecho");
        var twice = await Assert.ThrowsAsync<ApiRequestException>(() => bot.AnswerCallbackQuery(query.Id));
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => bot.AnswerCallbackQuery("123"));

        const string TooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";
        Assert.Equal(400, twice.ErrorCode);
        Assert.Equal(TooOld, twice.Message);
        Assert.Equal(TooOld, unknown.Message);
        var answer = Assert.Single(fake.CallbackAnswers);
        Assert.Equal(("si", "Hecho", Ana), (answer.Data, answer.Text, answer.UserId));
    }

    [Fact]
    public async Task A_callback_answer_later_than_the_configured_window_is_too_old()
    {
        var clock = new ManualClock();
        await using var fake = await FakeBotApi.StartAsync(Token, new FakeBotApiOptions { TimeProvider = clock, CallbackQueryAnswerWindow = TimeSpan.FromSeconds(15) });
        var bot = ClientFor(fake);
        fake.PressButton(Ana, 1, "lento");
        var query = (await bot.GetUpdates(timeout: 0)).Single().CallbackQuery!;
        clock.Advance(TimeSpan.FromSeconds(16));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.AnswerCallbackQuery(query.Id));

        Assert.Contains("query is too old", error.Message, StringComparison.Ordinal);
    }
}
