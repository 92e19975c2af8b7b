using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Conversations;

public sealed class RecordsFlowTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public void Misreportes_lists_ten_a_page_and_one_can_be_voided_with_a_reason()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        for (var i = 0; i < 11; i++)
        {
            ana.ReportMeeting($"Acuerdo {i}");
        }

        ana.Send("/misreportes");
        Assert.Equal(10, ana.Said.Split("DPC-2024-").Length - 1);
        Assert.DoesNotContain("DPC-2024-0007", ana.Said, StringComparison.Ordinal);
        Assert.Contains("DPC-2024-0007", ana.Press(Texts.NextPage).Said, StringComparison.Ordinal);
        ana.Press(Texts.PreviousPage).Press("Anular DPC-2024-0017").Send("La registré dos veces");

        Assert.Contains("Folio DPC-2024-0017 anulado", ana.Said, StringComparison.Ordinal);
        var voided = world.Records().Single(r => r.Folio == "DPC-2024-0017");
        Assert.Equal("La registré dos veces", voided.VoidReason);
        var audit = world.Database.Read(db => new AuditStore(db).ForRecord(voided.Id));
        Assert.Equal(("void", "vigente", "anulado"), (audit[0].Action, audit[0].OldValue, audit[0].NewValue));
        Assert.Contains("Coord 1", audit[0].Actor, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("0007")]
    [InlineData("2024-0007")]
    [InlineData("dpc-2024-0007")]
    public void Folio_takes_the_short_number_that_misreportes_invites_to_type(string typed)
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportMeeting();

        ana.Send($"/folio {typed}");

        Assert.Contains("Folio DPC-2024-0007", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Voiding_a_received_request_that_a_managed_one_points_to_is_refused()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportRequest("Alumbrado");
        ana.Send("/reportar").Press("Solicitud gestionada").Press("DPC-2024-0007").Send("Servicios").Press("Omitir").Press("Guardar");

        ana.Send("/misreportes").Press("Anular DPC-2024-0007");

        Assert.Contains("ya tiene una gestión registrada (DPC-2024-0008)", ana.Said, StringComparison.Ordinal);
        Assert.All(world.Records(), r => Assert.False(r.IsVoided));
    }

    [Fact]
    public void Folio_shows_one_record_with_its_evidence()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25").Send("Bacheo").SendPhoto("foto-1").Press("Guardar");

        ana.Send("/folio DPC-2024-0007");

        Assert.Contains("<b>Folio DPC-2024-0007</b>", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Acuerdos: Bacheo", ana.Said, StringComparison.Ordinal);
        var evidence = ana.Last.Replies.Single(r => r.EvidenceFileId is not null);
        Assert.Equal(("foto-1", true, "Evidencia del folio DPC-2024-0007"), (evidence.EvidenceFileId, evidence.EvidenceIsPhoto, evidence.Html));
    }

    [Fact]
    public void A_coordinator_cannot_see_or_void_another_councils_record()
    {
        world.Coordinator(2, "Consejo San Juan").ReportMeeting();
        var ana = world.Coordinator(1, "Consejo Centro");
        var theirs = world.Records()[0].Id;

        ana.Send("/folio DPC-2024-0007");
        Assert.Contains("No encontré el folio", ana.Said, StringComparison.Ordinal);
        ana.Send("/misreportes");
        ana.Send("/reportar");
        var seq = ana.Buttons[0].Data.Split('|')[0];
        ana.Send("/cancelar").Send("/misreportes");

        ana.PressData($"{seq}|v:{theirs}");

        Assert.False(world.Records()[0].IsVoided);
    }

    [Fact]
    public void The_director_can_void_a_baseline_record_of_the_document()
    {
        var director = world.Director();

        director.Send("/folio DPC-2024-0002").Press("Anular").Send("Es lo programado, no lo realizado");

        Assert.Contains("Folio DPC-2024-0002 anulado", director.Said, StringComparison.Ordinal);
        var baseline = world.Database.Read(db => new RecordStore(db).ByFolio("DPC-2024-0002")!);
        Assert.True(baseline.IsVoided);
    }

    [Fact]
    public void The_director_amends_a_record_and_the_audit_keeps_old_and_new()
    {
        world.Coordinator(1, "Consejo Centro").ReportMeeting();
        var director = world.Director();

        director.Send("/folio DPC-2024-0007").Press("Corregir").Press("Asistentes").Send("treinta").Send("El acta dice 30");

        Assert.Contains("Asistentes 25 → 30", director.Said, StringComparison.Ordinal);
        var record = world.Records()[0];
        Assert.Equal(30, record.Attendees);
        var amend = world.Database.Read(db => new AuditStore(db).ForRecord(record.Id)).Single();
        Assert.Equal(("attendees", "25", "30", "El acta dice 30"), (amend.Field, amend.OldValue, amend.NewValue, amend.Reason));
        director.Send("/folio DPC-2024-0007");
        Assert.Contains("Corrección", director.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amended_date_must_stay_in_the_year_and_not_in_the_future()
    {
        world.Coordinator(1, "Consejo Centro").ReportMeeting();
        var director = world.Director();

        director.Send("/folio DPC-2024-0007").Press("Corregir").Press("Fecha").Send("01/01/2025");

        Assert.Contains("La fecha debe ser del 2024", director.Said, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 4, 15), world.Records()[0].EventDate);
    }

    [Fact]
    public void An_amended_text_needs_words_as_a_new_report_does()
    {
        world.Coordinator(1, "Consejo Centro").ReportMeeting();
        var director = world.Director();
        var before = world.Records()[0].Agreements;

        director.Send("/folio DPC-2024-0007").Press("Corregir").Press("Acuerdos").Send("2");

        Assert.Contains("Necesito la respuesta con palabras", director.Said, StringComparison.Ordinal);
        Assert.Equal(before, world.Records()[0].Agreements);
    }
}
