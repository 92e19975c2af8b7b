using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>At start-up: who the bot is (for invite links), its commands in Spanish, and no webhook, without dropping pending updates.</summary>
public static class BotStartup
{
    private static readonly BotCommand[] CoordinatorCommands = Menu(TransportText.CoordinatorMenu);

    internal static readonly BotCommand[] DirectorCommands = Menu(TransportText.DirectorMenu);

    public static async Task<string> RunAsync(ITelegramBotClient bot, Database database, CancellationToken cancellationToken)
    {
        var me = await bot.GetMe(cancellationToken);
        var username = me.Username ?? "";
        database.Write(db => new AppSettings(db).Set(AppSettings.BotUsername, username));
        await bot.SetMyCommands(CoordinatorCommands, BotCommandScope.AllPrivateChats(), cancellationToken: cancellationToken);
        await bot.SetMyDescription(TransportText.Description, cancellationToken: cancellationToken);
        await bot.SetMyShortDescription(TransportText.ShortDescription, cancellationToken: cancellationToken);
        // Each director's own menu: CommandMenus.
        await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
        return username;
    }

    private static BotCommand[] Menu(IReadOnlyList<MenuCommand> menu) =>
        [.. menu.Select(c => new BotCommand { Command = c.Command, Description = c.Description })];
}
