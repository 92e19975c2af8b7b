using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>
/// At start-up: who the bot is (for invite links), its commands and description in Spanish, and the webhook: set in webhook
/// mode, deleted in polling mode; pending updates are never dropped.
/// </summary>
public static class BotStartup
{
    /// <summary>The updates the bot asks for, by getUpdates or by webhook.</summary>
    public static readonly string[] WantedUpdates = ["message", "callback_query", "my_chat_member", "edited_message"];

    private static readonly BotCommand[] CoordinatorCommands = Menu(TransportText.CoordinatorMenu);

    internal static readonly BotCommand[] DirectorCommands = Menu(TransportText.DirectorMenu);

    public static async Task<string> RunAsync(ITelegramBotClient bot, Database database, TelegramOptions options, CancellationToken cancellationToken)
    {
        var me = await bot.GetMe(cancellationToken);
        var username = me.Username ?? "";
        database.Write(db => new AppSettings(db).Set(AppSettings.BotUsername, username));
        await bot.SetMyCommands(CoordinatorCommands, BotCommandScope.AllPrivateChats(), cancellationToken: cancellationToken);
        await bot.SetMyDescription(TransportText.Description, cancellationToken: cancellationToken);
        await bot.SetMyShortDescription(TransportText.ShortDescription, cancellationToken: cancellationToken);
        // Each director's own menu: CommandMenus.
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

    private static BotCommand[] Menu(IReadOnlyList<MenuCommand> menu) =>
        [.. menu.Select(c => new BotCommand { Command = c.Command, Description = c.Description })];

    public static Task SetWebhookAsync(ITelegramBotClient bot, TelegramOptions options, CancellationToken cancellationToken) =>
        bot.SetWebhook(
            options.WebhookUrl!.AbsoluteUri,
            allowedUpdates: WantedUpdates.Select(u => Enum.Parse<UpdateType>(u.Replace("_", "", StringComparison.Ordinal), ignoreCase: true)),
            dropPendingUpdates: false,
            secretToken: options.WebhookSecret,
            cancellationToken: cancellationToken);
}
