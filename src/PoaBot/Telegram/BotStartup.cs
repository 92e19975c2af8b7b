using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;
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

    private static readonly BotCommand[] CoordinatorCommands =
    [
        new() { Command = "reportar", Description = "Registrar una actividad realizada" },
        new() { Command = "resumen", Description = "Avance del POA: programado contra real" },
        new() { Command = "misreportes", Description = "Mis últimos reportes; anular uno" },
        new() { Command = "folio", Description = "Ver un reporte por su folio" },
        new() { Command = "cancelar", Description = "Cancelar lo que estoy haciendo" },
        new() { Command = "ayuda", Description = "Qué puede hacer este bot" },
    ];

    internal static readonly BotCommand[] DirectorCommands =
    [
        .. CoordinatorCommands,
        new() { Command = "coordinadores", Description = "Personas, consejos, último reporte; bajas" },
        new() { Command = "invitar", Description = "Crear un enlace de invitación" },
        new() { Command = "consejos", Description = "Ver y agregar consejos" },
        new() { Command = "importar", Description = "Cargar el POA desde un archivo" },
        new() { Command = "exportar", Description = "El reporte del POA en Excel" },
        new() { Command = "grafica", Description = "La gráfica de avance" },
        new() { Command = "justificar", Description = "Justificar actividades fuera del rango verde" },
        new() { Command = "reabrir", Description = "Reabrir un bimestre bloqueado" },
        new() { Command = "recordatorios", Description = "Calendario de recordatorios" },
    ];

    /// <summary>Shown in the empty chat before /start (at most 512 characters).</summary>
    internal const string Description =
        "Bot de la Dirección de Participación Ciudadana para el Programa Operativo Anual (POA). " +
        "Los coordinadores de los consejos reportan aquí sus reuniones, solicitudes, gestiones y programas sociales, " +
        "y la dirección consulta el avance del POA. Para empezar necesita una invitación de la dirección.";

    /// <summary>Shown on the bot's profile (at most 120 characters).</summary>
    internal const string ShortDescription = "Reportes y avance del POA de la Dirección de Participación Ciudadana.";

    public static async Task<string> RunAsync(ITelegramBotClient bot, Database database, TelegramOptions options, CancellationToken cancellationToken)
    {
        var me = await bot.GetMe(cancellationToken);
        var username = me.Username ?? "";
        database.Write(db => new AppSettings(db).Set(AppSettings.BotUsername, username));
        await bot.SetMyCommands(CoordinatorCommands, BotCommandScope.AllPrivateChats(), cancellationToken: cancellationToken);
        await bot.SetMyDescription(Description, cancellationToken: cancellationToken);
        await bot.SetMyShortDescription(ShortDescription, cancellationToken: cancellationToken);
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

    public static Task SetWebhookAsync(ITelegramBotClient bot, TelegramOptions options, CancellationToken cancellationToken) =>
        bot.SetWebhook(
            options.WebhookUrl!.AbsoluteUri,
            allowedUpdates: WantedUpdates.Select(u => Enum.Parse<UpdateType>(u.Replace("_", "", StringComparison.Ordinal), ignoreCase: true)),
            dropPendingUpdates: false,
            secretToken: options.WebhookSecret,
            cancellationToken: cancellationToken);
}
