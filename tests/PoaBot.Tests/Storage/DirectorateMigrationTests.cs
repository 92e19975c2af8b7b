using Dapper;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Storage;

/// <summary>Migration 14: a single-directorate database becomes directorate 1, DPC, with nothing lost.</summary>
public sealed class DirectorateMigrationTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 5, 3, 18, 0, 0, TimeSpan.Zero);

    private readonly string folder = Directory.CreateTempSubdirectory("poabot-v13-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_single_directorate_database_becomes_directorate_DPC_with_every_row_roles_counters_and_invites_kept()
    {
        var database = new Database(Path.Combine(folder, "poabot.db"));
        database.MigrateTo(13);
        database.Write(db => db.Execute(
            """
            INSERT INTO poa (year, directorate) VALUES (2024, 'Dirección de Participación Ciudadana');
            INSERT INTO activity (poa_id, num, position, name, objective, detected_kind, goal) VALUES (1, '1', 1, 'REUNIONES', '', 'meeting', 20);
            INSERT INTO activity_target (activity_id, bimester, prog) VALUES (1, 2, 4);
            INSERT INTO council (name, locality) VALUES ('Consejo Centro', 'Centro'), ('Consejo Norte', '');
            INSERT INTO council (name, locality, is_document) VALUES ('Documento POA', '', 1);
            INSERT INTO person (telegram_id, name, role, active, created_at) VALUES
                (900, 'Directora', 'director', 1, '2024-01-02T18:00:00.000Z'),
                (1, 'Ana', 'coordinador', 1, '2024-01-02T18:00:00.000Z'),
                (2, 'Beto', 'coordinador', 0, '2024-01-02T18:00:00.000Z');
            INSERT INTO person_council (person_id, council_id) VALUES (2, 1), (3, 2);
            INSERT INTO invite (token_hash, role, created_at, expires_at) VALUES ('AB', 'coordinador', '2024-05-01T18:00:00.000Z', '2024-05-08T18:00:00.000Z');
            INSERT INTO invite_council (invite_id, council_id) VALUES (1, 2);
            INSERT INTO folio_sequence (year, last) VALUES (2024, 2);
            INSERT INTO record (folio, activity_id, council_id, kind, event_date, count, attendees, created_by, created_at) VALUES
                ('DPC-2024-0001', 1, 1, 'meeting', '2024-03-05', 1, 20, 2, '2024-03-05T18:00:00.000Z'),
                ('DPC-2024-0002', 1, 3, 'baseline', '2024-02-29', 3, NULL, NULL, '2024-03-01T18:00:00.000Z');
            INSERT INTO evidence (record_id, position, file_id, kind, added_at) VALUES (1, 1, 'f-1', 'photo', '2024-03-05T18:00:00.000Z');
            INSERT INTO audit (at, actor, action, record_id, field, old_value, new_value, reason) VALUES ('2024-03-06T18:00:00.000Z', 'Directora', 'amend', 1, 'attendees', '19', '20', 'Error');
            INSERT INTO bimester_reopen (year, bimester, until, reason, actor, at) VALUES (2024, 1, '2024-06-01T00:00:00.000Z', 'Faltó', 'Directora', '2024-05-01T18:00:00.000Z');
            INSERT INTO reminder_sent (person_id, year, bimester, kind, sent_at) VALUES (2, 2024, 2, 'before7', '2024-04-24T15:00:00.000Z');
            INSERT INTO conversation (chat_id, state, updated_at) VALUES (1, '{"Seq":3}', '2024-05-01T18:00:00.000Z');
            """));
        var before = Rows(database);

        database.Migrate();

        Assert.Equal(before, Rows(database));
        database.Write(db =>
        {
            var directorate = Assert.Single(new DirectorateStore(db).All());
            Assert.Equal((1L, "DPC", ""), (directorate.Id, directorate.Code, directorate.Name));
            var people = new PeopleStore(db);
            Assert.Equal(
                [("Directora", Roles.Director, true), ("Ana", Roles.Coordinator, true), ("Beto", Roles.Coordinator, false)],
                new[] { 900L, 1, 2 }.Select(id => people.ByTelegramId(id)!).Select(p => (p.Name, p.Role, p.Active)));
            Assert.Equal(["Consejo Centro", "Consejo Norte"], people.Councils().Select(c => c.Name));
            Assert.Equal(2024, new PoaStore(db).Find(2024)!.Year);
            Assert.True(new CalendarStore(db).IsReopened(2024, 1, Now));
            Assert.Contains((2L, "before7"), new CalendarStore(db).RemindersSent(2024, 2));

            // The folio counter goes on where it was.
            var next = new RecordStore(db).Insert(new RecordRow { ActivityId = 1, CouncilId = 1, Kind = ActivityKind.Meeting, EventDate = new DateOnly(2024, 5, 2), Attendees = 9, CreatedAt = Now });
            Assert.Equal("DPC-2024-0003", next.Folio);
        });

        // An invite made before the migration still registers its person, with its role and councils.
        var redeemed = database.Write(db =>
        {
            db.Execute("UPDATE invite SET token_hash = @hash", new { hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("payload"u8)) });
            return new PeopleStore(db).Redeem("payload", 3, "Carla", Now);
        });
        Assert.Equal(RedeemResult.Registered, redeemed);
        database.Read(db =>
        {
            var people = new PeopleStore(db);
            Assert.Equal((Roles.Coordinator, true), (people.ByTelegramId(3)!.Role, people.ByTelegramId(3)!.Active));
            return Assert.Single(people.CouncilsOf(people.ByTelegramId(3)!.Id), c => c.Name == "Consejo Norte");
        });
    }

    /// <summary>Every row of the tables the old schema had, in the columns both schemas have.</summary>
    private static string Rows(Database database)
    {
        string[] tables = ["poa", "activity", "activity_target", "import_warning", "council", "person", "person_council", "invite", "invite_council",
            "record", "record_tally", "evidence", "audit", "conversation", "justification", "bimester_reopen", "reminder_sent", "app_setting"];
        string[] moved = ["role", "active", "directorate_id", "planning"];
        using var connection = database.Open();
        return string.Join('\n', tables.SelectMany(t =>
        {
            var columns = connection.Query<string>($"SELECT name FROM pragma_table_info('{t}')").Except(moved).ToList();
            return connection.Query<string>($"SELECT {string.Join(" || '|' || ", columns.Select(c => $"coalesce({c}, '∅')"))} FROM \"{t}\" ORDER BY 1").Select(r => $"{t}: {r}");
        }));
    }
}
