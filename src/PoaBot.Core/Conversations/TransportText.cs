namespace PoaBot.Core.Conversations;

/// <summary>Why the transport could not keep a file a person sent; the flow that asked for it says so in words.</summary>
public enum FileProblem
{
    /// <summary>Over Telegram's 20 MB limit for bots.</summary>
    TooBig,

    /// <summary>The download failed.</summary>
    Failed,

    /// <summary>The download took longer than Telegram:DownloadTimeout.</summary>
    TooSlow,

    /// <summary>The local chat's «/archivo RUTA» named no file.</summary>
    NotFound,
}

/// <summary>What the Telegram transport shows or sends by itself: the bot's profile, failures around a message. (Menus: <see cref="ChatCommands"/>.)</summary>
[UserTexts("Telegram: perfil y fallas de transporte")]
public static class TransportText
{
    /// <summary>Shown in the empty chat before /start (at most 512 characters).</summary>
    public const string Description =
        "Bot del Programa Operativo Anual (POA) de las direcciones del municipio. " +
        "Los coordinadores de los consejos reportan aquí sus reuniones, solicitudes, gestiones y programas sociales, " +
        "y cada dirección consulta el avance de su POA. Para empezar necesita una invitación de su dirección.";

    /// <summary>Shown on the bot's profile (at most 120 characters).</summary>
    public const string ShortDescription = "Reportes y avance del POA de las direcciones del municipio.";

    /// <summary>Sent when handling a message failed for good.</summary>
    public const string Apology =
        "Lo siento, tuve un problema con su último mensaje y no pude procesarlo. Ya quedó anotado para revisión; por favor intente de nuevo en unos minutos.";

    /// <summary>Sent for an update the bot cannot read (an unknown value in it).</summary>
    public const string Unreadable =
        "Recibí un mensaje suyo que todavía no sé leer, así que no lo tomé en cuenta. Por favor envíelo de nuevo como texto, foto o archivo, o escriba /ayuda.";

    /// <summary>Why a file was not kept, and what to do: send another, or tap <paramref name="way"/> (the button that goes on without it).</summary>
    public static string File(FileProblem problem, string way) =>
        problem switch
        {
            FileProblem.TooBig => $"El archivo pesa más de 20 MB y Telegram no me deja descargarlo. Envíe una foto o un archivo más ligero, o toque «{way}».",
            FileProblem.TooSlow => $"La descarga del archivo tardó demasiado y la detuve. Por favor envíelo de nuevo, o toque «{way}».",
            FileProblem.NotFound => $"No encontré ese archivo en esta computadora. Revise la ruta y envíelo de nuevo, o toque «{way}».",
            _ => $"No pude descargar el archivo. Por favor envíelo de nuevo, o toque «{way}».",
        };
}
