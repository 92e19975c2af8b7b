using Dapper;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;
using PoaBot.Tests.CommandLine;

namespace PoaBot.Tests.Import;

/// <summary>Activity numbers as the document writes them («1.1», «2 bis»), from import to every view.</summary>
public sealed class ActivityNumberTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 12, 31, 18, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void Natural_order_puts_sub_numbers_and_bis_after_their_number()
    {
        string[] shuffled = ["10", "2 bis", "1.1", "2", "1", "1.10", "1.2"];

        Assert.Equal(["1", "1.1", "1.2", "1.10", "2", "2 bis", "10"], shuffled.Order(ActivityNumber.Order));
    }

    [Theory]
    [InlineData("1.1", "1.1")]
    [InlineData(" 2  bis ", "2 bis")]
    [InlineData("3-A", "3-A")]
    [InlineData("12", "12")]
    [InlineData("TOTAL", null)]
    [InlineData("", null)]
    [InlineData("1 de enero", null)]
    public void Parse_keeps_the_number_as_written(string cell, string? expected) =>
        Assert.Equal(expected, ActivityNumber.Parse(cell));

    [Fact]
    public void Rows_numbered_with_points_and_bis_are_imported_in_natural_order_and_kept_as_text()
    {
        var document = PoaDocumentParser.Parse(SeedDocuments.WithNumbers("2", "1", "2 bis", "1.1", "10"));
        PoaImporter.Import(test.Database, document, "prueba", "poa.txt", Now);

        var nums = test.Database.Read(db => new PoaStore(db).Activities(new PoaStore(db).Find(2024)!.Id).Select(a => a.Num).ToList());

        Assert.Equal(["1", "1.1", "2", "2 bis", "10"], nums);
    }

    [Fact]
    public void Reimporting_with_a_new_sub_activity_keeps_every_activity_and_the_order()
    {
        PoaImporter.Import(test.Database, PoaDocumentParser.Parse(SeedDocuments.WithNumbers("1", "2", "3", "4")), "prueba", "poa.txt", Now);
        var ids = test.Database.Read(db => new PoaStore(db).Activities(1).ToDictionary(a => a.Num, a => a.Id));

        PoaImporter.Import(test.Database, PoaDocumentParser.Parse(SeedDocuments.WithNumbers("1", "1.1", "2", "3", "4")), "prueba", "poa.txt", Now);
        var after = test.Database.Read(db => new PoaStore(db).Activities(1));

        Assert.Equal(["1", "1.1", "2", "3", "4"], after.Select(a => a.Num));
        Assert.All(ids, pair => Assert.Equal(pair.Value, after.Single(a => a.Num == pair.Key).Id));
    }

    [Fact]
    public async Task Summary_csv_text_and_workbook_show_the_numbers_as_written()
    {
        var path = Path.Combine(test.Folder, "poa.txt");
        await File.WriteAllBytesAsync(path, SeedDocuments.WithNumbers("1", "1.1", "2 bis", "3"));
        var cli = new CliRunner(test.Path);
        await cli.RunAsync(["import", path]);

        var csv = await cli.RunAsync(["summary", "--csv", "--year", "2024", "--al", "31/12/2024"]);
        var text = await cli.RunAsync(["summary", "--year", "2024", "--al", "31/12/2024"]);
        var xlsx = Path.Combine(test.Folder, "poa.xlsx");
        await cli.RunAsync(["export", "--xlsx", xlsx, "--year", "2024", "--al", "31/12/2024"]);

        Assert.Equal(["1", "1.1", "2 bis", "3"], csv.Output.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains("1.1. Actividad 1.1", text.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("2 bis. Actividad 2 bis", text.Output, StringComparison.OrdinalIgnoreCase);
        await using var stream = File.OpenRead(xlsx);
        Assert.Equal(["1", "1.1", "2 bis", "3"], PoaDocumentParser.Parse(PoaWorkbook.ReadTable(stream)).Activities.Select(a => a.Num));
    }

    [Fact]
    public void A_database_at_version_6_keeps_its_activities_numbers_and_warnings_when_migrated()
    {
        var folder = Directory.CreateTempSubdirectory("poabot-v6-").FullName;
        try
        {
            var old = new Database(Path.Combine(folder, "poabot.db"));
            old.MigrateTo(6);
            old.Write(db =>
            {
                db.Execute("INSERT INTO poa (id, year, directorate) VALUES (1, 2024, 'x')");
                db.Execute("INSERT INTO activity (poa_id, num, name, objective, detected_kind, goal) VALUES (1, 10, 'B', '', 'generic', 1), (1, 2, 'A', '', 'generic', 1)");
                db.Execute("INSERT INTO import_warning (poa_id, activity_num, message) VALUES (1, 10, 'aviso'), (1, NULL, 'general')");
            });

            old.Migrate();

            var (nums, warnings) = old.Read(db =>
                (new PoaStore(db).Activities(1).Select(a => a.Num).ToList(), new PoaStore(db).ImportWarnings(1)));
            Assert.Equal(["2", "10"], nums);
            Assert.Equal([("10", "aviso"), (null, "general")], warnings);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
