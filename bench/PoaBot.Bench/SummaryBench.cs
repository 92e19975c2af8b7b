using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;
using ActivityKind = PoaBot.Core.Domain.ActivityKind;
using PoaBot.Core.People;
using PoaBot.Core.Reminders;
using PoaBot.Core.Storage;

namespace PoaBot.Bench;

internal sealed record Timing(double P50Ms, double P99Ms)
{
    public static Timing Of(IReadOnlyCollection<double> ms) => new(Figures.Percentile(ms, 50), Figures.Percentile(ms, 99));

    public override string ToString() => $"{Figures.Ms(P50Ms)} / {Figures.Ms(P99Ms)}";
}

internal sealed record SummaryFigures(int Records, int Runs, TimeSpan Build, long RealCounted, Timing EngineTurn, Timing Computation, Timing ProgressOnly)
{
    /// <summary>The pieces of the engine turn, each timed alone: Progress for the coordinator's councils, Render, and a durable commit.</summary>
    public required Timing ProgressMine { get; init; }

    public required Timing Render { get; init; }

    public required Timing Commit { get; init; }
}

/// <summary>
/// /resumen over a database with this year's POA and R records: Progress alone, the computation as the engine does it
/// for a coordinator (Progress for all, Progress for their councils, Render), and one full engine turn in a write
/// transaction (which includes the durable commit of the conversation state).
/// </summary>
internal static class SummaryBench
{
    private const long CoordinatorId = 8_300_001;
    public const int WarmUpRuns = 10;

    public static SummaryFigures Run(int records, int runs)
    {
        using var file = new BenchDatabase();
        var database = file.Database;
        var councils = Seed.Councils(database, 50);
        Seed.Coordinators(database, [CoordinatorId], councils);

        var today = Seed.Clock.Today;
        var build = Stopwatch.StartNew();
        InsertRecords(database, records, councils, today);
        build.Stop();

        var poa = database.Read(db => new PoaStore(db).Find(today.Year))!;
        var thresholds = SemaforoThresholds.Default;
        var person = database.Read(db => new PeopleStore(db).ByTelegramId(CoordinatorId))!;
        var realCounted = database.Read(db => new PoaStore(db).Progress(poa, today, thresholds).Sum(a => (long)a.RealAcum));

        var progressOnly = database.Read(db =>
            Time(runs, () => new PoaStore(db).Progress(poa, today, thresholds)));
        var mineIds = database.Read(db => new PeopleStore(db).CouncilsOf(person.Id).Select(c => c.Id).ToList());
        var progressMine = database.Read(db =>
            Time(runs, () => new PoaStore(db).Progress(poa, today, thresholds, mineIds)));
        var (allRows, mineRows) = database.Read(db => (new PoaStore(db).Progress(poa, today, thresholds), new PoaStore(db).Progress(poa, today, thresholds, mineIds)));
        var render = Time(runs, () => SummaryFlow.Render(poa, today, allRows, mineRows));
        var commit = Time(runs, () => database.Write(db => db.Execute(
            "INSERT INTO app_setting (key, value) VALUES ('bench', @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            new { value = Guid.NewGuid().ToString() })));

        var computation = database.Read(db => Time(runs, () =>
        {
            var store = new PoaStore(db);
            var rows = store.Progress(poa, today, thresholds);
            var mine = store.Progress(poa, today, thresholds, new PeopleStore(db).CouncilsOf(person.Id).Select(c => c.Id).ToList());
            return SummaryFlow.Render(poa, today, rows, mine);
        }));

        var engine = new ConversationEngine(Seed.Clock, new EngineSettings(thresholds, BimesterRules.Default, ReminderSettings.Default, Seed.Clock));
        var engineTurn = Time(runs, () =>
        {
            var result = database.Write(db => engine.Handle(db, Input.FromText(CoordinatorId, "Coordinador 1", "/resumen", DateTimeOffset.UtcNow)));
            if (!result.Replies.Any(r => r.Html.Contains("Avance del POA", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException("/resumen did not answer with the POA's progress: " + (result.Replies.Count > 0 ? result.Replies[0].Html : "(no reply)"));
            }

            return result;
        });

        return new SummaryFigures(records, runs, build.Elapsed, realCounted, engineTurn, computation, progressOnly)
        {
            ProgressMine = progressMine,
            Render = render,
            Commit = commit,
        };
    }

    /// <summary>
    /// Inserts the records in one transaction, cycling through the POA's activities with each one's own kind (a request
    /// managed points to the request received just before it), dated from 1 January to today, councils at random.
    /// </summary>
    private static void InsertRecords(Database database, int count, IReadOnlyList<long> councils, DateOnly today)
    {
        var activities = database.Read(db => new PoaStore(db).Activities(new PoaStore(db).Find(today.Year)!.Id));
        var received = activities.First(a => a.Kind == ActivityKind.RequestReceived);
        var firstOfYear = new DateOnly(today.Year, 1, 1);
        var days = today.DayNumber - firstOfYear.DayNumber + 1;
        var random = new Random(20_24);

        using var connection = (SqliteConnection)database.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            """
            INSERT INTO record (id, folio, activity_id, council_id, kind, event_date, count, ref_id, created_at)
            VALUES ($id, $folio, $activity, $council, $kind, $date, 1, $ref, $created)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var folio = insert.Parameters.Add("$folio", SqliteType.Text);
        var activity = insert.Parameters.Add("$activity", SqliteType.Integer);
        var council = insert.Parameters.Add("$council", SqliteType.Integer);
        var kind = insert.Parameters.Add("$kind", SqliteType.Text);
        var date = insert.Parameters.Add("$date", SqliteType.Text);
        var reference = insert.Parameters.Add("$ref", SqliteType.Integer);
        var created = insert.Parameters.Add("$created", SqliteType.Text);
        insert.Prepare();

        using var maxId = connection.CreateCommand();
        maxId.Transaction = transaction;
        maxId.CommandText = "SELECT coalesce(max(id), 0) FROM record";
        var nextId = (long)maxId.ExecuteScalar()! + 1;
        long? lastReceived = null;
        var eventDate = today;
        for (var i = 0; i < count; i++)
        {
            var plan = activities[i % activities.Count];
            if (i % activities.Count == 0)
            {
                eventDate = firstOfYear.AddDays(random.Next(days));
            }

            var managed = plan.Kind == ActivityKind.RequestManaged && lastReceived is not null;
            var planned = managed || plan.Kind != ActivityKind.RequestManaged ? plan : received;
            id.Value = nextId;
            folio.Value = $"B-{i + 1:000000}";
            activity.Value = planned.Id;
            council.Value = councils[random.Next(councils.Count)];
            kind.Value = planned.Kind.Code;
            date.Value = Instants.Format(eventDate);
            reference.Value = managed ? lastReceived!.Value : DBNull.Value;
            created.Value = eventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T18:00:00.000Z";
            insert.ExecuteNonQuery();
            lastReceived = planned.Kind == ActivityKind.RequestReceived ? nextId : null;
            nextId++;
        }

        transaction.Commit();

        // A year of records would long have been checkpointed into the main file; do not time reads through a huge WAL.
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        checkpoint.ExecuteNonQuery();
    }

    private static Timing Time<T>(int runs, Func<T> work)
    {
        for (var i = 0; i < WarmUpRuns; i++)
        {
            GC.KeepAlive(work());
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(work());
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return Timing.Of(times);
    }
}
