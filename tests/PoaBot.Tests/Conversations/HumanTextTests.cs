using System.Text.RegularExpressions;

namespace PoaBot.Tests.Conversations;

/// <summary>Only human text reaches people: no ISO dates, internal ids, English words or hashes.</summary>
public sealed class HumanTextTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public void Folio_shows_its_history_with_dates_field_names_and_people_as_people_read_them()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25").Send("Bacheo").SendPhoto("foto-1").Press("Guardar");
        var director = world.Director();
        director.Send("/folio DPC-2024-0007").Press("Corregir").Press("Fecha").Send("15/03/2024").Send("El acta dice otra fecha");

        director.Send("/folio DPC-2024-0007");

        var card = director.Last.Replies[0].Html;
        Assert.Contains("Corrección del 15/04/2024: fecha 15/04/2024 → 15/03/2024 (Directora; El acta dice otra fecha)", card, StringComparison.Ordinal);
        Assert.Contains("Evidencia: 1 foto (se la envío abajo)", card, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"event_date|\d{4}-\d{2}-\d{2}|director 900|Cuenta|huella"), card);
    }

    [Fact]
    public void A_voided_folio_names_who_voided_it_without_internal_ids()
    {
        world.Coordinator(1, "Consejo Centro").ReportMeeting();
        var director = world.Director();
        director.Send("/folio DPC-2024-0007").Press("Anular").Send("Duplicado");

        director.Send("/folio DPC-2024-0007");

        Assert.Contains("Anulado por: Directora", director.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("900", director.Said, StringComparison.Ordinal);
    }
}
