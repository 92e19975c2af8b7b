using PoaBot.Core.Conversations;
using PoaBot.Core.Reminders;
using PoaBot.Core.Reporting;

namespace PoaBot.CommandLine;

/// <summary>What the command line writes: the help (each verb's and option's description) and every message.</summary>
[UserTexts("Línea de comandos: ayuda y mensajes")]
public static class CliText
{
    // The help: what each verb, argument and option is for, and the names of the values to type.
    public const string About = "el POA de las direcciones del municipio, en Telegram";

    public static string Overview(string about) => $"PoaBot: {about}.\n\nUso: poabot <comando> [opciones]   (sin comando: run)\n\n";

    public const string OverviewEnd = "\nUse «poabot help COMANDO» para ver sus opciones; --version: " + Version + ".\n";

    public static string Use(string line) => $"Uso: {line}";

    public const string Help = "esta ayuda", HelpVerb = "la ayuda de todos los comandos, o de uno", Version = "versión y commit de este programa";

    public const string Command = "COMANDO", File = "ARCHIVO", Folder = "CARPETA", Name = "NOMBRE", Number = "NUM", Kind = "TIPO", Role = "ROL",
        Locality = "LOCALIDAD", Year = "AAAA", Date = "dd/mm/aaaa";

    public const string Run = "el bot de Telegram (necesita Telegram:Token)";

    public const string Local = "conversar con el bot en esta terminal, en su propia base de datos", LocalAs = "director o coordinador (si no, coordinador)",
        LocalDate = "la fecha de la conversación (si no, hoy)", LocalDatabase = "otra base de datos (si no, data/local.db, nunca la del bot)";

    public const string Import = "importar el POA (todo o nada)", ImportFile = "el POA: TSV o CSV exportado de la hoja";

    public const string Summary = "la tabla del POA a una fecha (o por trimestre, o por consejo)", ReportYear = "el POA de ese año (si no, el más reciente)",
        ReportAsOf = "la fecha de corte (si no, hoy)";

    public const string SummaryQuarterly = "por trimestre", SummaryCouncils = "por consejo", SummaryCsv = "en CSV";

    public const string Export = "el POA en Excel, PDF o CSV (uno o varios a la vez)", ExportXlsx = "el POA, los registros y la auditoría en Excel",
        ExportPdf = "el PDF para firmar: tabla, justificaciones y firmas", ExportCsv = "la tabla del POA en CSV (como summary --csv)";

    public const string Chart = "la gráfica de avance del POA en PNG", ChartFile = "la imagen PNG a escribir";

    public const string Activity = "las actividades del POA", ActivityKind = "cambiar el tipo de una actividad",
        ActivityNumber = "el número de la actividad en el POA";

    public const string Council = "los consejos", CouncilAdd = "agregar un consejo", CouncilImport = "agregar consejos desde un CSV: nombre, localidad",
        CouncilName = "el nombre del consejo", CouncilLocality = "la localidad del consejo", CouncilFile = "CSV con un consejo por renglón: nombre, localidad";

    public const string Invite = "una invitación de un solo uso", InviteRole = "coordinador, director o planeacion (obligatorio)",
        InviteCouncils = "los consejos de un coordinador";

    public const string Remind = "quién recibiría recordatorios ese día, y por qué", RemindDryRun = "solo mostrar, sin enviar nada",
        RemindDate = "el día a revisar (si no, hoy)";

    public const string Backup = "copia consistente de la base de datos", BackupFile = "dónde escribir la copia";

    public const string Status = "cómo está el bot en marcha (0 en orden, 1 con problemas)";

    public const string Restore = "volver a una copia de respaldo (con el bot detenido)", RestoreFolder = "la carpeta de la copia de respaldo";

    // A command line that cannot run: exit code 2, or 1 when something is left out.
    public static string UnknownCommand(string command) => $"No conozco el comando «{command}».";

    public static string NotUnderstood(string tokens, string command) => $"No entiendo «{tokens}» en «{command}».";

    public static string MissingValue(string option, string value) => $"Falta el valor de {option} ({value}).";

