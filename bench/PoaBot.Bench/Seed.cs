using System.Globalization;
using System.Text;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.People;
using PoaBot.Core.Samples;
using PoaBot.Core.Storage;

namespace PoaBot.Bench;

/// <summary>What every scenario's database starts with: this year's POA (the sample, re-dated), councils and people.</summary>
internal static class Seed
{
    public static MunicipalClock Clock { get; } = MunicipalClock.Create(TimeProvider.System, MunicipalClock.DefaultZone);

    public static int Year => Clock.Today.Year;

    /// <summary>Imports the directorate's sample POA with its year replaced by the current one.</summary>
    public static void Poa(Database database)
    {
        var text = Encoding.UTF8.GetString(SampleData.PoaBytes()).Replace("2024", Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        PoaImporter.Import(database, PoaDocumentParser.Parse(Encoding.UTF8.GetBytes(text)), "benchmark", "poa.txt", DateTimeOffset.UtcNow);
    }

    /// <summary>Adds <paramref name="count"/> councils and returns their ids.</summary>
    public static IReadOnlyList<long> Councils(Database database, int count) =>
        database.Write(db =>
        {
            var people = new PeopleStore(db);
            var ids = new List<long>();
            for (var i = 1; i <= count; i++)
            {
                var name = $"Consejo {i:000}";
                people.AddCouncil(name, "Localidad " + i.ToString(CultureInfo.InvariantCulture));
                ids.Add(people.Council(name)!.Id);
            }

            return (IReadOnlyList<long>)ids;
        });

    /// <summary>One coordinator invite per person, councils assigned round robin; returns the payloads for /start.</summary>
    public static IReadOnlyList<string> Invites(Database database, int count, IReadOnlyList<long> councils) =>
        database.Write(db =>
        {
            var people = new PeopleStore(db);
            return (IReadOnlyList<string>)Enumerable.Range(0, count)
                .Select(i => people.CreateInvite(Roles.Coordinator, [councils[i % councils.Count]], DateTimeOffset.UtcNow, TimeSpan.FromDays(7)))
                .ToList();
        });

    /// <summary>Registers coordinators straight in the database (invite created and redeemed), without going through the bot.</summary>
    public static void Coordinators(Database database, IReadOnlyList<long> telegramIds, IReadOnlyList<long> councils) =>
        database.Write(db =>
        {
            var people = new PeopleStore(db);
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < telegramIds.Count; i++)
            {
                var payload = people.CreateInvite(Roles.Coordinator, [councils[i % councils.Count]], now, TimeSpan.FromDays(7));
                if (people.Redeem(payload, telegramIds[i], $"Coordinador {i + 1}", now) != RedeemResult.Registered)
                {
                    throw new InvalidOperationException($"Could not register {telegramIds[i]}.");
                }
            }
        });
}
