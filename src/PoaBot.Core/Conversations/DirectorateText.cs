namespace PoaBot.Core.Conversations;

/// <summary>Several directorates in one deployment: the choice of a person in several, the planning office, the command line.</summary>
[UserTexts("Direcciones: elegir dirección, Planeación, línea de comandos")]
public static class DirectorateText
{
    public const string AskWhich = "¿Para qué dirección?";

    public const string TapOne = "Toque el botón de la dirección, o escriba su número.";

    public const string ReadOnly =
        "Planeación consulta el avance de todas las direcciones (/resumen, /exportar, /grafica), pero no registra ni cambia nada.";

    public static string PlanningWelcome(string name, bool again) =>
        (again ? $"Hola de nuevo, {Html.Escape(name)}. Está registrado(a) en " : $"¡Bienvenido(a), {Html.Escape(name)}! Ya quedó registrado(a) en ") +
        "<b>Planeación</b>: puede consultar el avance de todas las " +
        "direcciones con /resumen, /exportar y /grafica.";

    /// <summary>A directorate in a list: «DPC · Participación Ciudadana».</summary>
    public static string Line(string code, string name) => name.Length > 0 ? $"{code} · {name}" : code;

    /// <summary>A directorate in a sentence: «la Dirección de Participación Ciudadana», or «la Dirección» while it has no name.</summary>
    public static string The(string name) => name.Length > 0 ? $"la Dirección de {Html.Escape(name)}" : "la Dirección";

    /// <summary>The first line of /resumen and its views when the deployment has several directorates: whose POA it is.</summary>
    public static string Heading(string code, string name) => $"🏛 <b>{Html.Escape(Line(code, name))}</b>\n";

    public static string Added(string code, string name) => $"Dirección {code} «{name}» agregada. Sus folios serán {code}-AAAA-0001.";

    public static string Updated(string code) => $"Dirección {code} actualizada.";

    public static string CodeTaken(string code) => $"Ya existe la dirección {code}.";

    public static string BadCode(string code) => $"«{code}» no sirve como clave: use de 2 a 10 letras mayúsculas o dígitos, por ejemplo DOP.";

    public static string Unknown(string code, IEnumerable<string> codes) =>
        $"No existe la dirección «{code}». Las direcciones son: {string.Join(", ", codes)}.";

    public static string Required(IEnumerable<string> codes) =>
        $"Hay varias direcciones: indique cuál con --directorate CLAVE ({string.Join(", ", codes)}).";

    public const string VerbHelp = "las direcciones", AddHelp = "agregar una dirección", SetHelp = "cambiar el nombre o los ajustes de una dirección",
        OptionHelp = "la dirección (obligatoria cuando hay varias)", CodeHelp = "la clave de la dirección, prefijo de sus folios (DPC)",
        NameHelp = "el nombre de la dirección en reportes",
        SettingsHelp = "sus ajustes propios: {\"Semaforo\": {\"Green\": 95}, \"Reminders\": {\"At\": \"10:00\"}, \"Report\": {\"Authorized\": {\"Name\": \"…\", \"Position\": \"…\"}}}";

    public const string BadSettings =
        "Los ajustes deben ser un objeto JSON con Semaforo (Green, Yellow, Over), Reminders (DaysBefore, At, QuietHours) " +
        "o Report (Prepared, Reviewed, Authorized: Name, Position), con Yellow ≤ Green ≤ Over y horas HH:mm.";

    /// <summary>A row of <c>poabot directorate list</c>; a directorate without a name of its own takes Poa:Directorate's or the POA file's.</summary>
    public static string ListLine(string code, string name, bool ownSettings) =>
        $"{code}\t{(name.Length > 0 ? name : "(nombre de Poa:Directorate o del POA importado)")}{(ownSettings ? "\tajustes propios" : "")}";
}