    public static string OnlyOnce(string option) => $"La opción {option} va una sola vez.";

    public const string NotUnderstoodLine = "No entiendo esa línea de comandos.";

    public const string SeeHelp = "Use «poabot help» para ver los comandos.";

    public static string SeeVerbHelp(string command) => $"Use «poabot help {command}» para ver cómo se usa.";

    /// <summary>A verb typed without its arguments.</summary>
    public static string Missing(IReadOnlyList<string> arguments) => $"Indique {string.Join(" y ", arguments)}.";

    /// <summary>A verb made of subcommands (<c>poabot council</c>) typed alone.</summary>
    public const string MissingWhatToDo = "Indique qué hacer.";

    public static string InvalidSettings(string problem) => $"Configuración inválida: {problem}";

    /// <summary>Who did it, in the audit trail.</summary>
    public static string Actor(string user) => $"línea de comandos ({user})";

    // Values the verbs read.
    public static string NotAYear(string text) => $"«{text}» no es un año; use por ejemplo --year 2024.";

    public static string NotADate(string text, string option, string example) => $"«{text}» no es una fecha; use dd/mm/aaaa, por ejemplo {option} {example}.";

    public static string NoPoa(int? year) =>
        year is null ? "Aún no hay ningún POA. Impórtelo con: poabot import ARCHIVO" : $"No hay POA {year}. Impórtelo con: poabot import ARCHIVO";

    public static string FileNotFound(string path) => $"No encontré el archivo «{path}». Revise la ruta y vuelva a intentarlo.";

    public static string IsTheDatabase(string path) => $"«{path}» es la base de datos del bot; elija otro nombre para el archivo.";

    public static string NoFolder(string folder) => $"La carpeta «{folder}» no existe; créela o elija otra ruta.";

    public static string CannotWrite(string path, string problem) => $"No pude escribir «{path}»: {problem}";

    // The verbs' messages.
    public const string MissingToken =
        "Falta el token del bot de Telegram: configure el ajuste Telegram:Token (variable de entorno Telegram__Token). " +
        "Para probar sin Telegram use: dotnet run --project src/PoaBot -- local";

    public const string AlreadyRunning = "Ya hay un bot en marcha con esta base de datos; no se inició otro.";

    public static string NothingImported(string problem) => $"No se importó nada: {problem}";

    public const string ExportWhich = "Indique el archivo: poabot export --xlsx ARCHIVO.xlsx, poabot export --pdf ARCHIVO.pdf o poabot export --csv ARCHIVO.csv";

    public const string Workbook = "Libro de Excel";

    public static string Written(string what, int year, DateOnly asOf, string path) => $"{what} del POA {year}, {Numbers.AsOfPhrase(year, asOf)}, escrito en {path}.";

    public static string ChartWritten(int year, DateOnly asOf, IReadOnlyList<string> paths) =>
        $"Gráfica del POA {year}, {Numbers.AsOfPhrase(year, asOf)}: " +
        (paths.Count == 1 ? $"escrita en {paths[0]}." : $"{paths.Count} páginas, escritas en {string.Join(", ", paths)}.");

    public static string KindUse(string kinds) => Use($"poabot activity kind NUM TIPO   (TIPO: {kinds})");

    public static string NotAKind(string text, string kinds) => $"«{text}» no es un tipo. Use uno de estos: {kinds}.";

    public static string NoActivity(string number) => $"No encontré la actividad {number}.";

    public static string KindChanged(string number, int year, string kind) => $"Actividad {number} del POA {year}: ahora es de {kind}.";

    public static string CouncilExists(string name) => $"Ya existe un consejo llamado «{name}».";

    public static string CouncilAdded(string name) => $"Consejo «{name}» agregado.";

    public const string NoCouncilsInFile = "El archivo no tiene consejos. Cada renglón debe ser: nombre, localidad";

    public static string CouncilsAdded(int added, int existing) => $"{added} consejo(s) agregado(s); {existing} ya existía(n).";

    public const string InviteWhichRole = "Indique el rol: --role coordinador --council NOMBRE, --role director o --role planeacion";

