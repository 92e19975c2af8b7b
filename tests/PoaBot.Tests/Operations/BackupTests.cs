using Dapper;
using PoaBot.Core.Storage;
using PoaBot.Operations;
using PoaBot.Tests.CommandLine;

namespace PoaBot.Tests.Operations;

public sealed class BackupTests : IDisposable
{
    private static readonly DateTime Night = new(2024, 4, 2, 3, 0, 0);
    private readonly TestDatabase test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void A_backup_restored_brings_back_the_same_rows_and_the_evidence_files()
    {
        AddPoa(2024);
        WriteEvidence("foto.jpg", "imagen original");
        var before = test.Fingerprint();
        var backups = Path.Combine(test.Folder, "copias");

        var backup = Backups.Create(test.Database, backups, Night);
        AddPoa(2025);
        WriteEvidence("foto.jpg", "cambiada");
        var (safety, files) = Backups.Restore(test.Database, backup.Folder, Night.AddHours(1));

        Assert.Equal(before, test.Fingerprint());
        Assert.Equal("imagen original", File.ReadAllText(Path.Combine(test.Database.EvidenceFolder, "foto.jpg")));
        Assert.Equal(1, files);
        Assert.True(File.Exists(Path.Combine(safety.Folder, Backups.DatabaseFile)), "the state before the restore is kept");
        Assert.False(Directory.Exists(Path.Combine(backup.Folder, "copias")), "a backup never contains the backup folder");
    }

    [Fact]
    public void Rotation_keeps_only_the_newest_backups()
    {
        var folder = Path.Combine(test.Folder, "copias");
        for (var day = 0; day < 4; day++)
        {
            Backups.Create(test.Database, folder, Night.AddDays(day));
        }

        var removed = Backups.Rotate(folder, keep: 2);

        Assert.Equal(2, removed.Count);
        Assert.Equal(["poabot-20240404-030000", "poabot-20240405-030000"], Directory.GetDirectories(folder).Select(Path.GetFileName).Order());
        Assert.Equal(new DateOnly(2024, 4, 5), Backups.LastDate(folder));
    }

    [Theory]
    [InlineData("2024-04-02 02:59", null, false)]
    [InlineData("2024-04-02 03:00", null, true)]
    [InlineData("2024-04-02 10:00", "2024-04-02", false)]
    [InlineData("2024-04-03 03:01", "2024-04-02", true)]
    public void A_backup_is_due_once_a_day_after_its_hour(string now, string? last, bool due) =>
        Assert.Equal(due, Housekeeping.BackupDue(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeSpan(3, 0, 0), last is null ? null : DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_database_newer_than_the_binary_is_refused_and_left_untouched()
    {
        test.Database.Write(db => db.Execute($"PRAGMA user_version = {Database.LatestVersion + 1}"));

        var error = Assert.Throws<SchemaTooNewException>(() => new Database(test.Path).Migrate());

        Assert.Contains("versión más nueva de PoaBot", error.Message, StringComparison.Ordinal);
        Assert.Equal(Database.LatestVersion + 1, test.Database.SchemaVersion());
    }

    [Fact]
    public async Task The_command_line_refuses_a_newer_database_with_a_clear_message()
    {
        test.Database.Write(db => db.Execute($"PRAGMA user_version = {Database.LatestVersion + 1}"));

        var (exit, _, error) = await new CliRunner(test.Path).RunAsync(["summary"]);

        Assert.Equal(1, exit);
        Assert.Contains("versión más nueva de PoaBot", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_migration_first_copies_the_database_as_it_was()
    {
        var folder = Directory.CreateTempSubdirectory("poabot-old-").FullName;
        try
        {
            var old = new Database(Path.Combine(folder, "poabot.db"));
            old.MigrateTo(1);

            old.Migrate();

            var copy = old.PreMigrationBackupPath(1);
            Assert.True(File.Exists(copy));
            Assert.Equal(1L, new Database(copy).SchemaVersion());
            Assert.Equal(Database.LatestVersion, old.SchemaVersion());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Restore_refuses_while_the_bot_holds_the_database()
    {
        var backup = Backups.Create(test.Database, Path.Combine(test.Folder, "copias"), Night);
        AddPoa(2024);
        var before = test.Fingerprint();

        int exit;
        string error;
        using (ProcessLock.TryAcquire(test.Path))
        {
            (exit, _, error) = await new CliRunner(test.Path).RunAsync(["restore", backup.Folder]);
        }

        Assert.Equal(1, exit);
        Assert.Contains("El bot está en marcha", error, StringComparison.Ordinal);
        Assert.Equal(before, test.Fingerprint());

        var (restored, output, _) = await new CliRunner(test.Path).RunAsync(["restore", backup.Folder]);
        Assert.Equal(0, restored);
        Assert.Contains("Se restauró la base de datos", output, StringComparison.Ordinal);
        Assert.NotEqual(before, test.Fingerprint());
    }

    [Fact]
    public void Pruning_deletes_only_old_finished_inbox_and_outbox_rows()
    {
        test.Database.Write(db =>
        {
            db.Execute("INSERT INTO inbox (update_id, chat_id, payload, received_at, status, done_at) VALUES (1, 5, '{}', '2024-01-01T00:00:00.000Z', 'done', '2024-01-01T00:00:00.000Z')");
            db.Execute("INSERT INTO inbox (update_id, chat_id, payload, received_at, status, done_at) VALUES (2, 5, '{}', '2024-01-01T00:00:00.000Z', 'failed', '2024-01-01T00:00:00.000Z')");
            db.Execute("INSERT INTO inbox (update_id, chat_id, payload, received_at) VALUES (3, 5, '{}', '2024-01-01T00:00:00.000Z')");
            db.Execute("INSERT INTO inbox (update_id, chat_id, payload, received_at, status, done_at) VALUES (4, 5, '{}', '2024-05-01T00:00:00.000Z', 'done', '2024-05-01T00:00:00.000Z')");
            db.Execute("INSERT INTO outbox (chat_id, kind, payload, created_at, not_before, status) VALUES (5, 'message', '{}', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 'sent')");
            db.Execute("INSERT INTO outbox (chat_id, kind, payload, created_at, not_before) VALUES (5, 'message', '{}', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')");
        });

        var (inbox, outbox) = Pruning.Run(test.Database, new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal((1, 1), (inbox, outbox));
        Assert.Equal([2L, 3L, 4L], test.Database.Read(db => db.Query<long>("SELECT update_id FROM inbox ORDER BY 1")));
        Assert.Equal(1L, test.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM outbox WHERE status = 'pending'")));
    }

    private void AddPoa(int year) => test.Database.Write(db => db.Execute("INSERT INTO poa (directorate_id, year, directorate) VALUES (1, @year, 'DPC')", new { year }));

    private void WriteEvidence(string name, string content)
    {
        Directory.CreateDirectory(test.Database.EvidenceFolder);
        File.WriteAllText(Path.Combine(test.Database.EvidenceFolder, name), content);
    }
}
