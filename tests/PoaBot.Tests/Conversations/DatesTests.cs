using System.Text;
using PoaBot.Core.Import;
using PoaBot.Core.Samples;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Conversations;

/// <summary>Dates as people write them, examples in the POA's own year, and dates checked against the linked record.</summary>
public sealed class DatesTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    [Theory]
    [InlineData("antier", "2024-04-13")]
    [InlineData("10/4", "2024-04-10")]
    [InlineData("1/4/24", "2024-04-01")]
    [InlineData("1 de Abril", "2024-04-01")]
    [InlineData("3 de marzo de 2024", "2024-03-03")]
    [InlineData("12", "2024-04-12")]
    [InlineData("el doce", "2024-04-12")]
    [InlineData("el 20", "2024-03-20")]
    public void A_coordinator_types_the_date_as_people_write_it_and_the_report_takes_that_day(string typed, string stored)
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.MeetingCard().Press("Cambiar fecha").Send(typed).Press("Guardar");

        Assert.Equal(stored, Instants.Format(Assert.Single(world.Records()).EventDate));
    }

    [Fact]
    public void A_date_typed_in_words_is_repeated_in_full_so_the_person_can_check_it()
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.MeetingCard().Press("Cambiar fecha").Send("antier");

        Assert.Contains("Entendí: 13 de abril de 2024.", ana.Said, StringComparison.Ordinal);
        ana.Press("Cambiar fecha").Send("12");
        Assert.Contains("Entendí: 12 de abril de 2024.", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_2026_poa_the_date_examples_and_the_folio_example_are_of_2026_and_a_day_without_year_is_of_2026()
    {
        using var world2026 = new ChatWorld(new DateTimeOffset(2026, 12, 2, 18, 0, 0, TimeSpan.Zero));
        var seed2026 = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SampleData.PoaBytes()).Replace("2024", "2026", StringComparison.Ordinal));
        PoaImporter.Import(world2026.Database, PoaDocumentParser.Parse(seed2026), "prueba", "poa.txt", world2026.Time.GetUtcNow());
        var ana = world2026.Coordinator(1, "Consejo Centro");

        ana.Send("/ayuda");
        Assert.Contains("/folio DPC-2026-0007", ana.Said, StringComparison.Ordinal);
        ana.MeetingCard().Press("Cambiar fecha");
        Assert.Contains("por ejemplo 01/12/2026", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("2024", ana.Said, StringComparison.Ordinal);
        ana.Send("no sé");
        Assert.Contains("01/12/2026", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("2024", ana.Said, StringComparison.Ordinal);

        ana.Send("30/11").Press("Guardar");

        Assert.Equal(new DateOnly(2026, 11, 30), Assert.Single(world2026.Records()).EventDate);
    }

    [Fact]
    public void A_request_managed_before_it_was_received_is_refused_naming_the_received_date()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportRequest("Alumbrado");

        ana.Send("/reportar").Press("Solicitud gestionada").Press("DPC-2024-0007").Send("Servicios Públicos").Press("Omitir").Press("Cambiar fecha").Press("Ayer");

        Assert.Contains("La solicitud DPC-2024-0007 se recibió el 15/04/2024, así que no pudo gestionarse el 14/04/2024", ana.Said, StringComparison.Ordinal);
        ana.Press("Hoy").Press("Guardar");
        Assert.Equal(new DateOnly(2024, 4, 15), world.Records()[1].EventDate);
    }

    [Fact]
    public void Correcting_a_managed_request_s_date_to_before_it_was_received_is_refused()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportRequest("Alumbrado");
        ana.Send("/reportar").Press("Solicitud gestionada").Press("DPC-2024-0007").Send("Servicios").Press("Omitir");

        ana.Press("Corregir").Press("Fecha").Send("ayer");

        Assert.Contains("se recibió el 15/04/2024, así que no pudo gestionarse el 14/04/2024", ana.Said, StringComparison.Ordinal);
        ana.Send("hoy").Press("Guardar");
        Assert.Equal(new DateOnly(2024, 4, 15), world.Records()[1].EventDate);
    }

    [Fact]
    public void The_director_cannot_move_a_received_request_after_the_day_it_was_managed()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Solicitud recibida").Send("Alumbrado").Press("Omitir").Send("Obras Públicas").Press("Omitir").Press("Cambiar fecha").Send("10/4").Press("Guardar");
        ana.Send("/reportar").Press("Solicitud gestionada").Press("DPC-2024-0007").Send("Servicios").Press("Omitir").Press("Cambiar fecha").Send("12/4").Press("Guardar");
        var director = world.Director();

        director.Send("/folio DPC-2024-0007").Press("Corregir").Press("Fecha").Send("13 de abril");

        Assert.Contains("Esa solicitud se gestionó el 12/04/2024 (folio DPC-2024-0008), así que no pudo recibirse el 13/04/2024", director.Said, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 4, 10), world.Records()[0].EventDate);
    }
}