    public const string InviteNeedsCouncil = "Una invitación de coordinador necesita al menos un consejo: --council NOMBRE";

    public static string NoSuchCouncil(string council) => $"No existe el consejo «{council}». Agréguelo con: poabot council add \"{council}\"";

    /// <summary>The invitation: a code and a link; the link needs the bot's username, known once the bot has connected.</summary>
    public static string Invitation(string role, DateOnly expires, string code, string? username) =>
        $"Invitación de {role} (un solo uso; vence el {Numbers.Date(expires)}):\n  Código: {code}\n  Enlace: https://t.me/{username ?? "<usuario_del_bot>"}?start={code}" +
        (username is null ? "\n  (El nombre de usuario del bot se conoce cuando «poabot run» se conecta a Telegram por primera vez.)" : "");

    public const string RemindOnlyDryRun = "El bot envía los recordatorios solo mientras corre («poabot run»). Use --dry-run para ver quién los recibiría.";

    public static string NoReminder(DateOnly day, DateTime next, string bimester) =>
        $"El {Numbers.Date(day)} no toca ningún recordatorio. El siguiente: {next:dd/MM/yyyy HH:mm} ({bimester}).";

    public static string Reminders(DateOnly day, TimeOnly at, string bimester, int? daysBefore, int count) =>
        $"{Numbers.Date(day)} {at:HH\\:mm} — {bimester} ({ReminderText.Moment(daysBefore)}): {count} mensaje(s)";

    public const string NobodyPending = "  Nadie tiene pendientes: no se envía nada.";

    public static string BackupWritten(string path) => $"Copia escrita en {path}.";

    public static string NotABackup(string folder, string file) => $"La carpeta {folder} no contiene una copia de PoaBot (falta {file}).";

    public const string StopFirst = "El bot está en marcha con esta base de datos. Deténgalo primero (sudo systemctl stop poabot) y vuelva a intentarlo.";

    public static string Restored(string safety, string folder, int files) =>
        $"Se guardó el estado anterior en {safety}.\nSe restauró la base de datos desde {folder} y {files} archivos (evidencias y exportaciones).";

    // poabot local: the chat in a terminal.
    public const string LocalWhichRole = "Use --as director o --as coordinador.";

    public static string LocalHasPeople(string path, int people) =>
        $"La base de datos {path} tiene {(people == 1 ? "una persona registrada" : $"{people} personas registradas")} en el bot: " +
        "«local» no agrega personas de prueba a una base con personas reales. " +
        "Use el archivo propio de «local» (data/local.db, sin --db) u otro archivo nuevo con --db.";

    public static string LocalOtherYear(DateOnly today, string years, int example) =>
        $"Hoy es {Numbers.Date(today)} y el POA cargado es de {years}. Para probar con ese POA use --fecha, por ejemplo: --fecha 15/04/{example}";

    public static string LocalStart(string role, DateOnly today) =>
        $"Conversación local como {PeopleText.Role(role)}, fecha {Numbers.Date(today)}. Escriba sus mensajes; para tocar un botón escriba lo que muestra entre corchetes ([1], [a]); " +
        "«/foto» envía una foto de prueba; «/archivo RUTA» envía un documento; «salir» termina.\n";

    public static string LocalName(bool director) => director ? "Directora (local)" : "Coordinador (local)";

    public const string LocalBye = "Hasta luego.";

    public static string LocalDocument(string path) => $"  📎 archivo: {path}";

    /// <summary>«Atrás» and «Cancelar» are typed as words in the terminal, so a number can still be an answer.</summary>
    public static string LocalTypeInstead(bool back, bool cancel) =>
        $"  (o escriba: {string.Join(" · ", new[] { back ? "atrás" : null, cancel ? "cancelar" : null }.OfType<string>())})";

    public const string LocalKeyboard = $"  (teclado: {Texts.Report} · {Texts.Summary} · {Texts.Help})";

    public const string LocalSamplePoa = "La base de datos estaba vacía: cargué el POA 2024 de ejemplo (el de la Dirección de Participación Ciudadana).";

    public static string LocalSampleCouncils(int count) => $"Agregué {count} consejos de ejemplo.";
}
