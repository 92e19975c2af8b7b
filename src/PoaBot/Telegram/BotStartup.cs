using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>At start-up: who the bot is (for invite links), its commands in Spanish, and no webhook, without dropping pending updates.</summary>
public static class BotStartup
{
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

    public static async Task<string> RunAsync(ITelegramBotClient bot, Database database, CancellationToken cancellationToken)
    {
        var me = await bot.GetMe(cancellationToken);
        var username = me.Username ?? "";
        database.Write(db => new AppSettings(db).Set(AppSettings.BotUsername, username));
        await bot.SetMyCommands(CoordinatorCommands, BotCommandScope.AllPrivateChats(), cancellationToken: cancellationToken);
        await bot.SetMyDescription(Description, cancellationToken: cancellationToken);
        await bot.SetMyShortDescription(ShortDescription, cancellationToken: cancellationToken);
        // Each director's own menu: CommandMenus.
        await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
        return username;
    }
}
