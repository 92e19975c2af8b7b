using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Conversations;

/// <summary>
/// Coordinators correct and void their own reports while the bimester is not locked, with the same limits and audit trail
/// as the Dirección; «Consejo» is corrected on the report card and in amendments.
/// </summary>
public sealed class OwnCorrectionTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    private IReadOnlyList<AuditRow> Audit(long recordId) => world.Database.Read(db => new AuditStore(db).ForRecord(recordId));

    private int Seq(Chat chat) => world.Database.Read(db => new ConversationStore(db).Load(chat.UserId).Seq);

    [Fact]
    public void A_coordinator_corrects_their_own_report_from_misreportes_and_the_audit_names_them()
    {
        var ana = world.Coordinator(1, "Consejo Centro").ReportMeeting();

        ana.Send("/misreportes").Press("Corregir DPC-2024-0007").Press("Asistentes").Send("30").Send("Conté mal a los asistentes");

        Assert.Contains("Folio DPC-2024-0007 corregido: Asistentes 25 → 30", ana.Said, StringComparison.Ordinal);
        var record = world.Records().Single();
        Assert.Equal(30, record.Attendees);
        var amend = Audit(record.Id).Single();
        Assert.Equal(("amend", "attendees", "25", "30"), (amend.Action, amend.Field, amend.OldValue, amend.NewValue));
        Assert.StartsWith("Coord 1 (coordinador", amend.Actor, StringComparison.Ordinal);
        ana.Send("/folio DPC-2024-0007");
        Assert.Contains("Corrección del 15/04/2024: asistentes 25 → 30 (Coord 1; Conté mal a los asistentes)", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coordinator_corrects_the_date_from_folio_with_the_same_limits_as_the_director()
    {
        var ana = world.Coordinator(1, "Consejo Centro").ReportMeeting();

        ana.Send("/folio DPC-2024-0007").Press("Corregir").Press("Fecha").Send("16/04/2024");
        Assert.Contains("no posterior a hoy", ana.Said, StringComparison.Ordinal);
        ana.Send("ayer").Send("Fue un día antes");

        Assert.Contains("Fecha 15/04/2024 → 14/04/2024", ana.Said, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 4, 14), world.Records().Single().EventDate);
    }

    [Fact]
    public void A_coordinator_sees_no_correction_buttons_on_a_colleagues_report_of_the_same_council()
    {
        world.Coordinator(2, "Consejo Centro").ReportMeeting();
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send("/folio DPC-2024-0007");

        Assert.Contains("<b>Folio DPC-2024-0007</b>", ana.Said, StringComparison.Ordinal);
        Assert.Empty(ana.Buttons);
    }

    [Theory]
    [InlineData("m")]
    [InlineData("v")]
    public void A_forged_button_for_someone_elses_report_changes_nothing_and_says_so_kindly(string action)
    {
        world.Coordinator(2, "Consejo Centro").ReportMeeting();
        var theirs = world.Records().Single().Id;
        var ana = world.Coordinator(1, "Consejo Centro").ReportMeeting("Mi propia reunión");
        ana.Send("/misreportes");
        var before = world.Fingerprint("conversation");

        ana.PressData($"{Seq(ana)}|{action}:{theirs}");

        Assert.Equal(RecordsText.NotAvailable, ana.Said);
        Assert.Equal(Texts.StaleButton, ana.Last.ButtonAnswer);
        ana.Send("Motivo forjado").Send("30").Send("Otro motivo");
        Assert.Equal(before, world.Fingerprint("conversation"));
    }

    [Fact]
    public void An_old_correction_button_after_the_report_was_voided_changes_nothing()
    {
        var ana = world.Coordinator(1, "Consejo Centro").ReportMeeting();
        ana.Send("/misreportes");
        var list = ana.Buttons;
        ana.Press("Anular DPC-2024-0007").Send("La registré dos veces");
        var before = world.Fingerprint("conversation");

        ana.PressData(list.First(b => b.Label.Contains("Corregir", StringComparison.Ordinal)).Data);

        Assert.Equal(Texts.StaleButton, ana.Last.ButtonAnswer);
        Assert.Equal(before, world.Fingerprint("conversation"));
    }

    [Fact]
    public void A_locked_bimester_is_said_on_the_report_before_anything_is_typed_and_no_correction_starts()
    {
        var ana = world.Coordinator(1, "Consejo Centro").ReportMeeting();
        world.Time.SetUtcNow(new DateTimeOffset(2024, 5, 10, 18, 0, 0, TimeSpan.Zero));

        ana.Send("/folio DPC-2024-0007");
        Assert.Contains("ya está cerrado y bloqueado", ana.Said, StringComparison.Ordinal);
        Assert.Empty(ana.Buttons);
        ana.Send("/misreportes");
        Assert.Contains("DPC-2024-0007", ana.Said, StringComparison.Ordinal);
        Assert.Contains("DPC-2024-0007 · 15/04 · ", ana.Said, StringComparison.Ordinal);
        Assert.Contains("(bimestre bloqueado)", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain(ana.Buttons, b => b.Label.Contains("DPC-2024-0007", StringComparison.Ordinal));
        var record = world.Records().Single().Id;

        ana.PressData($"{Seq(ana)}|m:{record}");

        Assert.Contains("ya está cerrado y bloqueado", ana.Said, StringComparison.Ordinal);
        Assert.Empty(Audit(record));
    }

    [Fact]
    public void A_bimester_that_locks_while_the_reason_is_typed_stops_the_correction()
    {
        // 05/05/2024 at 22:00 in Mexico City: Mar/Abr locks at midnight.
        using var late = new ChatWorld(new DateTimeOffset(2024, 5, 6, 4, 0, 0, TimeSpan.Zero));
        var ana = late.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25").Send("Bacheo").Press("Omitir").Press("Cambiar fecha").Send("30/04/2024").Press("Guardar");
        ana.Send("/misreportes").Press("Corregir DPC-2024-0007").Press("Asistentes").Send("30");
        late.Time.Advance(TimeSpan.FromHours(3));

        ana.Send("Conté mal");

        Assert.Contains("ya está cerrado y bloqueado", ana.Said, StringComparison.Ordinal);
        Assert.Equal(25, late.Records().Single().Attendees);
    }

    [Fact]
    public void A_coordinator_whose_council_passed_to_someone_else_can_no_longer_correct_it()
    {
        var ana = world.Coordinator(1, "Consejo Centro").ReportMeeting();
        world.Coordinator(2, "Consejo San Juan");
        ana.Send("/misreportes").Press("Corregir DPC-2024-0007").Press("Asistentes");
        world.Database.Write(db => db.Execute("DELETE FROM person_council WHERE person_id = (SELECT id FROM person WHERE telegram_id = 1)"));

        ana.Send("30");

        Assert.Equal(RecordsText.NotAvailable, ana.Said);
        Assert.Equal(25, world.Records().Single().Attendees);
    }

    [Fact]
    public void Consejo_can_be_corrected_on_the_card_by_a_coordinator_with_several_councils()
    {
        var ana = world.Coordinator(1, "Consejo Centro", "Consejo San Juan");
        ana.Send("/reportar").Press("Reunión").Press("Consejo Centro").Send("25").Send("Bacheo").Press("Omitir");
        Assert.Contains("Consejo: Consejo Centro", ana.Said, StringComparison.Ordinal);

        ana.Press("Corregir").Press("Consejo").Press("Consejo San Juan");

        Assert.Contains("Revise su reporte", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Consejo: Consejo San Juan", ana.Said, StringComparison.Ordinal);
        ana.Press("Guardar");
        Assert.Equal("Consejo San Juan", world.Records().Single().CouncilName);
    }

    [Fact]
    public void Consejo_is_not_offered_on_the_card_to_a_coordinator_with_one_council()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25").Send("Bacheo").Press("Omitir");

        ana.Press("Corregir");

        Assert.DoesNotContain(ana.Buttons, b => b.Label == "Consejo");
        Assert.Contains(ana.Buttons, b => b.Label == "Fecha");
    }

    [Fact]
    public void An_amendment_moves_a_report_to_another_of_the_coordinators_councils_and_the_audit_names_both()
    {
        var ana = world.Coordinator(1, "Consejo Centro", "Consejo San Juan");
        ana.Send("/reportar").Press("Reunión").Press("Consejo Centro").Send("25").Send("Bacheo").Press("Omitir").Press("Guardar");

        ana.Send("/folio DPC-2024-0007").Press("Corregir").Press("Consejo");
        Assert.DoesNotContain(ana.Buttons, b => b.Label == "Consejo El Rosario");
        ana.Press("Consejo San Juan").Send("Era la reunión de San Juan");

        Assert.Contains("Consejo Consejo Centro → Consejo San Juan", ana.Said, StringComparison.Ordinal);
        var record = world.Records().Single();
        Assert.Equal("Consejo San Juan", record.CouncilName);
        var amend = Audit(record.Id).Single();
        Assert.Equal(("council_id", "Consejo Centro", "Consejo San Juan"), (amend.Field, amend.OldValue, amend.NewValue));
        var tally = world.Database.Read(db => db.Scalar<long>(
            "SELECT count(*) FROM record_tally t JOIN council c ON c.id = t.council_id WHERE c.name = 'Consejo San Juan' AND t.records > 0"));
        Assert.Equal(1, tally);
    }

    [Fact]
    public void A_request_and_its_management_keep_their_council_in_an_amendment()
    {
        var ana = world.Coordinator(1, "Consejo Centro", "Consejo San Juan");
        ana.Send("/reportar").Press("Solicitud recibida").Press("Consejo Centro").Send("Alumbrado").Press("Omitir").Send("Obras").Press("Omitir").Press("Guardar");
        ana.Send("/reportar").Press("Solicitud gestionada").Press("Consejo Centro").Press("DPC-2024-0007").Send("Servicios").Press("Omitir").Press("Guardar");

        ana.Send("/folio DPC-2024-0007").Press("Corregir");
        Assert.DoesNotContain(ana.Buttons, b => b.Label == "Consejo");
        ana.Send("/folio DPC-2024-0008").Press("Corregir");
        Assert.DoesNotContain(ana.Buttons, b => b.Label == "Consejo");
    }

    [Fact]
    public void The_director_corrects_as_before_and_may_move_a_report_to_any_council()
    {
        world.Coordinator(1, "Consejo Centro").ReportMeeting();
        var director = world.Director();

        director.Send("/folio DPC-2024-0007").Press("Corregir").Press("Consejo").Press("Consejo El Rosario").Send("Era de El Rosario");

        Assert.Equal("Consejo El Rosario", world.Records().Single().CouncilName);
        Assert.StartsWith("Directora (director", Audit(world.Records().Single().Id).Single().Actor, StringComparison.Ordinal);
    }
}
