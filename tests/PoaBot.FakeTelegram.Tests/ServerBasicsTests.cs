using System.Net;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using static PoaBot.FakeTelegram.Tests.TestSupport;

namespace PoaBot.FakeTelegram.Tests;

public sealed class ServerBasicsTests
{
    [Fact]
    public async Task GetMe_returns_the_configured_bot()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);

        var me = await bot.GetMe();

        Assert.True(me.IsBot);
        Assert.Equal(7000001, me.Id);
        Assert.Equal("poa_prueba_bot", me.Username);
        Assert.True(me.CanJoinGroups);
        Assert.Equal("127.0.0.1", fake.BaseUrl.Host);
        Assert.Contains(fake.RequestLog, path => path == $"/bot{Token}/getMe");
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_401()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake, "7000001:AAHsomeOtherTokenThatIsNotTheRightOne_999");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetMe());

        Assert.Equal(401, error.ErrorCode);
        Assert.Contains("Unauthorized", error.Message, StringComparison.Ordinal);
        Assert.Equal(401, Assert.Single(fake.Calls).StatusCode);
    }

    [Fact]
    public async Task An_unknown_method_answers_404_and_method_names_are_case_insensitive()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        using var unknown = await http.PostAsync(new Uri($"/bot{Token}/sendTelepathy", UriKind.Relative), null);
        using var lowerCase = await http.GetAsync(new Uri($"/bot{Token}/getme", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var body = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.False(body.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(404, body.RootElement.GetProperty("error_code").GetInt32());
        Assert.Equal("Not Found", body.RootElement.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, lowerCase.StatusCode);
        Assert.Equal("getMe", fake.Calls[^1].Method);
    }

    [Fact]
    public async Task Parameters_are_read_from_the_query_string_and_url_encoded_forms_too()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        fake.RegisterUser(Ana);
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };

        using var query = await http.GetAsync(new Uri($"/bot{Token}/sendMessage?chat_id={Ana}&text=hola", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = Ana.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = "<b>adiós</b>",
            ["parse_mode"] = "HTML",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Sí","callback_data":"yes"}]]}""",
        });
        using var posted = await http.PostAsync(new Uri($"/bot{Token}/sendMessage", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(["hola", "adiós"], fake.Messages.Select(m => m.Text));
        Assert.Equal("yes", Assert.Single(fake.Messages[1].CallbackData));
    }

    [Fact]
    public async Task FailNext_injects_the_requested_errors_then_recovers()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.FailNext("getMe", 1, 429, retryAfterSeconds: 7);
        fake.FailNext("getMe", 1, 500);
        fake.FailNext("getMe", 1, 502);

        var tooMany = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetMe());
        var internalError = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetMe());
        var badGateway = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetMe());
        var me = await bot.GetMe();

        Assert.Equal(429, tooMany.ErrorCode);
        Assert.Equal(7, tooMany.Parameters?.RetryAfter);
        Assert.Equal(500, internalError.ErrorCode);
        Assert.Equal(502, badGateway.ErrorCode);
        Assert.Equal("poa_prueba_bot", me.Username);
        Assert.Equal(1, fake.RateLimitedCount);
        Assert.Equal([429, 500, 502, 200], fake.Calls.Select(c => c.StatusCode));
    }

    [Fact]
    public async Task SetMyCommands_validates_and_stores_the_commands()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);

        var invalid = await Assert.ThrowsAsync<ApiRequestException>(() =>
            bot.SetMyCommands([new BotCommand("Inicio", "Empieza")]));
        var emptyDescription = await Assert.ThrowsAsync<ApiRequestException>(() =>
            bot.SetMyCommands([new BotCommand("inicio", "")]));
        await bot.SetMyCommands([new BotCommand("start", "Empieza"), new BotCommand("resumen", "Resumen del POA")],
            BotCommandScope.AllPrivateChats(), "es");
        var stored = await bot.GetMyCommands(BotCommandScope.AllPrivateChats(), "es");

        Assert.Contains("BOT_COMMAND_INVALID", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(400, emptyDescription.ErrorCode);
        Assert.Equal(["start", "resumen"], stored.Select(c => c.Command));
        Assert.Equal("Resumen del POA", fake.GetCommands("all_private_chats", "es")[1].Value);
    }

    [Fact]
    public async Task SetChatMenuButton_and_sendChatAction_are_accepted()
    {
        await using var fake = await FakeBotApi.StartAsync(Token);
        var bot = ClientFor(fake);
        fake.RegisterUser(Ana);

        await bot.SetChatMenuButton(menuButton: new Telegram.Bot.Types.MenuButtonCommands());
        await bot.SendChatAction(Ana, Telegram.Bot.Types.Enums.ChatAction.Typing);

        Assert.All(fake.Calls, c => Assert.Equal(200, c.StatusCode));
        Assert.Empty(fake.Messages);
    }
}
