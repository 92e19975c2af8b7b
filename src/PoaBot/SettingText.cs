using PoaBot.Core.Conversations;

namespace PoaBot;

/// <summary>Spanish messages for bad settings: each names the setting and its environment variable, never its value.</summary>
[UserTexts("Ajustes: errores de configuración al iniciar")]
public static class SettingText
{
    public static readonly string BadToken =
        $"{Named("Telegram:Token")} no tiene la forma de un token de bot: el número del bot, dos puntos y la clave, tal como lo entrega @BotFather (por ejemplo 123456:ABC-def…).";

    public static readonly string BadApiBaseUrl =
        $"{Named("Telegram:ApiBaseUrl")} debe ser una dirección completa que empiece con http:// o https:// (por ejemplo https://api.telegram.org).";

    public static readonly string BadWebhookUrl =
        $"{Named("Telegram:WebhookUrl")} debe ser la dirección pública completa, con https://, donde Telegram entregará los mensajes (por ejemplo https://poabot.municipio.gob.mx/telegram/webhook).";

    public static readonly string BadWebhookSecret =
        $"{Named("Telegram:WebhookSecret")} es obligatorio con Telegram:WebhookUrl: de 16 a 256 letras sin acentos, números, guiones (-) o guiones bajos (_); por ejemplo, el resultado de «openssl rand -hex 32».";

    public static readonly string WebhookNeedsUrls =
        $"{Named("Urls")} es obligatorio con Telegram:WebhookUrl: la dirección local donde el bot escucha detrás del proxy (por ejemplo http://127.0.0.1:8080).";

    public static readonly string BadTimeZone =
        $"{Named("Poa:TimeZone")} no es una zona horaria conocida (por ejemplo America/Mexico_City).";

    /// <summary>«el ajuste Telegram:Token (variable de entorno Telegram__Token)».</summary>
    public static string Named(string key) => $"El ajuste {key} (variable de entorno {key.Replace(":", "__", StringComparison.Ordinal)})";

    public static string Unreadable(string key) => $"{Named(key)} tiene un valor que no se puede leer; revise que sea del tipo que indica el README.";

    public const string BadSemaforo =
        "Los umbrales del semáforo deben cumplir Semaforo:Yellow ≤ Semaforo:Green ≤ Semaforo:Over (variables de entorno Semaforo__Yellow, Semaforo__Green y Semaforo__Over).";

    public const string BadReminders =
        "Los ajustes de recordatorios deben ser válidos: Reminders:DaysBefore (días antes, de 1 a 30), Reminders:At (hora HH:mm) y Reminders:QuietHours (HH:mm-HH:mm), " +
        "con variables de entorno Reminders__DaysBefore, Reminders__At y Reminders__QuietHours.";
}
