using System.Globalization;
using System.Text;
using PoaBot.Core.Conversations;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Conversations;

/// <summary>
/// Thousands of random inputs from registered, deactivated and unknown people, groups and channels: random Unicode,
/// commands, forged and replayed callback data, photos and documents (written to disk as the downloader does). No
/// input may throw or go unanswered, and no evidence file may remain that nothing refers to.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const int Updates = 2_500;

    private readonly ChatWorld world = new();
    private readonly Random random = new(20241202);

    public void Dispose() => world.Dispose();

    private string Folder => EvidenceFiles.Folder(world.Settings.DataFolder);

    private string RandomText() => FuzzText.Text(random);

    private Input RandomInput(long userId, long chatId, bool isPrivate)
    {
        var at = world.Time.GetUtcNow();
        var seq = world.Database.Read(db => new ConversationStore(db).Load(chatId).Seq);
        switch (random.Next(10))
        {
            case 0 or 1:
                var data = FuzzText.Data(random, seq);
                return new Input(chatId, userId, RandomText(), InputKind.Button, at) { Data = data, IsPrivate = isPrivate };
            case 2:
                return Upload(userId, chatId, isPrivate, at);
            case 3:
                return new Input(chatId, userId, "", InputKind.Other, at) { IsPrivate = isPrivate };
            default:
                return new Input(chatId, userId, RandomText(), InputKind.Text, at) { Text = RandomText(), IsPrivate = isPrivate };
        }
    }

    /// <summary>A photo or document, kept on disk first as the downloader does, or refused with the downloader's reason.</summary>
    private Input Upload(long userId, long chatId, bool isPrivate, DateTimeOffset at)
    {
        var kind = random.Next(2) == 0 ? InputKind.Photo : InputKind.Document;
        var input = new Input(chatId, userId, "Ana", kind, at) { FileId = $"f{random.Next()}", FileName = kind == InputKind.Document ? RandomText() + ".txt" : null, IsPrivate = isPrivate };
        if (random.Next(5) == 0)
        {
            return input with { FileProblem = FileProblem.TooBig };
        }

        var bytes = Encoding.UTF8.GetBytes(RandomText());
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var path = Path.Combine(Folder, hash + (kind == InputKind.Photo ? ".jpg" : ".txt"));
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(path, bytes);
        return input with { FileHash = hash, FilePath = path };
    }

    [Fact]
    public void Thousands_of_random_updates_are_each_answered_kindly_and_leave_no_unreferenced_file()
    {
        var people = new List<(long User, long Chat, bool Private)>();
        var director = world.Director();
        people.Add((director.UserId, director.UserId, true));
        foreach (var (id, council) in new[] { (1L, "Consejo Centro"), (2L, "Consejo San Juan"), (3L, "Consejo El Rosario") })
        {
            world.Coordinator(id, council);
            people.Add((id, id, true));
        }

        world.Coordinator(4, "Consejo Centro");
        world.Database.Write(db => new PeopleStore(db).Deactivate(new PeopleStore(db).ByTelegramId(4)!.Id, null, "prueba", world.Time.GetUtcNow()));
        people.Add((4, 4, true)); // deactivated
        people.Add((77, 77, true)); // never registered
        people.Add((1, -100123, false)); // a group
        people.Add((0, -100999, false)); // a channel post: no «from»
        people.Add((0, 0, true)); // missing «from» and chat

        var silent = new List<string>();
        for (var i = 0; i < Updates; i++)
        {
            var (user, chat, isPrivate) = people[random.Next(people.Count)];
            var input = RandomInput(user, chat, isPrivate);
            var result = world.Database.Write(db => world.Engine.Handle(db, input));
            if (result.Replies.Count == 0 && result.ButtonAnswer is null)
            {
                silent.Add(string.Create(CultureInfo.InvariantCulture, $"{user}: {input.Kind} {input.Text ?? input.Data}"));
            }

            world.Time.Advance(TimeSpan.FromMinutes(random.Next(0, 90)));
            if (i % 40 == 0)
            {
                // Among the noise, real reports with evidence: some saved, some abandoned half-way.
                var id = random.Next(1, 4);
                var reporter = new Chat(world, id, "Coord").Send("/cancelar").Send("/reportar").Press("Reunión").Send("25").Send("Acuerdo");
                reporter.Handle(Upload(id, id, true, world.Time.GetUtcNow()));
                if (random.Next(2) == 0 && reporter.Buttons.Any(b => b.Label.Contains("Guardar", StringComparison.Ordinal)))
                {
                    reporter.Press("Guardar");
                }
            }
        }

        Assert.Empty(silent);
        Assert.NotEqual(0L, world.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM evidence WHERE hash IS NOT NULL")));
        AssertEveryFileIsReferenced(recordsOnly: false);

        // Once every conversation is over, only saved records hold files.
        foreach (var (user, chat, isPrivate) in people.Where(p => p.Private && p.User != 0))
        {
            world.Database.Write(db => world.Engine.Handle(db, new Input(chat, user, "Ana", InputKind.Text, world.Time.GetUtcNow()) { Text = "/cancelar", IsPrivate = isPrivate }));
        }

        AssertEveryFileIsReferenced(recordsOnly: true);
    }

    private void AssertEveryFileIsReferenced(bool recordsOnly)
    {
        var files = Directory.Exists(Folder) ? Directory.GetFiles(Folder).Select(f => Path.GetFileName(f).Split('.')[0]).ToList() : [];
        var unreferenced = world.Database.Read(db => files.Where(hash =>
            recordsOnly ? db.Single<long?>("SELECT 1 FROM evidence WHERE hash = @hash", new { hash }) is null : !EvidenceFiles.IsReferenced(db, hash)).ToList());
        Assert.Empty(unreferenced);
    }
}
