namespace PoaBot.Core.Conversations;

/// <summary>What the chat says whatever the feature: the main keyboard, greetings, paging and help.</summary>
[UserTexts("Conversación: teclado, saludo, ayuda")]
public static class Texts
{
    public const string Report = "Reportar";
    public const string Summary = "Resumen";
    public const string Help = "Ayuda";
    public const string Back = "⬅️ Atrás";
    public const string Cancel = "✖️ Cancelar";

    public const string NextPage = "Ver más ▶️";

    public const string PreviousPage = "◀️ Anteriores";

    public static string PageOf(int page, int pages) => $"Página {page} de {pages}: toque «Ver más» o «Anteriores» para ver las demás opciones.";
    public const string Skip = "Omitir";

    public const string GroupsNotSupported =
        "Este bot solo funciona en conversaciones privadas. Por favor escríbame directamente.";

    public const string Unregistered =
        "Hola. Este bot es para el Programa Operativo Anual (POA) del municipio y solo lo usan personas registradas.\n" +
        "Para usarlo, pida su enlace de invitación a la dirección con la que trabaja y ábralo desde este teléfono.";

    public const string InviteInvalid =
        "Ese enlace de invitación no es válido. Pida uno nuevo a la dirección que se lo envió.";

    public const string InviteUsed =
        "Ese enlace de invitación ya se usó. Cada enlace sirve una sola vez; pida uno nuevo a la Dirección.";

    public const string InviteExpired =
        "Ese enlace de invitación ya venció. Pida uno nuevo a la dirección que se lo envió.";

    public const string StaleButton = "Ese botón es de un mensaje anterior; no se cambió nada.";

    public const string DirectorOnly = "Ese comando es solo para la Dirección. Si necesita algo, pídalo a la Dirección.";

    public const string Cancelled = "Listo, cancelé el reporte. No se guardó nada. Para empezar otro, toque <b>Reportar</b>.";

    public const string CancelledTask = "Listo, cancelado. No se cambió nada. Para ver todo lo que puedo hacer, toque <b>Ayuda</b>.";

    public const string NothingToCancel = "No hay nada en curso que cancelar. Para ver todo lo que puedo hacer, toque <b>Ayuda</b>.";

    public const string NoStepBack = "Aquí no hay un paso anterior; sigue pendiente esta pregunta:";

    public const string StateLost =
        "El bot se actualizó y no pudo retomar lo que usted estaba haciendo; no se guardó nada de eso. Disculpe: empiece de nuevo, por favor.";

    public const string YouAreWelcome = "¡Con gusto! Aquí estoy cuando necesite reportar algo: toque <b>Reportar</b>.";

    public const string Hello =
        "Para reportar una actividad toque <b>Reportar</b> (o escriba /reportar).\n" +
        "Para ver el avance del POA toque <b>Resumen</b>. Para ver todo lo que puedo hacer, toque <b>Ayuda</b>.";

    public const string OnlyText =
        "Por ahora solo entiendo texto, botones, y fotos o documentos de evidencia. Toque <b>Reportar</b> para empezar un reporte.";

    public const string PhotoOutsideReport =
        "Recibí su archivo, pero no hay un reporte en curso. Para adjuntarlo como evidencia, empiece con /reportar y envíelo cuando se lo pida.";

    public const string TooLong = "Su mensaje es muy largo (máximo {0} caracteres). Por favor resúmalo.";

    public const string EmptyText = "Necesito un texto. Por ejemplo: {0}";

    public const string NoWords = "Necesito la respuesta con palabras, no solo números o signos. Por ejemplo: {0}";

    public static string Greeting(string name) => $"Hola, {Html.Escape(name)}. {Hello}";

    public static string YourCouncils(string[] councils) => $"\n\nSus consejos: {string.Join(", ", councils.Select(Html.Escape))}.";

    /// <summary>On registering, or (<paramref name="again"/>) on a later /start, e.g. «Iniciar» tapped again.</summary>
    public static string Welcome(string name, bool director, bool again) =>
        (again ? $"Hola de nuevo, {Html.Escape(name)}. Está registrado(a) como " : $"¡Bienvenido(a), {Html.Escape(name)}! Ya quedó registrado(a) como ") +
        $"<b>{(director ? "director(a)" : "coordinador(a)")}</b>.\n\n" + Hello;
}
