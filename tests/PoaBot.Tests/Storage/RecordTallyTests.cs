using System.Globalization;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.People;
using PoaBot.Core.Storage;
using PoaBot.Tests.Import;

namespace PoaBot.Tests.Storage;

/// <summary>The maintained counts (record_tally) against a full recount of the records.</summary>
public sealed class RecordTallyTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 11, 25, 18, 0, 0, TimeSpan.Zero);
    private TestDatabase test = new();

    public void Dispose() => test.Dispose();

    [Theory, OnSqlite(1), OnSqlite(2), OnSqlite(3), OnPostgres(1)]
    public void After_random_reports_voids_amendments_and_imports_the_maintained_counts_equal_a_full_recount(int seed, string provider)
    {
        test = test.On(provider);
        var random = new Random(seed);
        Import(realOfActivity4MarAbr: 1);
        var (poa, activities, councils) = test.Database.Write(db =>
        {
            var people = new PeopleStore(db);
            people.AddCouncil("Consejo Norte", "");
            people.AddCouncil("Consejo Sur", "");
            var store = new PoaStore(db);
            var poa = store.Find(2024)!;
            return (poa, store.Activities(poa.Id), new[] { people.Council("Consejo Norte")!.Id, people.Council("Consejo Sur")!.Id });
        });

        for (var step = 0; step < 400; step++)
        {
            var action = random.Next(100);
            if (action < 2)
            {
                Import(realOfActivity4MarAbr: random.Next(0, 4));
                continue;
            }

            test.Database.Write(db =>
            {
                var records = new RecordStore(db);
                var live = db.Query<long>("SELECT id FROM record WHERE voided_at IS NULL").ToList();
                if (action < 55 || live.Count == 0)
                {
                    var program = random.Next(5) == 0;
                    records.Insert(new RecordRow
                    {
                        ActivityId = activities[random.Next(activities.Count)].Id,
                        CouncilId = councils[random.Next(councils.Length)],
                        Kind = program ? ActivityKind.SocialProgram : ActivityKind.Generic,
                        EventDate = Instants.ParseDate(Date(random)),
                        Count = program ? random.Next(0, 2) : random.Next(1, 6),
                        CreatedAt = Now,
                    });
                }
                else if (action < 75)
                {
                    records.Void(live[random.Next(live.Count)], "Directora", "Duplicado", Now);
                }
                else
                {
                    var id = live[random.Next(live.Count)];
                    var (field, value) = random.Next(3) switch
                    {
                        0 => ("event_date", Date(random)),
                        1 => ("count", random.Next(1, 9).ToString(CultureInfo.InvariantCulture)),
                        _ => ("subject", "Otro asunto"),
                    };
                    records.Amend(id, field, value, "Directora", "Corrección", Now);
                }
            });
        }

        Assert.Equal(Recount(), Maintained());
        for (var i = 0; i < 20; i++)
        {
            var asOf = new DateOnly(2024, 1, 1).AddDays(random.Next(-5, 380));
            var some = new[] { councils[random.Next(councils.Length)] };
            Assert.Equal(NaiveReal(poa, asOf, null), StoreReal(poa, asOf, null));
            Assert.Equal(NaiveReal(poa, asOf, some), StoreReal(poa, asOf, some));
            Assert.Equal(NaiveCouncilTotals(poa, asOf), StoreCouncilTotals(poa, asOf));
        }
    }

    [Fact]
    public void A_database_with_records_from_before_the_tally_gets_it_filled_by_the_migration()
    {
        Import(realOfActivity4MarAbr: 1);
        var before = Maintained();
        test.Database.Write(db => db.Execute("DELETE FROM record_tally"));
        test.Database.Write(db => db.Execute(ReadMigration()));

        Assert.NotEmpty(before);
        Assert.Equal(before, Maintained());
    }

    private static string ReadMigration()
    {
        // Only the table's fill, not the CREATE statements: the same INSERT … SELECT the migration runs.
        var assembly = typeof(Database).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("004_record_tally.sql", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var sql = reader.ReadToEnd();
        var start = sql.IndexOf("INSERT INTO record_tally", StringComparison.Ordinal);
        return sql[start..(sql.IndexOf(';', start) + 1)];
    }
    private static string Date(Random random) =>
        Instants.Format(new DateOnly(2024, 1, 1).AddDays(random.Next(366)));

    private void Import(int realOfActivity4MarAbr) =>
        PoaImporter.Import(
            test.Database,
            PoaDocumentParser.Parse(SeedDocuments.WithRow(4, r => r.Select((c, i) => i switch
            {
                7 => Text(realOfActivity4MarAbr),
                23 => Text(realOfActivity4MarAbr + 1),
                24 => Text(realOfActivity4MarAbr - 1),
                _ => c,
            }).ToArray())),
            "prueba",
            "poa.txt",
            Now);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private List<string> Maintained() => test.Database.Read(db => db.Query<(long, long, long, long, long, long)>(
        "SELECT activity_id, year, bimester, council_id, total, records FROM record_tally WHERE records <> 0 OR total <> 0 ORDER BY 1, 2, 3, 4")
        .Select(t => t.ToString()).ToList());

    private List<string> Recount() => test.Database.Read(db => db.Query<(long, long, long, long, long, long)>(
        """
        SELECT activity_id, CAST(substr(event_date, 1, 4) AS bigint), (CAST(substr(event_date, 6, 2) AS bigint) + 1) / 2, council_id, CAST(SUM(count) AS bigint), count(*)
        FROM record WHERE voided_at IS NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        """).Select(t => t.ToString()).ToList());

    private List<RecordRow> LiveRecords(DbSession db, PoaRow poa) =>
        new PoaStore(db).Activities(poa.Id).SelectMany(a => new RecordStore(db).ForActivity(a.Id)).Where(r => !r.IsVoided).ToList();

    private List<string> NaiveReal(PoaRow poa, DateOnly asOf, long[]? councils) => test.Database.Read(db =>
        LiveRecords(db, poa)
            .Where(r => r.EventDate <= asOf && (councils is null || councils.Contains(r.CouncilId)))
            .GroupBy(r => (r.ActivityId, Bimesters.Of(r.EventDate)))
            .Select(g => (g.Key.ActivityId, g.Key.Item2, g.Sum(r => r.Count)))
            .Where(t => t.Item3 != 0)
            .Order()
            .Select(t => t.ToString())
            .ToList());

    private List<string> StoreReal(PoaRow poa, DateOnly asOf, long[]? councils) => test.Database.Read(db =>
        new PoaStore(db).RealCounts(poa.Id, asOf, councils)
            .SelectMany(g => g.Select(c => (g.Key, c.Bimester, (long)c.Total)))
            .Where(t => t.Item3 != 0)
            .Order()
            .Select(t => t.ToString())
            .ToList());

    private List<string> NaiveCouncilTotals(PoaRow poa, DateOnly asOf) => test.Database.Read(db =>
        LiveRecords(db, poa)
            .Where(r => r.EventDate <= asOf)
            .GroupBy(r => (r.CouncilId, r.ActivityId))
            .Select(g => (g.Key.CouncilId, g.Key.ActivityId, g.Sum(r => r.Count)))
            .Order()
            .Select(t => t.ToString())
            .ToList());

    private List<string> StoreCouncilTotals(PoaRow poa, DateOnly asOf) => test.Database.Read(db =>
        new PoaStore(db).CouncilTotals(poa.Id, asOf)
            .Select(t => (t.CouncilId, t.ActivityId, (long)t.Total))
            .Order()
            .Select(t => t.ToString())
            .ToList());
}
