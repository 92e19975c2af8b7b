using Microsoft.Extensions.Time.Testing;
using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.People;
using PoaBot.Core.Reminders;
using PoaBot.Core.Samples;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Conversations;

/// <summary>
/// The seed POA on a real database (SQLite unless told), three councils, and people who chat with the pure engine.
/// The clock starts on 15/04/2024 at noon, Mexico City.
/// </summary>
public sealed class ChatWorld : IDisposable
{
    private readonly TestDatabase test;

    public ChatWorld(string provider = TestDatabase.Sqlite)
        : this(new DateTimeOffset(2024, 4, 15, 18, 0, 0, TimeSpan.Zero), provider)
    {
    }

    public ChatWorld(DateTimeOffset start, string provider = TestDatabase.Sqlite)
    {
        test = new TestDatabase(provider);
        Clock = MunicipalClock.Create(Time, MunicipalClock.DefaultZone);
        Time.SetUtcNow(start);
        Settings = new EngineSettings(SemaforoThresholds.Default, BimesterRules.Default, ReminderSettings.Default, Clock) { DataFolder = test.Folder };
        Engine = new ConversationEngine(Clock, Settings);
        PoaImporter.Import(Database, PoaDocumentParser.Parse(SampleData.PoaBytes()), "prueba", "poa.txt", Time.GetUtcNow());
        Database.Write(db =>
        {
            var people = new PeopleStore(db);
            people.AddCouncil("Consejo Centro", "Cabecera");
            people.AddCouncil("Consejo San Juan", "San Juan");
            people.AddCouncil("Consejo El Rosario", "El Rosario");
        });
    }

    public FakeTimeProvider Time { get; } = new();

    public MunicipalClock Clock { get; }

    public ConversationEngine Engine { get; }

    public EngineSettings Settings { get; }

    public Database Database => test.Database;

    public string Fingerprint(params string[] except) => test.Fingerprint(except);

    public string Invite(string role, params string[] councils) => InviteIn(1, role, councils);

    /// <summary>An invite to a directorate (its id), with its councils there.</summary>
    public string InviteIn(long directorate, string role, params string[] councils) =>
        Database.Write(db =>
        {
            var people = new PeopleStore(db.In(directorate));
            return people.CreateInvite(role, councils.Select(c => people.Council(c)!.Id).ToList(), Time.GetUtcNow(), TimeSpan.FromDays(7));
        });

    /// <summary>Another directorate with the sample POA imported and its own councils; returns its id.</summary>
    public long AddDirectorate(string code, string name, params string[] councils) =>
        Database.Write(db =>
        {
            new DirectorateStore(db).Add(code, name, settings: null);
            var there = db.In(new DirectorateStore(db).ByCode(code)!.Id);
            PoaImporter.Apply(there, PoaDocumentParser.Parse(SampleData.PoaBytes()), "prueba", "poa.txt", Time.GetUtcNow());
            foreach (var council in councils)
            {
                new PeopleStore(there).AddCouncil(council, "");
            }

            return there.Directorate;
        });

    /// <summary>Someone of the municipal planning office: reads every directorate, writes nothing.</summary>
    public Chat Planning(long id = 800)
    {
        var chat = new Chat(this, id, "Planeación");
        chat.Send($"/start {Invite(Roles.Planning)}");
        return chat;
    }

    /// <summary>A person registered through an invite.</summary>
    public Chat Coordinator(long id, params string[] councils)
    {
        var chat = new Chat(this, id, $"Coord {id}");
        chat.Send($"/start {Invite(Roles.Coordinator, councils)}");
        return chat;
    }

    public Chat Director(long id = 900)
    {
        var chat = new Chat(this, id, "Directora");
        chat.Send($"/start {Invite(Roles.Director)}");
        return chat;
    }

    public Chat Stranger(long id) => new(this, id, "Desconocido");

    public IReadOnlyList<RecordRow> Records() =>
        Database.Read(db => db.Query<RecordRow>("SELECT r.*, c.name AS council_name FROM record r JOIN council c ON c.id = r.council_id WHERE r.kind <> 'baseline' ORDER BY r.id").ToList());

    /// <summary>A record's evidence rows, in order.</summary>
    public IReadOnlyList<(string FileId, string? Hash, string Kind, long Position)> Evidence(long recordId) =>
        Database.Read(db => db.Query<(string, string?, string, long)>(
            "SELECT file_id, hash, kind, position FROM evidence WHERE record_id = @recordId ORDER BY position", new { recordId }).ToList());

    public void Dispose() => test.Dispose();
}

/// <summary>One person's chat: send text, press buttons by label, read what the bot said.</summary>
public sealed class Chat(ChatWorld world, long userId, string name)
{
    private readonly List<TurnResult> turns = [];

    public long UserId => userId;

    public TurnResult Last => turns[^1];

    /// <summary>The text of the last turn's replies, joined.</summary>
    public string Said => string.Join("\n", Last.Replies.Select(r => r.Html));

    public IReadOnlyList<Button> Buttons => Last.Replies.LastOrDefault(r => r.Buttons.Count > 0)?.Buttons.SelectMany(b => b).ToList() ?? [];

    public Chat Send(string text) => Handle(Input.FromText(userId, name, text, world.Time.GetUtcNow()));

    public Chat Press(string label)
    {
        var button = Buttons.FirstOrDefault(b => b.Label.Contains(label, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No button '{label}' in: {string.Join(" | ", Buttons.Select(b => b.Label))}\n{Said}");
        return PressData(button.Data);
    }

    public Chat PressData(string data) => Handle(Input.FromButton(userId, name, data, world.Time.GetUtcNow()));

    /// <summary>A photo as the transport hands it over once downloaded: its hash is that of its file id (one file per id).</summary>
    public Chat SendPhoto(string fileId = "foto-1", FileProblem? problem = null, string? album = null) =>
        Handle(new Input(userId, userId, name, InputKind.Photo, world.Time.GetUtcNow())
        {
            FileId = fileId,
            FileUniqueId = "u-" + fileId,
            FileHash = problem is null ? HashOf(fileId) : null,
            FileProblem = problem,
            MediaGroupId = album,
        });

    public static string HashOf(string fileId) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fileId)));

    public Chat SendDocument(string path, FileProblem? problem = null, string fileId = "doc-1") =>
        Handle(new Input(userId, userId, name, InputKind.Document, world.Time.GetUtcNow())
        {
            FileId = fileId,
            FileName = Path.GetFileName(path),
            FilePath = problem is null ? path : null,
            FileProblem = problem,
        });

    public Chat SendSticker() => Handle(new Input(userId, userId, name, InputKind.Other, world.Time.GetUtcNow()));

    public Chat Handle(Input input)
    {
        turns.Add(world.Database.Write(db => world.Engine.Handle(db, input)).RenderFiles(world.Database));
        return this;
    }

    /// <summary>Runs a whole report of a meeting for the only council: 25 attendees, no evidence, saved.</summary>
    public Chat ReportMeeting(string agreements = "Bacheo de la calle Hidalgo") =>
        Send("/reportar").Press("Reunión").Send("25").Send(agreements).Press("Omitir").Press("Guardar");

    /// <summary>A meeting's report for the only council up to its card (25 attendees, «Acuerdos», no evidence), dated today.</summary>
    public Chat MeetingCard() => Send("/reportar").Press("Reunión").Send("25").Send("Acuerdos").Press("Omitir");

    public Chat ReportRequest(string subject = "Alumbrado en calle Morelos") =>
        Send("/reportar").Press("Solicitud recibida").Send(subject).Press("Omitir").Send("Obras Públicas").Press("Omitir").Press("Guardar");
}
