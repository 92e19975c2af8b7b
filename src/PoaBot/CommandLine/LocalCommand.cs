using System.CommandLine;
using System.Globalization;
using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.People;
using PoaBot.Core.Reporting;
using PoaBot.Core.Samples;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary>
/// <c>poabot local [--as director|coordinador] [--fecha dd/mm/aaaa] [--db ARCHIVO]</c>: a terminal chat with the same engine,
/// on its own database (<c>Storage:LocalPath</c>, data/local.db), which it refuses to share with real people.
/// Buttons show as choices typed by number (the label's own number when it has one) or, beside numbered entries, by
/// letter; «/foto» sends a sample photo as evidence; «salir» ends.
/// </summary>
public static partial class LocalCommand
{
    private const long DirectorId = 1;
    private const long CoordinatorId = 2;

    private static readonly Option<string?> As = new("--as") { HelpName = CliText.Role, Description = CliText.LocalAs };

    private static readonly Option<string?> Day = new("--fecha") { HelpName = CliText.Date, Description = CliText.LocalDate };

    /// <summary>The database the terminal chat works on: its own file unless --db names another.</summary>
    public static readonly Option<string?> DatabaseFile = new("--db") { HelpName = CliText.File, Description = CliText.LocalDatabase };

    public static Verb Verb { get; } = new("local", CliText.Local, RunAsync) { As, Day, DatabaseFile };

    private static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var role = (context.Args.GetValue(As) ?? Roles.Coordinator).ToLowerInvariant();
        // The terminal has one person per role it offers; Planeación is not one of them.
        if (role is not (Roles.Director or Roles.Coordinator))
        {
            return context.Fail(CliText.LocalWhichRole);
        }

        var clock = context.Get<MunicipalClock>();
        DateOnly? fecha = null;
        if (context.Args.GetValue(Day) is { } text)
        {
            if (!DateText.TryParse(text, clock.Today, clock.Today.Year, out var parsed))
            {
                return context.Fail(CliText.NotADate(text, Day.Name, Numbers.Date(DateText.Example(clock.Today.Year, clock.Today))));
            }

            fecha = parsed;
        }

        var database = context.Get<Database>();
        if (database.Read(db => new PeopleStore(db).All().Count(p => p.TelegramId is not (DirectorId or CoordinatorId))) is > 0 and var real)
        {
            return context.Fail(CliText.LocalHasPeople(database.Path, real));
        }

        var output = context.Output;
        var userId = role == Roles.Director ? DirectorId : CoordinatorId;
        var (notes, registered) = Prepare(database, clock, role, userId);
        await output.WriteLineAsync(notes);
        var today = fecha ?? clock.Today;
        var years = database.Read(db => new PoaStore(db).Years());
        if (!years.Contains(today.Year))
        {
            await output.WriteLineAsync(CliText.LocalOtherYear(today, string.Join(", ", years), years.Count > 0 ? years[^1] : today.Year));
        }

        await output.WriteLineAsync(CliText.LocalStart(role, today));
        var engine = context.Get<ConversationEngine>();
        Dictionary<string, Button> buttons = [];
        var photos = 0; // each «/foto» is another sample photo, so several can go with one report
        var name = CliText.LocalName(role == Roles.Director);
        // The first session registers the local person: welcomed as new; a later one greeted back, as /start does.
        var greeting = registered
            ? new TurnResult([new Reply(database.Read(db => Registration.Registered(new PeopleStore(db), userId))) { MainKeyboard = true }])
            : Handle(database, engine, Input.FromText(userId, name, "/start", Now(clock, fecha)));
        Show(output, greeting, ref buttons);
        while (!cancellationToken.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            var line = await context.Input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim().ToLowerInvariant() is "salir" or "/salir" or "exit")
            {
                await output.WriteLineAsync(CliText.LocalBye);
                return 0;
            }

