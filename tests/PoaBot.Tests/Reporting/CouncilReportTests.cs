using PoaBot.Core.People;
using PoaBot.Core.Samples;
using PoaBot.Tests.CommandLine;
using PoaBot.Tests.Conversations;

namespace PoaBot.Tests.Reporting;

/// <summary>The per-council view: CLI (text and CSV) and chat; the quarterly view in the chat.</summary>
public sealed class CouncilReportTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public async Task Summary_consejos_csv_lists_every_council_and_activity_with_zeros_and_no_document_council()
    {
        world.Coordinator(1, "Consejo Centro").ReportMeeting();
        var cli = new CliRunner(world.Database.Path);

        var result = await cli.RunAsync(["summary", "--consejos", "--csv", "--year", "2024", "--al", "30/04/2024"]);

        Assert.Equal(0, result.Exit);
        var lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal("consejo,localidad,num,actividad,real,ultimo_reporte", lines[0]);
        Assert.Equal(1 + (3 * 4), lines.Length);
        Assert.DoesNotContain(lines, l => l.StartsWith("Documento POA", StringComparison.Ordinal));
        Assert.StartsWith("Consejo El Rosario,El Rosario,1,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",0,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Consejo Centro,Cabecera,1,REUNIONES", lines[^4], StringComparison.Ordinal);
        Assert.EndsWith(",1,15/04/2024", lines[^4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_consejos_in_text_names_the_councils_without_reports()
    {
        var cli = new CliRunner(world.Database.Path);

        var result = await cli.RunAsync(["summary", "--consejos", "--year", "2024", "--al", "30/04/2024"]);

        Assert.Equal(0, result.Exit);
        Assert.Contains("POA 2024, POR CONSEJO — avance al 30/04/2024", result.Output, StringComparison.Ordinal);
        Assert.Contains("Consejo San Juan (San Juan): sin reportes en el año", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Resumen_consejos_shows_every_council_in_messages_of_at_most_1000_characters_those_without_reports_first()
    {
        world.Database.Write(db =>
        {
            var people = new PeopleStore(db);
            for (var i = 1; i <= 40; i++)
            {
                people.AddCouncil($"Consejo de la colonia número {i} con un nombre bastante largo", $"Localidad {i}");
            }
        });
        world.Coordinator(1, "Consejo Centro").ReportMeeting();
        var director = world.Director();

        director.Send("/resumen consejos");

        var messages = director.Last.Replies.Select(r => r.Html).ToList();
        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(m.Length <= 1000, $"{m.Length} characters"));
        var all = string.Join("\n", messages);
        Assert.DoesNotContain("Documento POA", all, StringComparison.Ordinal);
        for (var i = 1; i <= 40; i++)
        {
            Assert.Contains($"<b>Consejo de la colonia número {i} con un nombre bastante largo</b> · Localidad {i}\nsin reportes en el año", all, StringComparison.Ordinal);
        }

        Assert.StartsWith("🏘 <b>Avance por consejo del POA 2024</b> al ", all, StringComparison.Ordinal);
        Assert.Contains("43 consejos; 42 sin reportes en el año", all, StringComparison.Ordinal);
        Assert.True(all.IndexOf("Consejo El Rosario", StringComparison.Ordinal) < all.IndexOf("Consejo Centro", StringComparison.Ordinal));
        Assert.Contains("<b>Consejo Centro</b> · Cabecera\n1: 1 · 2: 0 · 3: 0 · 4: 0 · último reporte 15/04/2024", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Resumen_trimestre_shows_each_ended_quarter()
    {
        world.Time.SetUtcNow(new DateTimeOffset(2024, 7, 10, 18, 0, 0, TimeSpan.Zero));
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send("/resumen trimestre");

        Assert.StartsWith("📅 <b>Avance trimestral del POA 2024</b> al 10/07/2024\n", ana.Said, StringComparison.Ordinal);
        Assert.Contains("T1: 0 en el trimestre", ana.Said, StringComparison.Ordinal);
        Assert.Contains("T2: ", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("T3: ", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Resumen_trimestre_before_the_first_quarter_ends_says_so()
    {
        using var february = new ChatWorld(new DateTimeOffset(2024, 2, 10, 18, 0, 0, TimeSpan.Zero));
        var ana = february.Coordinator(1, "Consejo Centro");

        ana.Send("/resumen trimestre");

        Assert.Contains("Aún no termina ningún trimestre", ana.Said, StringComparison.Ordinal);
    }
}
