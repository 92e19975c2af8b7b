using PoaBot.Core.People;

namespace PoaBot.Core.Conversations;

/// <summary>Who may use a chat command: every registered person, or the Dirección only. Unregistered people reach none.</summary>
public enum CommandRole
{
    Registered,
    Director,
}

/// <summary>
/// One chat command: its name (a second word for a form such as «/resumen consejos»), other names, who may use it,
/// what it does in Spanish (for the Telegram menu and /ayuda) and what runs it, with the text after the name.
/// </summary>
public sealed record ChatCommand(string Name, CommandRole Role, string Description, Action<Turn, string> Run)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>An example of what follows the name in /ayuda, for the current year and the directorate's code (a folio).</summary>
    public Func<int, string, string>? Example { get; init; }

    /// <summary>In the menu and /ayuda; /start is not.</summary>
    public bool Listed { get; init; } = true;

    /// <summary>Only reads: the municipal planning office may use it. Every other command writes, or starts what does.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Works in one directorate: a person in several chooses which first, with one tap (not /start, /cancelar, /ayuda).</summary>
    public bool InDirectorate { get; init; } = true;

    /// <summary>Telegram's menu takes one lowercase word per command.</summary>
    public bool InMenu => Listed && !Name.Contains(' ', StringComparison.Ordinal);

    /// <summary>Whether a person with this role (in a directorate) may use the command.</summary>
    public bool Allows(string role) => role == Roles.Planning ? ReadOnly : Role == CommandRole.Registered || role == Roles.Director;

    public string HelpLine(int year, string code) =>
        $"/{Name}{(Example is null ? "" : " " + Example(year, code))} — {char.ToLowerInvariant(Description[0])}{Description[1..]}";

    public override string ToString() => $"/{Name} — {Description}{(Role == CommandRole.Director ? " (Dirección)" : "")}";
}

/// <summary>
/// Every chat command, in menu order. The role is checked here, once, for every command, in the directorate it goes to
/// (asked with one tap of a person in several); the Telegram menus of each role and the /ayuda text are written from this table.
/// </summary>
[UserTexts("Comandos del chat: menús y ayuda")]
public static class ChatCommands
{
    public static readonly IReadOnlyList<ChatCommand> All =
    [
        new("start", CommandRole.Registered, "Saludo y registro", (turn, _) => turn.Say(Registration.Welcome(turn.Person, again: true), mainKeyboard: true)) { Listed = false, ReadOnly = true, InDirectorate = false },
        new("reportar", CommandRole.Registered, "Registrar una reunión, solicitud, gestión, programa o acción", (turn, _) => ConversationEngine.Report(turn)),
        new("resumen", CommandRole.Registered, "Avance del POA: programado contra real", (turn, _) => SummaryFlow.Show(turn, SummaryView.Activities)) { ReadOnly = true },
        new("resumen trimestre", CommandRole.Registered, "Avance por trimestre", (turn, _) => SummaryFlow.Show(turn, SummaryView.Quarters)) { Aliases = ["resumen trimestral"], ReadOnly = true },
        new("misreportes", CommandRole.Registered, "Sus reportes, del más reciente; puede corregirlos o anularlos", (turn, _) => RecordsFlow.List(turn)),
        new("folio", CommandRole.Registered, "Ver un reporte por su folio", RecordsFlow.Show) { Example = (year, code) => Storage.RecordStore.Folio(year, 7, code), ReadOnly = true },
        new("cancelar", CommandRole.Registered, "Cancelar lo que esté haciendo", (turn, _) => ConversationEngine.Cancel(turn)) { ReadOnly = true, InDirectorate = false },
        new("ayuda", CommandRole.Registered, "Qué puede hacer este bot", (turn, _) => turn.Say(Help(turn.Person.Role, turn.Today.Year, turn.Directorate.Code), mainKeyboard: true)) { Aliases = ["help"], ReadOnly = true, InDirectorate = false },
        new("resumen consejos", CommandRole.Director, "Avance por consejo", (turn, _) => SummaryFlow.Show(turn, SummaryView.Councils)) { Aliases = ["resumen consejo"], ReadOnly = true },
        new("coordinadores", CommandRole.Director, "Personas, consejos, último reporte; bajas", (turn, _) => PeopleFlow.List(turn)) { Aliases = ["personas"] },
        new("invitar", CommandRole.Director, "Crear un enlace de invitación", (turn, _) => DirectorFlow.Invite(turn)),
        new("consejos", CommandRole.Director, "Ver y agregar consejos", (turn, _) => DirectorFlow.Councils(turn)),
        new("importar", CommandRole.Director, "Cargar el POA desde un archivo", (turn, _) => FilesFlow.StartImport(turn)),
        new("exportar", CommandRole.Director, "El reporte del POA en Excel", FilesFlow.Export) { ReadOnly = true },
        new("exportar pdf", CommandRole.Director, "El PDF para firmar", FilesFlow.Export) { ReadOnly = true },
        new("grafica", CommandRole.Director, "La gráfica de avance", (turn, _) => FilesFlow.Chart(turn)) { Aliases = ["gráfica"], ReadOnly = true },
        new("justificar", CommandRole.Director, "Justificar actividades fuera del rango verde", (turn, _) => CloseFlow.ListJustifications(turn)),
        new("reabrir", CommandRole.Director, "Reabrir un bimestre bloqueado", (turn, _) => CloseFlow.ListLocked(turn)),
        new("recordatorios", CommandRole.Director, "Calendario de recordatorios", (turn, _) => CloseFlow.Schedule(turn)) { ReadOnly = true },
    ];