            var at = Now(clock, fecha);
            var input = buttons.TryGetValue(line.Trim().ToLowerInvariant(), out var chosen)
                ? Input.FromButton(userId, name, chosen.Data, at)
                : line.Trim() == "/foto"
                    ? new Input(userId, userId, name, InputKind.Photo, at) { FileId = $"local-foto-{++photos}", FileHash = photos.ToString("D64", CultureInfo.InvariantCulture) }
                    : line.TrimStart().StartsWith("/archivo ", StringComparison.Ordinal)
                        ? LocalFile(userId, name, line.Trim()[9..].Trim().Trim('"'), at)
                        : Input.FromText(userId, name, line, at);
            Show(output, Handle(database, engine, input), ref buttons);
        }

        return 0;
    }

    /// <summary>«/archivo RUTA» sends a file from this computer, as a person would attach a document.</summary>
    private static Input LocalFile(long userId, string name, string path, DateTimeOffset at) =>
        new(userId, userId, name, InputKind.Document, at)
        {
            FileId = "local-archivo",
            FileName = Path.GetFileName(path),
            FilePath = Path.GetFullPath(path),
            FileProblem = File.Exists(path) ? null : FileProblem.NotFound,
        };

    private static TurnResult Handle(Database database, ConversationEngine engine, Input input) =>
        database.Write(db => engine.Handle(db, input)).RenderFiles(database);

    /// <summary>The moment of an input: now, or the same time of day on the --fecha day.</summary>
    private static DateTimeOffset Now(MunicipalClock clock, DateOnly? fecha) =>
        fecha is { } day ? clock.ToInstant(day, TimeOnly.FromDateTime(clock.LocalDateTime(clock.Now))) : clock.Now;

    private static void Show(TextWriter output, TurnResult result, ref Dictionary<string, Button> buttons)
    {
        if (!string.IsNullOrEmpty(result.ButtonAnswer))
        {
            output.WriteLine($"({result.ButtonAnswer})");
        }

        foreach (var reply in result.Replies)
        {
            output.WriteLine(Html.ToPlain(reply.Html));
            if (reply.DocumentPath is { } path)
            {
                output.WriteLine(CliText.LocalDocument(path));
            }

            // Numbered choices; «Atrás» and «Cancelar» are typed as words, so a number can still be an answer.
            var all = reply.Buttons.SelectMany(r => r).ToList();
            if (all.Count > 0)
            {
                buttons = [];
                foreach (var (key, label, button) in Keys(all.Where(b => b.Label is not (Texts.Back or Texts.Cancel))))
                {
                    buttons[key] = button;
                    output.WriteLine($"  [{key}] {label}");
                }

                if (buttons.Count < all.Count)
                {
                    output.WriteLine(CliText.LocalTypeInstead(all.Any(b => b.Label == Texts.Back), all.Any(b => b.Label == Texts.Cancel)));
                }
            }

            if (reply.MainKeyboard)
            {
                // A task ended: its choices are gone, so a number typed next is text again.
                buttons = [];
                output.WriteLine(CliText.LocalKeyboard);
            }

            output.WriteLine();
        }
    }

    /// <summary>
    /// What to type for each choice, and its label: a button that starts with its own number («1. Reunión de consejo», an
    /// entry of a list) is chosen by that number, shown once; the others by 1, 2, 3… or, beside numbered entries (the
    /// «Anular» of an entry, «Ver más», «Listo»), by a, b, c…
    /// </summary>
    private static IEnumerable<(string Key, string Label, Button Button)> Keys(IEnumerable<Button> choices)
    {
        var own = choices.Select(b => (Button: b, Number: OwnNumber().Match(b.Label))).ToList();
        var numbered = own.Where(c => c.Number.Success).Select(c => c.Number.Groups[1].Value).ToList();
        var mixed = numbered.Count > 0 && numbered.Distinct().Count() == numbered.Count;
        var other = 0;
        foreach (var (button, number) in own)
        {
            yield return mixed && number.Success ? (number.Groups[1].Value, button.Label[number.Length..], button)
                : mixed ? (((char)('a' + other++)).ToString(), button.Label, button)
                : ((++other).ToString(CultureInfo.InvariantCulture), button.Label, button);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,3})\. ")]
    private static partial System.Text.RegularExpressions.Regex OwnNumber();

    /// <summary>On an empty database, loads the sample POA and councils; makes sure the local person exists (registered: true when it did not).</summary>
    private static (string Notes, bool Registered) Prepare(Database database, MunicipalClock clock, string role, long userId) =>
        database.Write(db =>
        {
            var notes = new List<string>();
            var people = new PeopleStore(db);
            if (new PoaStore(db).Years().Count == 0)
            {
                var document = PoaDocumentParser.Parse(SampleData.PoaBytes());
                notes.Add(CliText.LocalSamplePoa);
                PoaImporter.Apply(db, document, "poabot local", SampleData.PoaFileName, clock.Now);
            }

            if (people.Councils().Count == 0)
            {
                foreach (var (name, locality) in SampleData.Councils)
                {
                    people.AddCouncil(name, locality);
                }

                notes.Add(CliText.LocalSampleCouncils(SampleData.Councils.Count));
            }

            var person = people.ByTelegramId(userId);
            var register = person is null || !person.Active || person.Role != role;
            if (register)
            {
                var councils = role == Roles.Coordinator ? people.Councils().Take(2).Select(c => c.Id).ToList() : [];
                var payload = people.CreateInvite(role, councils, clock.Now, TimeSpan.FromMinutes(5));
                people.Redeem(payload, userId, CliText.LocalName(role == Roles.Director), clock.Now);
            }

            return (string.Join('\n', notes), register);
        });
}
