using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;

namespace PoaBot.Tests.Conversations;

public sealed class ReportFlowTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public void A_coordinator_reports_a_meeting_in_a_few_taps_and_gets_a_folio_and_the_new_progress()
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send("/reportar");
        Assert.Contains("¿Qué desea reportar?", ana.Said, StringComparison.Ordinal);
        ana.Press("Reunión");
        Assert.Contains("¿Cuántas personas asistieron?", ana.Said, StringComparison.Ordinal);
        ana.Send("25");
        Assert.Contains("acuerdos", ana.Said, StringComparison.Ordinal);
        ana.Send("Bacheo de la calle Hidalgo").Press("Omitir");
        Assert.Contains("Revise su reporte", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Fecha: 15/04/2024", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Asistentes: 25", ana.Said, StringComparison.Ordinal);
        ana.Press("Guardar");

        Assert.Contains("Guardado con folio <b>DPC-2024-0007</b>", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Mar/Abr: 1 de 1 programadas", ana.Said, StringComparison.Ordinal);
        var record = Assert.Single(world.Records());
        Assert.Equal((ActivityKind.Meeting, new DateOnly(2024, 4, 15), 25L, "Bacheo de la calle Hidalgo", "Consejo Centro"), (record.Kind, record.EventDate, record.Attendees!.Value, record.Agreements, record.CouncilName));
    }

    [Fact]
    public void The_council_is_asked_only_when_the_person_has_more_than_one()
    {
        var ana = world.Coordinator(1, "Consejo Centro", "Consejo San Juan");

        ana.Send("/reportar").Press("Reunión");

        Assert.Contains("¿De qué consejo?", ana.Said, StringComparison.Ordinal);
        ana.Press("Consejo San Juan").Send("10").Send("Limpieza").Press("Omitir").Press("Guardar");
        Assert.Equal("Consejo San Juan", Assert.Single(world.Records()).CouncilName);
    }

    [Fact]
    public void A_request_received_asks_what_who_optional_and_the_area()
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send("/reportar").Press("Solicitud recibida").Send("Reparar alumbrado").Send("Sra. López").Send("Obras Públicas").Press("Omitir")
            .Press("Cambiar fecha").Press("Ayer").Press("Guardar");

        var record = Assert.Single(world.Records());
        Assert.Equal((ActivityKind.RequestReceived, new DateOnly(2024, 4, 14), "Reparar alumbrado", "Sra. López", "Obras Públicas"), (record.Kind, record.EventDate, record.Subject, record.Requester, record.Area));
    }

    [Fact]
    public void A_request_managed_is_chosen_among_that_councils_pending_requests_and_counts_once_for_each_activity()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportRequest("Alumbrado");

        ana.Send("/reportar").Press("Solicitud gestionada");
        Assert.Contains("DPC-2024-0007 · 15/04 · Alumbrado", ana.Said, StringComparison.Ordinal);
        ana.Press("DPC-2024-0007").Send("Servicios Públicos").Press("Omitir").Press("Guardar");

        var managed = world.Records()[1];
        Assert.Equal((ActivityKind.RequestManaged, world.Records()[0].Id, "Servicios Públicos"), (managed.Kind, managed.RefId!.Value, managed.Area));
        ana.Send("/reportar").Press("Solicitud gestionada");
        Assert.Contains("no tiene solicitudes pendientes", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_social_program_already_registered_by_another_council_is_linked_and_not_counted_twice()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        var luis = world.Coordinator(2, "Consejo San Juan");
        ana.Send("/reportar").Press("Programa social").Send("Despensas").Send("40").Press("Omitir").Press("Guardar");

        luis.Send("/reportar").Press("Programa social").Press("Ya registrado: Despensas").Send("doce").Press("Omitir").Press("Guardar");

        Assert.Contains("sin contarlo dos veces", luis.Said, StringComparison.Ordinal);
        var records = world.Records();
        Assert.Equal([(1L, (long?)null, 40L), (0L, records[0].Id, 12L)], records.Select(r => (r.Count, r.RefId, r.Beneficiaries!.Value)));
    }

    [Fact]
    public void A_generic_action_counts_its_count()
    {
        world.Database.Write(db => db.Execute("UPDATE activity SET kind_override = 'generic' WHERE num = 4"));
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send("/reportar").Press("4.").Send("3").Send("Limpieza del parque").Press("Omitir").Press("Guardar");

        var record = Assert.Single(world.Records());
        Assert.Equal((ActivityKind.Generic, 3L, "Limpieza del parque"), (record.Kind, record.Count, record.Subject));
    }

    [Fact]
    public void A_photo_is_kept_as_evidence()
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send("/reportar").Press("Reunión").Send("25").Send("Acuerdos").SendPhoto("foto-xyz");
        Assert.Contains("Evidencia: 1 foto ✅", ana.Said, StringComparison.Ordinal);
        ana.Press("Guardar");

        var record = Assert.Single(world.Records());
        var file = Assert.Single(world.Evidence(record.Id));
        Assert.Equal(("foto-xyz", Chat.HashOf("foto-xyz"), "photo", 1L), (file.FileId, file.Hash, file.Kind, file.Position));
    }

    [Fact]
    public void A_file_the_transport_could_not_keep_is_explained_and_asked_again()
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send("/reportar").Press("Reunión").Send("25").Send("Acuerdos").SendPhoto(problem: FileProblem.TooBig);

        Assert.Contains("20 MB", ana.Said, StringComparison.Ordinal);
        Assert.Contains("evidencia", ana.Said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("doce", 12)]
    [InlineData("veinticinco", 25)]
    [InlineData("treinta y dos", 32)]
    [InlineData("1,200", 1200)]
    public void A_number_written_in_words_or_with_thousands_is_understood_and_confirmed(string typed, long expected)
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send("/reportar").Press("Reunión").Send(typed);

        Assert.Contains("acuerdos", ana.Said, StringComparison.Ordinal);
        ana.Send("Acuerdos").Press("Omitir").Press("Guardar");
        Assert.Equal(expected, Assert.Single(world.Records()).Attendees);
    }

    [Theory]
    [InlineData("-3", "negativo")]
    [InlineData("1e9", "No entendí")]
    [InlineData("2.5", "No entendí")]
    [InlineData("muchos", "No entendí")]
    [InlineData("0", "al menos 1")]
    [InlineData("50000", "demasiado")]
    public void A_bad_number_is_re_asked_with_an_example_and_changes_nothing(string typed, string expected)
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión");

        ana.Send(typed);

        Assert.Contains(expected, ana.Said, StringComparison.Ordinal);
        Assert.Contains("por ejemplo: 25", ana.Said, StringComparison.Ordinal);
        Assert.Contains("¿Cuántas personas asistieron?", ana.Said, StringComparison.Ordinal);
        Assert.Empty(world.Records());
    }

    [Fact]
    public void A_sticker_in_the_middle_of_a_report_is_answered_and_the_question_repeated()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión");

        ana.SendSticker();

        Assert.Contains("Necesito un número escrito", ana.Said, StringComparison.Ordinal);
        Assert.Contains("¿Cuántas personas asistieron?", ana.Said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("16/04/2024", "todavía no llega")]
    [InlineData("10/12/2023", "no es del POA 2024")]
    [InlineData("31/02/2024", "No entendí")]
    [InlineData("ayer en la tarde", "No entendí")]
    public void A_date_in_the_future_outside_the_year_or_unreadable_is_refused_kindly(string typed, string expected)
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.MeetingCard().Press("Cambiar fecha").Press("Otra fecha");

        ana.Send(typed);

        Assert.Contains(expected, ana.Said, StringComparison.Ordinal);
        Assert.Contains("por ejemplo 01/04/2024", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Yesterday_on_january_first_belongs_to_another_year_and_is_refused()
    {
        using var newYear = new ChatWorld(new DateTimeOffset(2024, 1, 1, 18, 0, 0, TimeSpan.Zero));
        var ana = newYear.Coordinator(1, "Consejo Centro");

        ana.MeetingCard().Press("Cambiar fecha").Press("Ayer");

        Assert.Contains("no es del POA 2024", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Today_is_the_local_date_of_the_input_not_the_utc_date()
    {
        // 15/04/2024 23:30 in Mexico City is already the 16th in UTC.
        world.Time.SetUtcNow(new DateTimeOffset(2024, 4, 16, 5, 30, 0, TimeSpan.Zero));
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.ReportMeeting();

        Assert.Equal(new DateOnly(2024, 4, 15), Assert.Single(world.Records()).EventDate);
    }

    [Fact]
    public void Back_returns_to_the_previous_question_keeping_what_was_answered()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25");

        ana.Press("Atrás");
        Assert.Contains("¿Cuántas personas asistieron?", ana.Said, StringComparison.Ordinal);
        ana.Send("atrás");
        Assert.Contains("¿Qué desea reportar?", ana.Said, StringComparison.Ordinal);
        ana.Press("Solicitud recibida");
        Assert.Contains("¿Qué se solicita?", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancel_at_any_step_saves_nothing()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        var before = world.Fingerprint();
        ana.Send("/reportar").Press("Reunión").Send("25").Send("Acuerdos").Press("Omitir");

        ana.Press("Cancelar");

        Assert.Contains("No se guardó nada", ana.Said, StringComparison.Ordinal);
        Assert.Empty(world.Records());
        ana.Send("/reportar").Press("Reunión").Send("/cancelar");
        Assert.Contains("No se guardó nada", ana.Said, StringComparison.Ordinal);
        Assert.Empty(world.Records());
        _ = before;
    }

    [Fact]
    public void Corregir_changes_one_field_and_returns_to_the_card()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25").Send("Acuerdos").Press("Omitir");

        ana.Press("Corregir").Press("Asistentes").Send("30");

        Assert.Contains("Revise su reporte", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Asistentes: 30", ana.Said, StringComparison.Ordinal);
        ana.Press("Corregir").Press("Fecha").Press("Otra fecha").Send("02/04/2024");
        Assert.Contains("Fecha: 02/04/2024", ana.Said, StringComparison.Ordinal);
        ana.Press("Guardar");
        Assert.Equal((new DateOnly(2024, 4, 2), 30L), (world.Records()[0].EventDate, world.Records()[0].Attendees!.Value));
    }

    [Fact]
    public void A_double_tap_on_guardar_saves_once()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25").Send("Acuerdos").Press("Omitir");
        var guardar = ana.Buttons.First(b => b.Label.Contains("Guardar", StringComparison.Ordinal)).Data;

        ana.PressData(guardar).PressData(guardar);

        Assert.Single(world.Records());
        Assert.Equal(Texts.StaleButton, ana.Last.ButtonAnswer);
    }

    [Fact]
    public void A_press_of_an_old_button_is_answered_kindly_and_changes_nothing()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar");
        var oldMeeting = ana.Buttons.First(b => b.Label.Contains("Reunión", StringComparison.Ordinal)).Data;
        ana.Press("Solicitud recibida");

        ana.PressData(oldMeeting);

        Assert.Equal(Texts.StaleButton, ana.Last.ButtonAnswer);
        ana.Send("Alumbrado").Press("Omitir").Send("Obras").Press("Omitir").Press("Guardar");
        Assert.Equal(ActivityKind.RequestReceived, Assert.Single(world.Records()).Kind);
    }

    [Fact]
    public void Garbage_button_data_is_treated_as_an_old_button()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar");

        ana.PressData("no-es-un-boton");

        Assert.Equal(Texts.StaleButton, ana.Last.ButtonAnswer);
    }

    [Fact]
    public void Forged_button_data_pointing_at_another_councils_request_is_refused()
    {
        var luis = world.Coordinator(2, "Consejo San Juan");
        luis.ReportRequest("Agua potable");
        var theirs = world.Records()[0].Id;
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Solicitud gestionada");
        var seq = ana.Buttons[0].Data.Split('|')[0];

        ana.PressData($"{seq}|p:{theirs}");

        Assert.Contains("Por favor toque una de las solicitudes pendientes", ana.Said, StringComparison.Ordinal);
        Assert.Single(world.Records());
    }

    [Fact]
    public void Forged_button_data_pointing_at_a_council_of_someone_else_is_refused()
    {
        var ana = world.Coordinator(1, "Consejo Centro", "Consejo San Juan");
        ana.Send("/reportar").Press("Reunión");
        var seq = ana.Buttons[0].Data.Split('|')[0];
        var rosario = world.Database.Read(db => new PoaBot.Core.People.PeopleStore(db).Council("Consejo El Rosario")!.Id);

        ana.PressData($"{seq}|c:{rosario}");

        Assert.Contains("¿De qué consejo?", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_older_than_24_hours_is_offered_to_resume_or_discard()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25");
        world.Time.Advance(TimeSpan.FromHours(25));

        ana.Send("Acuerdos tardíos");
        Assert.Contains("reporte sin terminar", ana.Said, StringComparison.Ordinal);
        Assert.StartsWith("Lo que acaba de enviar no se guardó.", ana.Said, StringComparison.Ordinal);
        ana.Press("Continuar");
        Assert.Contains("acuerdos", ana.Said, StringComparison.Ordinal);
        ana.Send("Acuerdos").Press("Omitir").Press("Guardar");

        Assert.Equal(new DateOnly(2024, 4, 15), Assert.Single(world.Records()).EventDate);
    }

    [Fact]
    public void A_discarded_old_draft_saves_nothing()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión");
        world.Time.Advance(TimeSpan.FromDays(3));

        ana.Send("/resumen");
        Assert.DoesNotContain("no se guardó", ana.Said, StringComparison.Ordinal); // a command is not an answer
        ana.Press("Descartar");

        Assert.Contains("Descarté", ana.Said, StringComparison.Ordinal);
        Assert.Empty(world.Records());
    }

    [Fact]
    public void Starting_a_new_report_during_one_asks_before_throwing_the_first_away()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión");

        ana.Send("/reportar");

        Assert.Contains("Ya tiene un reporte en curso", ana.Said, StringComparison.Ordinal);
        ana.Press("Continuar");
        Assert.Contains("¿Cuántas personas asistieron?", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Discarding_the_report_in_progress_to_start_another_starts_it_at_once()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión");

        ana.Send("/reportar").Press("Descartar");

        Assert.Contains("Descarté el reporte anterior.", ana.Said, StringComparison.Ordinal);
        Assert.Contains("¿Qué desea reportar?", ana.Said, StringComparison.Ordinal);
        ana.Press("Solicitud recibida");
        Assert.Contains("¿Qué se solicita?", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_long_text_is_refused_and_html_looking_text_is_kept_as_text()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25");

        ana.Send(new string('x', 5000));
        Assert.Contains("muy largo", ana.Said, StringComparison.Ordinal);
        ana.Send("<b>Bacheo</b> & \"alumbrado\"").Press("Omitir");

        Assert.Contains("&lt;b&gt;Bacheo&lt;/b&gt; &amp; &quot;alumbrado&quot;", ana.Said, StringComparison.Ordinal);
        ana.Press("Guardar");
        Assert.Equal("<b>Bacheo</b> & \"alumbrado\"", Assert.Single(world.Records()).Agreements);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("...")]
    [InlineData("12/04")]
    public void A_text_answer_without_a_word_is_asked_again_with_an_example(string typed)
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25");

        ana.Send(typed);

        Assert.Contains("Necesito la respuesta con palabras", ana.Said, StringComparison.Ordinal);
        Assert.Contains("¿Qué acuerdos se tomaron?", ana.Said, StringComparison.Ordinal);
        ana.Send("Acuerdo 2: bacheo").Press("Omitir").Press("Guardar");
        Assert.Equal("Acuerdo 2: bacheo", Assert.Single(world.Records()).Agreements);
    }

    [Fact]
    public void Every_button_fits_telegrams_64_byte_limit()
    {
        var ana = world.Coordinator(1, "Consejo Centro", "Consejo San Juan");

        ana.Send("/reportar");
        Assert.All(ana.Buttons, b => Assert.True(System.Text.Encoding.UTF8.GetByteCount(b.Data) <= 64));
        ana.Press("Reunión");
        Assert.All(ana.Buttons, b => Assert.True(System.Text.Encoding.UTF8.GetByteCount(b.Data) <= 64));
    }
}
