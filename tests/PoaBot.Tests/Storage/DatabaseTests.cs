using Dapper;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Storage;

public sealed class DatabaseTests : IDisposable
{
    private TestDatabase test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void Every_connection_is_durable_with_wal_full_sync_and_foreign_keys()
    {
        using var connection = test.Database.Open();

        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(2L, connection.ExecuteScalar<long>("PRAGMA synchronous"));
        Assert.Equal(1L, connection.ExecuteScalar<long>("PRAGMA foreign_keys"));
        Assert.True(connection.ExecuteScalar<long>("PRAGMA busy_timeout") > 0);
    }

    [Fact]
    public void A_statement_run_again_in_a_transaction_binds_its_new_values_and_one_that_failed_is_prepared_again()
    {
        var read = test.Database.Write(db =>
        {
            db.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            foreach (var (id, v) in new[] { (1L, "a"), (2L, "b"), (3L, (string?)null) })
            {
                db.Execute("INSERT INTO t (id, v) VALUES (@id, @v)", new { id, v });
            }

            // The same SQL again and again, with new values each time (each statement is prepared once per transaction).
            var nested = new List<string>();
            foreach (var id in db.Query<long>("SELECT id FROM t WHERE id >= @from ORDER BY id", new { from = 1L }))
            {
                nested.Add($"{id}:{string.Join(',', db.Query<long>("SELECT id FROM t WHERE id >= @from ORDER BY id", new { from = id }))}");
            }

            Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => db.Execute("INSERT INTO t (id, v) VALUES (@id, @v)", new { id = 1L, v = "dup" }));
            db.Execute("INSERT INTO t (id, v) VALUES (@id, @v)", new { id = 4L, v = "d" });
            return (nested, db.Single<string>("SELECT v FROM t WHERE id = @id", new { id = 2L }), db.Scalar<long>("SELECT count(*) FROM t WHERE v IS NULL"));
        });