    private static readonly Dictionary<string, ChatCommand> ByName =
        All.SelectMany(c => c.Aliases.Prepend(c.Name).Select(name => (name, c))).ToDictionary(e => e.name, e => e.c);

    /// <summary>The Telegram menu of a role: a director's holds every command of a coordinator's, then the Dirección's; Planeación's, those it may use.</summary>
    public static IEnumerable<ChatCommand> Menu(string role) => All.Where(c => c.InMenu && c.Allows(role));

    /// <summary>The command a person wrote: its two-word form first («/resumen consejos»), then its name; null if unknown.</summary>
    public static ChatCommand? Find(Command command) =>
        ByName.GetValueOrDefault($"{command.Name} {command.Arg.Split(' ', 2)[0].ToLowerInvariant()}") ?? ByName.GetValueOrDefault(command.Name);

    /// <summary>
    /// Runs a command the person may use, in the directorate where they may: when that is several, they choose with one tap
    /// (<see cref="DirectorateFlow"/>); while a report is being written, in its directorate (/reportar then offers it back).
    /// Refuses, kindly, one they may not use anywhere or one that does not exist.
    /// </summary>
    public static void Run(Turn turn, Command command)
    {
        if (Find(command) is not { } found)
        {
            turn.Say(Unknown(command.Name), mainKeyboard: true);
            return;
        }

        var places = found.InDirectorate && !turn.Chosen && !ConversationEngine.IsReport(turn.State)
            ? turn.Directorates.Where(d => found.Allows(d.Role)).ToList()
            : found.Allows(turn.Person.Role) ? [turn.Directorate] : [];
        switch (places)
        {
            case []:
                turn.Say(turn.Person.IsPlanning ? DirectorateText.ReadOnly : Texts.DirectorOnly);
                break;
            case [var only] when only.Id == turn.Directorate.Id:
                found.Run(turn, command.Arg);
                break;
            case [var only]:
                turn.RunIn = (only.Id, command);
                break;
            default:
                DirectorateFlow.Ask(turn, command, places);
                break;
        }
    }

    public static string Unknown(string command) => $"No conozco el comando /{Html.Escape(Html.Shorten(command, 30))}.\n\n{Texts.Hello}";

    public static string Help(string role, int year, string code) =>
        "<b>Lo que puedo hacer</b>\n" +
        string.Concat(All.Where(c => c.Listed && c.Role == CommandRole.Registered && c.Allows(role)).Select(c => c.HelpLine(year, code) + "\n")) +
        (role == Roles.Director ? "\n<b>Dirección</b>\n" + string.Concat(All.Where(c => c.Listed && c.Role == CommandRole.Director).Select(c => c.HelpLine(year, code) + "\n")) : "") +
        "\nEn cada paso puede tocar «Atrás» o «Cancelar».";
}
