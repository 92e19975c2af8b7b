using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Import;

public sealed class PoaImporterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 11, 25, 18, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase test = new();

    public void Dispose() => test.Dispose();

    private ImportReport Import(byte[] bytes, string source = "poa.txt") =>
        PoaImporter.Import(test.Database, PoaDocumentParser.Parse(bytes), "prueba", source, Now);

    private IReadOnlyList<ActivityProgress> Summary(DateOnly asOf) =>
        test.Database.Read(db =>
        {
            var store = new PoaStore(db);
            return store.Progress(store.Find(2024)!, asOf, SemaforoThresholds.Default);
        });

    [Fact]
    public void Importing_the_seed_creates_the_activities_with_their_targets_goals_and_kinds()
    {
        Import(SeedDocuments.Bytes);

        var activities = test.Database.Read(db => new PoaStore(db).Activities(new PoaStore(db).Find(2024)!.Id));
        Assert.Equal([20, 30, 15, 2], activities.Select(a => a.Goal));
        Assert.Equal([0, 1, 0, 0, 9, 10], activities[0].Prog);
        Assert.Equal([0, 0, 7, 0, 0, 8], activities[2].Prog);
        Assert.Equal(
            [ActivityKind.Meeting, ActivityKind.RequestReceived, ActivityKind.RequestManaged, ActivityKind.SocialProgram],
            activities.Select(a => a.Kind));
        Assert.StartsWith("Promover la participación", activities[0].Objective, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seeds_real_cells_become_baseline_records_of_the_document_council_dated_at_the_bimesters_end()
    {
        Import(SeedDocuments.Bytes);

        var records = test.Database.Read(db => new RecordStore(db).ForActivity(new PoaStore(db).Activities(1)[0].Id));
        Assert.Equal(
            [(new DateOnly(2024, 4, 30), 1L), (new DateOnly(2024, 12, 31), 10L)],
            records.Select(r => (r.EventDate, r.Count)));
        Assert.All(records, r => Assert.Equal((ActivityKind.Baseline, ImportText.DocumentCouncil), (r.Kind, r.CouncilName)));
        Assert.Equal([11, 11, 8, 2], Summary(new DateOnly(2025, 1, 1)).Select(a => a.RealAcum));
    }

    [Fact]
    public void Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        Import(SeedDocuments.Bytes);
        var before = test.Fingerprint();

        var second = Import(SeedDocuments.Bytes);

        Assert.False(second.Changed);
        Assert.Equal(before, test.Fingerprint());
    }

    [Fact]
    public void A_re_import_that_changes_prog_records_the_reprogramacion_old_to_new()
    {
        Import(SeedDocuments.Bytes);
        var changed = SeedDocuments.WithRow(4, r => [.. r[..6], "0", .. r[7..16], "1", .. r[17..]]);

        var report = Import(changed, "poa-v2.txt");

        Assert.Contains(report.Changes, c => c.Contains("reprogramación 1 → 0", StringComparison.Ordinal));
        var audit = test.Database.Read(db => new AuditStore(db).All());
        var reprogram = Assert.Single(audit, a => a.Action == "reprogram" && a.Field == "PROG Mar/Abr");
        Assert.Equal(("1", "0", "prueba"), (reprogram.OldValue, reprogram.NewValue, reprogram.Actor));
        Assert.Contains("poa-v2.txt", reprogram.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_re_import_replaces_the_earlier_baseline_without_deleting_it()
    {
        Import(SeedDocuments.Bytes);
        var changed = SeedDocuments.WithRow(2, r => [.. r[..7], "12", "-3", .. r[9..23], "12", "-18"]);

        Import(changed);

        var records = test.Database.Read(db => new RecordStore(db).ForActivity(new PoaStore(db).Activities(1)[1].Id));
        Assert.Equal([(11L, true), (12L, false)], records.Select(r => (r.Count, r.IsVoided)));
    }

    [Fact]
    public void Where_the_bot_already_has_records_in_a_bimester_the_import_reports_the_difference_instead_of_adding()
    {
        Import(SeedDocuments.Bytes);
        test.Database.Write(db =>
        {
            var activity = new PoaStore(db).Activities(1)[3];
            var council = db.Scalar<long>("INSERT INTO council (directorate_id, name) VALUES (1, 'Consejo Centro') RETURNING id");
            new RecordStore(db).Insert(new RecordRow { ActivityId = activity.Id, CouncilId = council, Kind = ActivityKind.SocialProgram, EventDate = new DateOnly(2024, 8, 10), Count = 1, Subject = "Despensas", CreatedAt = Now });
        });
        var changed = SeedDocuments.WithRow(4, r => [.. r[..13], "3", .. r[14..23], "4", "2"]);

        var report = Import(changed);

        Assert.Contains(report.Warnings, w => w.Message.Contains("el documento dice 3 y el bot tiene 1 registrado(s) más 1 de línea base; no se agregó nada", StringComparison.Ordinal));
        Assert.Equal(3, Summary(new DateOnly(2025, 1, 1))[3].RealAcum);
        Assert.DoesNotContain(report.Changes, c => c.Contains("Jul/Ago", StringComparison.Ordinal));
    }

    [Fact]
    public void Importing_the_same_file_again_after_the_bot_recorded_in_a_bimester_changes_no_count()
    {
        Import(SeedDocuments.Bytes);
        test.Database.Write(db =>
        {
            var activity = new PoaStore(db).Activities(1)[0];
            var council = db.Scalar<long>("INSERT INTO council (directorate_id, name) VALUES (1, 'Consejo Centro') RETURNING id");
            new RecordStore(db).Insert(new RecordRow { ActivityId = activity.Id, CouncilId = council, Kind = ActivityKind.Meeting, EventDate = new DateOnly(2024, 4, 10), Count = 1, CreatedAt = Now });
        });
        var before = Summary(new DateOnly(2025, 1, 1)).Select(a => a.RealAcum).ToList();

        var report = Import(SeedDocuments.Bytes);

        Assert.False(report.Changed);
        Assert.Equal(before, Summary(new DateOnly(2025, 1, 1)).Select(a => a.RealAcum));
    }

    [Fact]
    public void A_baseline_cell_the_director_voided_is_not_brought_back_by_a_re_import()
    {
        Import(SeedDocuments.Bytes);
        test.Database.Write(db =>
        {
            var wrong = new RecordStore(db).ForActivity(new PoaStore(db).Activities(1)[0].Id).Single(r => r.Count == 10);
            Assert.Equal(VoidResult.Voided, new RecordStore(db).Void(wrong.Id, "Directora", "Era lo programado, no lo realizado", Now));
        });

        Import(SeedDocuments.Bytes);

        Assert.Equal(1, Summary(new DateOnly(2025, 1, 1))[0].RealAcum);
    }

    [Fact]
    public void After_migration_12_a_re_import_still_tells_a_baseline_it_replaced_from_one_the_director_voided()
    {
        var old = new Database(Path.Combine(test.Folder, "v11.db"));
        old.MigrateTo(11);
        old.Write(db => db.Execute(
            """
            INSERT INTO poa (year, directorate) VALUES (2024, 'x');
            INSERT INTO activity (poa_id, num, position, name, objective, detected_kind, goal) VALUES (1, '1', 1, 'REUNIONES', '', 'meeting', 20);
            INSERT INTO council (name, locality, is_document) VALUES ('POA', '', 1);
            INSERT INTO folio_sequence (year, last) VALUES (2024, 2);
            INSERT INTO record (folio, activity_id, council_id, kind, event_date, count, created_at, voided_at, voided_by, void_reason) VALUES
                ('DPC-2024-0001', 1, 1, 'baseline', '2024-04-30', 1, '2024-05-01T18:00:00.000Z', '2024-06-01T18:00:00.000Z', 'importación', 'Reimportación: se reemplaza la línea base'),
                ('DPC-2024-0002', 1, 1, 'baseline', '2024-12-31', 10, '2024-05-01T18:00:00.000Z', '2024-06-01T18:00:00.000Z', 'Directora', 'Era lo programado, no lo realizado');
            """));

        old.Migrate();
        var report = PoaImporter.Import(old, PoaDocumentParser.Parse(SeedDocuments.Bytes), "prueba", "poa.txt", Now);

        // Mar-Abr (1), replaced by an earlier re-import, comes back; Nov-Dic (10), voided by the director, does not.
        var real = old.Read(db => new PoaStore(db).Progress(new PoaStore(db).Find(2024)!, new DateOnly(2025, 1, 1), SemaforoThresholds.Default))[0].RealAcum;
        Assert.Equal(1, real);
        Assert.Single(report.Warnings, w => w.Message == ImportText.BaselineVoided("1", Bimesters.ShortName(6), 10));
    }

    [Fact]
    public void A_kind_override_survives_re_import()
    {
        Import(SeedDocuments.Bytes);
        test.Database.Write(db => new PoaStore(db).OverrideKind(2024, "4", ActivityKind.Generic, "prueba", Now));

        Import(SeedDocuments.Bytes);

        Assert.Equal(ActivityKind.Generic, test.Database.Read(db => new PoaStore(db).Activities(1)[3].Kind));
    }

    [Fact]
    public void The_import_warnings_are_kept_for_the_director()
    {
        Import(SeedDocuments.Bytes);

        var warnings = test.Database.Read(db => new PoaStore(db).ImportWarnings(1));
        Assert.Contains(warnings, w => w.Message.StartsWith("Realineación", StringComparison.Ordinal));
        Assert.Equal(4, warnings.Count(w => w.ActivityNum is not null));
    }
}