        Assert.Equal(["1:1,2,3", "2:2,3", "3:3"], read.nested);
        Assert.Equal("b", read.Item2);
        Assert.Equal(1L, read.Item3);
        Assert.Equal("d", test.Database.Read(db => db.Single<string>("SELECT v FROM t WHERE id = 4")));
    }

    [Theory, OnSqlite, OnPostgres]
    public void Migrations_bring_a_new_file_to_the_latest_version_and_running_them_again_changes_nothing(string provider)
    {
        test = test.On(provider);
        var before = test.Fingerprint();

        test.Database.Migrate();

        Assert.Equal(Database.LatestVersion, test.Database.SchemaVersion());
        Assert.Equal(before, test.Fingerprint());
    }

    [Fact]
    public void Tables_are_strict_and_refuse_text_in_a_count()
    {
        var error = Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() => test.Database.Write(db =>
            db.Execute("INSERT INTO poa (directorate_id, year, directorate) VALUES (1, 'dos mil', 'x')")));

        Assert.Contains("cannot store TEXT value in INTEGER column", error.Message, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_failed_write_rolls_back_everything_it_did(string provider)
    {
        test = test.On(provider);
        Assert.Throws<InvalidOperationException>(() => test.Database.Write(db =>
        {
            db.Execute("INSERT INTO poa (directorate_id, year, directorate) VALUES (1, 2024, 'x')");
            throw new InvalidOperationException("falla a la mitad");
        }));

        Assert.Equal(0L, test.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM poa")));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_record_round_trips_with_its_folio_and_a_void_keeps_who_when_and_why(string provider)
    {
        test = test.On(provider);
        var now = new DateTimeOffset(2024, 4, 2, 17, 0, 0, TimeSpan.Zero);
        var (saved, voided, audit) = test.Database.Write(db =>
        {
            var poa = db.Scalar<long>("INSERT INTO poa (directorate_id, year, directorate) VALUES (1, 2024, 'x') RETURNING id");
            var activity = db.Scalar<long>("INSERT INTO activity (poa_id, num, position, name, objective, detected_kind, goal) VALUES (@poa, '1', 1, 'REUNIONES', '', 'meeting', 20) RETURNING id", new { poa });
            var council = db.Scalar<long>("INSERT INTO council (directorate_id, name, locality) VALUES (1, 'Consejo Centro', 'Centro') RETURNING id");
            var records = new RecordStore(db);
            var record = records.Insert(new RecordRow { ActivityId = activity, CouncilId = council, Kind = ActivityKind.Meeting, EventDate = new DateOnly(2024, 4, 2), Attendees = 25, Agreements = "Bacheo", CreatedAt = now });
            var result = records.Void(record.Id, "Directora", "Duplicado", now);
            return (record, records.Get(record.Id)!, new AuditStore(db).ForRecord(record.Id));
        });

        Assert.Equal(("DPC-2024-0001", 25L, "Consejo Centro"), (saved.Folio, saved.Attendees!.Value, saved.CouncilName));
        Assert.Equal(("Directora", "Duplicado"), (voided.VoidedBy, voided.VoidReason));
        Assert.Equal(("void", "vigente", "anulado"), (audit[0].Action, audit[0].OldValue, audit[0].NewValue));
    }

    [Fact]
    public void Migration_7_keeps_every_record_and_link_and_then_accepts_a_kind_the_old_schema_refused()
    {
        var folder = Directory.CreateTempSubdirectory("poabot-test-").FullName;
        try
        {
            var old = new Database(Path.Combine(folder, "poabot.db"));
            old.MigrateTo(6);
            long managed = 0;
            old.Write(db =>
            {
                var poa = db.Scalar<long>("INSERT INTO poa (year, directorate) VALUES (2024, 'x') RETURNING id");
                var activity = db.Scalar<long>("INSERT INTO activity (poa_id, num, name, objective, detected_kind, goal) VALUES (@poa, 1, 'SOLICITUDES', '', 'request_received', 20) RETURNING id", new { poa });
                var council = db.Scalar<long>("INSERT INTO council (name, locality) VALUES ('Consejo Centro', 'Centro') RETURNING id");
                var request = db.Scalar<long>(
                    "INSERT INTO record (folio, activity_id, council_id, kind, event_date, count, subject, created_at) VALUES ('DPC-2024-0001', @activity, @council, 'request_received', '2024-04-02', 1, 'Bacheo', '1970-01-01T00:00:00.000Z') RETURNING id",
                    new { activity, council });
                managed = db.Scalar<long>(
                    "INSERT INTO record (folio, activity_id, council_id, kind, event_date, count, ref_id, created_at) VALUES ('DPC-2024-0002', @activity, @council, 'request_managed', '2024-04-03', 1, @request, '1970-01-01T00:00:00.000Z') RETURNING id",
                    new { activity, council, request });
                db.Execute("INSERT INTO folio_sequence (year, last) VALUES (2024, 2)");
                db.Execute("UPDATE record SET voided_at = '2024-04-04T18:00:00.000Z', voided_by = 'Directora', void_reason = 'Duplicado' WHERE id = @managed", new { managed });
                Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() => db.Execute("UPDATE activity SET detected_kind = 'training'"));
            });
            var before = Rows(old);

            old.Migrate();

            Assert.Equal(before, Rows(old));
            old.Write(db =>
            {
                db.Execute("UPDATE activity SET detected_kind = 'training'");
                new RecordStore(db).Insert(new RecordRow { ActivityId = 1, CouncilId = 1, Kind = ActivityKind.Training, EventDate = new DateOnly(2024, 4, 5), Attendees = 12, CreatedAt = DateTimeOffset.UnixEpoch });
            });
            Assert.Equal(2L, old.Read(db => db.Scalar<long>("SELECT sum(total) FROM record_tally")));
            Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() => old.Write(db => db.Execute("UPDATE record SET ref_id = 99 WHERE id = @managed", new { managed })));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        static string Rows(Database database) => database.Read(db => string.Join('\n', db.Query<RecordRow>("SELECT * FROM record ORDER BY id")
            .Select(r => $"{r.Folio}|{r.Kind}|{r.RefId}|{r.VoidedAt}|{r.Subject}")
            .Concat(db.Query<string>("SELECT activity_id || ':' || total || ':' || records FROM record_tally"))));
    }

    [Fact]
    public void Migration_13_moves_the_single_evidence_file_of_each_record_into_the_evidence_table()
    {
        var folder = Directory.CreateTempSubdirectory("poabot-test-").FullName;
        try
        {
            var old = new Database(Path.Combine(folder, "poabot.db"));
            old.MigrateTo(12);
            var hash = new string('c', 64);
            var saved = new DateTimeOffset(2024, 4, 2, 18, 0, 0, TimeSpan.Zero);
            var (withFile, without) = old.Write(db =>
            {
                var poa = db.Scalar<long>("INSERT INTO poa (year, directorate) VALUES (2024, 'x') RETURNING id");
                var activity = db.Scalar<long>("INSERT INTO activity (poa_id, num, position, name, objective, detected_kind, goal) VALUES (@poa, '1', 1, 'REUNIONES', '', 'meeting', 20) RETURNING id", new { poa });
                var council = db.Scalar<long>("INSERT INTO council (name, locality) VALUES ('Consejo Centro', 'Centro') RETURNING id");
                const string Meeting =
                    "INSERT INTO record (folio, activity_id, council_id, kind, event_date, count, attendees, created_at) VALUES (@folio, @activity, @council, 'meeting', @date, 1, @attendees, '2024-04-02T18:00:00.000Z') RETURNING id";
                var a = db.Scalar<long>(Meeting, new { folio = "DPC-2024-0001", activity, council, date = "2024-04-02", attendees = 25 });
                var b = db.Scalar<long>(Meeting, new { folio = "DPC-2024-0002", activity, council, date = "2024-04-03", attendees = 9 });
                db.Execute("UPDATE record SET evidence_file_id = 'f-1', evidence_hash = @hash, evidence_kind = 'photo' WHERE id = @a", new { hash, a });
                db.Execute(
                    "INSERT INTO conversation (chat_id, state, updated_at) VALUES (7, @state, '2024-04-05T18:00:00.000Z')",
                    new { state = $$"""{"Task":{"flow":"report","Draft":{"ActivityId":{{activity}},"EvidenceFileId":"f-2","EvidenceHash":"{{new string('d', 64)}}","EvidenceIsPhoto":true},"Position":"card","Step":"Report"},"Seq":4}""" });
                return (a, b);
            });

            old.Migrate();

            var files = old.Read(db => (new EvidenceStore(db).ForRecord(withFile), new EvidenceStore(db).ForRecord(without)));
            var file = Assert.Single(files.Item1);
            Assert.Equal(("f-1", hash, "photo", saved), (file.FileId, file.Hash, file.Kind, file.AddedAt));
            Assert.Empty(files.Item2);
            Assert.True(old.Read(db => EvidenceFiles.IsReferenced(db, hash)));
            var draft = old.Read(db => new ConversationStore(db).Load(7)).Report!.Draft;
            var kept = Assert.Single(draft.Evidence);
            Assert.Equal(("f-2", new string('d', 64), "photo"), (kept.FileId, kept.Hash, kept.Kind));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_chat_id_past_2_to_the_31_is_kept_and_council_names_that_differ_only_in_case_are_one_council(string provider)
    {
        test = test.On(provider);
        const long chatId = 7_000_000_000;

        var (state, added, found) = test.Database.Write(db =>
        {
            new ConversationStore(db).Save(chatId, new Core.Conversations.ConversationState { Seq = 3 }, DateTimeOffset.UnixEpoch);
            var people = new Core.People.PeopleStore(db);
            people.AddCouncil("Consejo Centro", "");
            return (new ConversationStore(db).Load(chatId), people.AddCouncil("CONSEJO centro", ""), people.Council("consejo CENTRO"));
        });

        Assert.Equal(3, state.Seq);
        Assert.False(added);
        Assert.Equal("Consejo Centro", found?.Name);
    }

    [Fact]
    public void A_second_bot_on_the_same_sqlite_file_is_refused_until_the_first_one_ends()
    {
        using (var first = test.Database.TryHoldInstance())
        {
            Assert.NotNull(first);
            Assert.Null(test.Database.TryHoldInstance());
        }

        using var next = test.Database.TryHoldInstance();
        Assert.NotNull(next);
    }

    [Theory, OnPostgres]
    public void On_postgresql_a_chat_is_handled_by_one_instance_at_a_time_and_an_update_handled_meanwhile_is_not_taken_again(string provider)
    {
        test = test.On(provider);
        var other = new Database(new PostgresDialect(test.ConnectionString!, test.Folder));
        var now = DateTimeOffset.UnixEpoch;
        test.Database.Write(db =>
        {
            new InboxStore(db).Add(1, 5, "{}", now);
            new InboxStore(db).Add(2, 6, "{}", now);
        });

        test.Database.Write(db =>
        {
            Assert.True(db.Sql.ClaimChat(db, 5, 1));
            other.Write(o =>
            {
                Assert.False(o.Sql.ClaimChat(o, 5, 1));
                Assert.True(o.Sql.ClaimChat(o, 6, 2));
            });
            new InboxStore(db).Done(1, now);
        });

        Assert.False(other.Write(o => o.Sql.ClaimChat(o, 5, 1)));
        Assert.True(test.Database.TryHoldInstance() is not null && other.TryHoldInstance() is not null);
    }

    [Theory, OnPostgres]
    public async Task On_postgresql_one_instance_leads_a_role_and_another_takes_over_when_it_ends(string provider)
    {
        test = test.On(provider);
        var other = new PostgresDialect(test.ConnectionString!, test.Folder);

        var first = await test.Database.Dialect.LeadAsync("sender", TimeProvider.System, CancellationToken.None);
        var second = other.LeadAsync("sender", TimeProvider.System, CancellationToken.None);
        await using (await other.LeadAsync("scheduler", TimeProvider.System, CancellationToken.None))
        {
            // The other role is free; this one cannot be taken while held, however long the second one tries.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.False(second.IsCompleted);
        }

        await first.DisposeAsync();
        await using var taken = await second.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Every_sqlite_migration_after_the_postgres_baseline_has_a_postgres_twin_and_both_end_at_the_same_version()
    {
        var sqlite = Migrations.For("sqlite").Select(m => m.Version).ToList();
        var postgres = Migrations.For("postgresql").Select(m => m.Version).ToList();

        Assert.Equal(sqlite.Where(v => v >= postgres[0]), postgres);
    }

    [Fact]
    public void Instants_are_stored_in_utc_with_z_so_they_sort()
    {
        var text = Instants.Format(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.FromHours(-6)));

        Assert.Equal("2024-03-01T06:00:00.000Z", text);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 6, 0, 0, TimeSpan.Zero), Instants.Parse(text));
    }
}
