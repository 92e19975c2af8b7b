using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;
using PoaBot.Core.People;

namespace PoaBot.Telegram;

/// <summary>
/// At start-up: who the bot is (for invite links), its commands and description in Spanish, and the webhook: set in webhook
/// mode, deleted in polling mode; pending updates are never dropped.
/// </summary>
public static class BotStartup
{
    /// <summary>The updates the bot asks for, by getUpdates or by webhook.</summary>
    public static readonly string[] WantedUpdates = ["message", "callback_query", "my_chat_member", "edited_message"];

    private static readonly BotCommand[] CoordinatorCommands = Menu(Roles.Coordinator);

    internal static readonly BotCommand[] DirectorCommands = Menu(Roles.Director);

    internal static readonly BotCommand[] PlanningCommands = Menu(Roles.Planning);

    public static async Task<string> RunAsync(ITelegramBotClient bot, Database database, TelegramOptions options, CancellationToken cancellationToken)
    {
        var me = await bot.GetMe(cancellationToken);
        var username = me.Username ?? "";
        database.Write(db => new AppSettings(db).Set(AppSettings.BotUsername, username));
        await bot.SetMyCommands(CoordinatorCommands, BotCommandScope.AllPrivateChats(), cancellationToken: cancellationToken);
        await bot.SetMyDescription(TransportText.Description, cancellationToken: cancellationToken);
        await bot.SetMyShortDescription(TransportText.ShortDescription, cancellationToken: cancellationToken);
        // Each director's and Planeación's own menu: CommandMenus.
        if (options.WebhookUrl is null)
        {
            await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
        }
        else
        {
            await SetWebhookAsync(bot, options, cancellationToken);
        }

        return username;
    }

    /// <summary>A role's menu, from the command table.</summary>
    private static BotCommand[] Menu(string role) =>
        [.. ChatCommands.Menu(role).Select(c => new BotCommand { Command = c.Name, Description = c.Description })];

    public static Task SetWebhookAsync(ITelegramBotClient bot, TelegramOptions options, CancellationToken cancellationToken) =>
        bot.SetWebhook(
            options.WebhookUrl!.AbsoluteUri,
            allowedUpdates: WantedUpdates.Select(u => Enum.Parse<UpdateType>(u.Replace("_", "", StringComparison.Ordinal), ignoreCase: true)),
            dropPendingUpdates: false,
            secretToken: options.WebhookSecret,
            cancellationToken: cancellationToken);
}
