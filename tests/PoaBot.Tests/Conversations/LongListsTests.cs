using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;
using PoaBot.Core.Domain;

namespace PoaBot.Tests.Conversations;

/// <summary>
/// Every list pages with «Ver más» / «Anteriores», accepts its entry's number or folio typed, tells entries apart
/// (folio, day, description) and keeps each message within 1,000 characters (issue 11, found item 2).
/// </summary>
public sealed class LongListsTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    /// <summary>Eleven pending requests of Consejo Centro, DPC-2024-0007 to DPC-2024-0017, «Solicitud 1» to «Solicitud 11».</summary>
    private Chat ElevenPendingRequests()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        for (var i = 1; i <= 11; i++)
        {
            ana.ReportRequest($"Solicitud {i}: alumbrado público en la calle Morelos entre Hidalgo y Juárez");
        }

        return ana.Send("/reportar").Press("Solicitud gestionada");
    }

    private string ManagedRequestFolio() =>
        world.Records().Single(r => r.Kind == ActivityKind.RequestManaged) is { } managed ? world.Records().Single(r => r.Id == managed.RefId).Folio : "";

    [Fact]
    public void The_eleventh_pending_request_is_reached_with_ver_mas_and_managed()
    {
        var ana = ElevenPendingRequests();
        Assert.DoesNotContain("DPC-2024-0017", ana.Said, StringComparison.Ordinal);
        Assert.Contains(Texts.PageOf(1, 2), ana.Said, StringComparison.Ordinal);

        ana.Press(Texts.NextPage);
        Assert.Contains("11. DPC-2024-0017 · 15/04 · Solicitud 11", ana.Said, StringComparison.Ordinal);
        ana.Press("DPC-2024-0017").Send("Obras Públicas").Press("Omitir").Press("Guardar");

        Assert.Contains("Guardado con folio", ana.Said, StringComparison.Ordinal);
        Assert.Equal("DPC-2024-0017", ManagedRequestFolio());
    }

    [Fact]
    public void Typing_11_at_the_pending_requests_chooses_the_eleventh()
    {
        var ana = ElevenPendingRequests();

        ana.Send("11").Send("Obras Públicas").Press("Omitir").Press("Guardar");

        Assert.Equal("DPC-2024-0017", ManagedRequestFolio());
    }

    [Theory]
    [InlineData("DPC-2024-0016")]
    [InlineData("dpc-2024-0016")]
    [InlineData("2024-0016")]
    [InlineData("0016")]
    [InlineData("16")]
    public void Typing_a_folio_or_its_number_chooses_that_pending_request(string typed)
    {
        var ana = ElevenPendingRequests();

        ana.Send(typed).Send("Obras Públicas").Press("Omitir").Press("Guardar");

        Assert.Equal("DPC-2024-0016", ManagedRequestFolio());
    }

    [Theory]
    [InlineData("8", "DPC-2024-0014")]
    [InlineData("0008", "DPC-2024-0008")]
    public void A_short_number_is_the_list_number_and_one_with_zeros_the_folio(string typed, string chosen)
    {
        var ana = ElevenPendingRequests();

        ana.Send(typed).Send("Obras Públicas").Press("Omitir").Press("Guardar");

        Assert.Equal(chosen, ManagedRequestFolio());
    }

    [Fact]
    public void A_number_or_folio_not_in_the_list_says_what_to_type_and_shows_the_list_again()
    {
        var ana = ElevenPendingRequests();

        ana.Send("40");

        Assert.Contains(ListText.NotInList("40", 11, folios: true), ana.Said, StringComparison.Ordinal);
        Assert.Contains("1. DPC-2024-0007", ana.Said, StringComparison.Ordinal);
        ana.Send("DPC-2024-0099");
        Assert.Contains("No encontré «DPC-2024-0099» en la lista", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Records(), r => r.Kind == ActivityKind.RequestManaged);
    }

    [Fact]
    public void Two_requests_that_begin_alike_are_told_apart_by_folio_day_and_a_longer_description()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportRequest("Alumbrado público en la calle Morelos, tramo norte");
        world.Time.Advance(TimeSpan.FromDays(1));
        ana.ReportRequest("Alumbrado público en la calle Morelos, tramo sur");

        ana.Send("/reportar").Press("Solicitud gestionada");

        Assert.Contains("1. DPC-2024-0007 · 15/04 · Alumbrado público en la calle Morelos, tramo norte", ana.Said, StringComparison.Ordinal);
        Assert.Contains("2. DPC-2024-0008 · 16/04 · Alumbrado público en la calle Morelos, tramo sur", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_page_of_a_list_of_long_descriptions_fits_1000_characters_and_every_entry_is_on_a_page()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        for (var i = 1; i <= 23; i++)
        {
            ana.ReportRequest($"Solicitud {i:00} " + new string('x', 180));
        }

        ana.Send("/reportar").Press("Solicitud gestionada");
        var seen = new List<string>();
        while (true)
        {
            Assert.All(ana.Last.Replies, r => Assert.True(r.Html.Length <= 1000, $"{r.Html.Length} characters"));
            seen.AddRange(Enumerable.Range(1, 23).Select(i => $"Solicitud {i:00}").Where(s => ana.Said.Contains(s, StringComparison.Ordinal)));
            if (!ana.Buttons.Any(b => b.Label == Texts.NextPage))
            {
                break;
            }

            ana.Press(Texts.NextPage);
        }

        Assert.Equal(23, seen.Distinct().Count());
    }

    [Fact]
    public void Misreportes_accepts_a_typed_folio_to_void_it()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportMeeting("Primera").ReportMeeting("Segunda");

        ana.Send("/misreportes").Send("DPC-2024-0007").Press("Anular").Send("La registré dos veces");

        Assert.Contains("Folio DPC-2024-0007 anulado", ana.Said, StringComparison.Ordinal);
        Assert.True(world.Records().Single(r => r.Folio == "DPC-2024-0007").IsVoided);
    }

    [Fact]
    public void Misreportes_pages_past_ten_reports_and_a_voided_one_cannot_be_chosen_by_number()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        for (var i = 0; i < 12; i++)
        {
            ana.ReportMeeting($"Acuerdo {i}");
        }

        ana.Send("/misreportes").Press("Anular DPC-2024-0018").Send("Duplicado");
        ana.Send("/misreportes");
        Assert.Contains("1. DPC-2024-0018", ana.Said, StringComparison.Ordinal);
        Assert.Contains("(anulado)", ana.Said, StringComparison.Ordinal);

        ana.Send("1");
        Assert.Contains(ListText.NotChoosable("1"), ana.Said, StringComparison.Ordinal);
        ana.Press(Texts.NextPage);
        Assert.Contains("12. DPC-2024-0007", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitar_with_fifteen_councils_keeps_listo_on_every_page_and_stays_on_the_page_when_marking()
    {
        world.Database.Write(db =>
        {
            for (var i = 1; i <= 15; i++)
            {
                new PoaBot.Core.People.PeopleStore(db).AddCouncil($"Consejo Barrio {i:00}", "");
            }
        });
        var director = world.Director();

        director.Send("/invitar").Press("Coordinador");
        Assert.Contains(director.Buttons, b => b.Label == "Listo");
        director.Press(Texts.NextPage).Press("Consejo Barrio 15");

        Assert.Contains(director.Buttons, b => b.Label.Contains("✅ Consejo Barrio 15", StringComparison.Ordinal));
        director.Send("1").Press("Listo");
        Assert.Contains("Consejo Barrio 15", director.Said, StringComparison.Ordinal);
        Assert.Contains("Consejo Barrio 01", director.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Consejos_and_coordinadores_with_many_entries_page_within_1000_characters()
    {
        world.Database.Write(db =>
        {
            for (var i = 1; i <= 40; i++)
            {
                new PoaBot.Core.People.PeopleStore(db).AddCouncil($"Consejo de la colonia con un nombre largo número {i:00}", "Localidad con nombre también largo");
            }
        });
        for (var i = 1; i <= 14; i++)
        {
            world.Coordinator(i, "Consejo Centro", "Consejo San Juan");
        }

        var director = world.Director();
        foreach (var command in new[] { "/consejos", "/coordinadores" })
        {
            director.Send(command);
            Assert.True(director.Said.Length <= 1000, $"{command}: {director.Said.Length} characters");
            Assert.Contains(director.Buttons, b => b.Label == Texts.NextPage);
            director.Press(Texts.NextPage);
            Assert.True(director.Said.Length <= 1000, $"{command}, page 2: {director.Said.Length} characters");
        }

        director.Send("/coordinadores").Send("3").Press("No reasignar").Press("Sí, dar de baja");
        Assert.Contains("quedó dado(a) de baja", director.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coordinator_with_twelve_councils_pages_them_and_may_type_the_councils_number()
    {
        var names = Enumerable.Range(1, 12).Select(i => $"Consejo Barrio {i:00}").ToArray();
        world.Database.Write(db =>
        {
            foreach (var name in names)
            {
                new PoaBot.Core.People.PeopleStore(db).AddCouncil(name, "");
            }
        });
        var ana = world.Coordinator(1, names);

        ana.Send("/reportar").Press("Reunión");
        Assert.Contains(ana.Buttons, b => b.Label == Texts.NextPage);
        ana.Send("12").Send("25").Send("Acuerdos").Press("Omitir").Press("Guardar");

        Assert.Equal("Consejo Barrio 12", world.Records().Single().CouncilName);
    }
}
