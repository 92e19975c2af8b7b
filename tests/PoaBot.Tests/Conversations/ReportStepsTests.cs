using PoaBot.Core.Domain;

namespace PoaBot.Tests.Conversations;

/// <summary>
/// How many updates (messages or button presses) a coordinator with one council spends from /reportar to the folio, per
/// kind: counted here, bounded (a meeting in 6, every other kind in 7) and stated in the README's table; and a report
/// whose bimester locks says so before anything more is typed, keeping the draft.
/// </summary>
public sealed class ReportStepsTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    /// <summary>Each kind's longest walk: a step is text to send, or «tap:» and a button's label.</summary>
    public static TheoryData<string> Kinds() => [.. ActivityKinds.Reportable.Select(k => k.Code)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_report_of_each_kind_reaches_its_folio_within_its_bound_of_updates_as_the_readme_states(string code)
    {
        var kind = ActivityKinds.FromCode(code);
        var ana = world.Coordinator(1, "Consejo Centro");
        var (walk, bound) = Walk(kind, ana);

        var count = Count(ana, walk);

        Assert.True(count <= bound, $"{kind.Label}: {count} updates from /reportar to the folio, more than {bound}");
        var row = $"| {kind.Label} | {count} | {bound} |";
        Assert.True(File.ReadAllLines(Path.Combine(TextCatalogTests.RepoRoot(), "README.md")).Contains(row), $"README.md lacks the row «{row}»");
    }

    [Fact]
    public void Todays_date_is_on_the_card_with_a_button_to_change_it_and_corregir_still_offers_it()
    {
        var ana = world.Coordinator(1, "Consejo Centro").MeetingCard();
        Assert.Contains("Fecha: 15/04/2024", ana.Said, StringComparison.Ordinal);

        ana.Press("Cambiar fecha").Press("Ayer");

        Assert.Contains("Fecha: 14/04/2024", ana.Said, StringComparison.Ordinal);
        ana.Press("Corregir");
        Assert.Contains(ana.Buttons, b => b.Label == "Fecha");
        ana.Press("Volver a la tarjeta").Press("Guardar");
        Assert.Equal(new DateOnly(2024, 4, 14), Assert.Single(world.Records()).EventDate);
    }

    [Fact]
    public void The_reminders_report_button_starts_at_its_activity_with_todays_date_and_saves_in_five_updates()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        var meeting = world.Database.Read(db => db.Scalar<long>("SELECT id FROM activity WHERE num = 1"));

        ana.PressData($"r:{meeting}");
        Assert.Contains("¿Cuántas personas asistieron?", ana.Said, StringComparison.Ordinal);
        ana.Send("25").Send("Acuerdos").Press("Omitir").Press("Guardar");

        Assert.Contains("Guardado con folio", ana.Said, StringComparison.Ordinal);
        Assert.Equal((ActivityKind.Meeting, new DateOnly(2024, 4, 15)), (world.Records()[0].Kind, world.Records()[0].EventDate));
    }

    [Fact]
    public void A_draft_resumed_after_its_bimester_locked_says_so_before_anything_is_typed_and_keeps_what_was_typed()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        world.Time.SetUtcNow(new DateTimeOffset(2024, 4, 29, 18, 0, 0, TimeSpan.Zero));
        ana.Send("/reportar").Press("Reunión").Send("25");
        world.Time.SetUtcNow(new DateTimeOffset(2024, 5, 10, 18, 0, 0, TimeSpan.Zero));

        ana.Send("/reportar").Press("Continuar");

        Assert.Contains("Su reporte tiene fecha 29/04/2024. El bimestre Mar/Abr 2024 ya está cerrado y bloqueado", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Lo que ya escribió se conserva", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Elija una fecha del bimestre abierto (May/Jun 2024), o pida a la Dirección que reabra Mar/Abr 2024 con /reabrir", ana.Said, StringComparison.Ordinal);
        Assert.Contains("¿Qué día fue?", ana.Said, StringComparison.Ordinal);
        ana.Press("Hoy");
        Assert.Contains("¿Qué acuerdos se tomaron?", ana.Said, StringComparison.Ordinal);
        ana.Send("Acuerdos").Press("Omitir");
        Assert.Contains("Asistentes: 25", ana.Said, StringComparison.Ordinal);
        ana.Press("Guardar");

        Assert.Contains("Guardado con folio", ana.Said, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2024, 5, 10), 25L), (world.Records()[0].EventDate, world.Records()[0].Attendees!.Value));
    }

    [Fact]
    public void A_card_whose_bimester_locked_while_it_waited_asks_another_date_on_guardar_and_loses_nothing()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        world.Time.SetUtcNow(new DateTimeOffset(2024, 5, 6, 5, 0, 0, TimeSpan.Zero)); // 05/05 23:00, the last hour of the grace days
        ana.MeetingCard().Press("Cambiar fecha").Press("Otra fecha").Send("30/04/2024");
        Assert.Contains("Fecha: 30/04/2024", ana.Said, StringComparison.Ordinal);
        world.Time.Advance(TimeSpan.FromHours(2));

        ana.Press("Guardar");

        Assert.Empty(world.Records());
        Assert.Contains("El bimestre Mar/Abr 2024 ya está cerrado y bloqueado", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("No pude guardar", ana.Said, StringComparison.Ordinal);
        ana.Press("Hoy");
        Assert.Contains("Revise su reporte", ana.Said, StringComparison.Ordinal);
        ana.Press("Guardar");
        Assert.Equal((new DateOnly(2024, 5, 6), 25L, "Acuerdos"), (world.Records()[0].EventDate, world.Records()[0].Attendees!.Value, world.Records()[0].Agreements));
    }

    [Fact]
    public void A_typed_date_in_a_locked_bimester_is_refused_saying_what_to_do_and_the_draft_goes_on()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        world.Time.SetUtcNow(new DateTimeOffset(2024, 5, 10, 18, 0, 0, TimeSpan.Zero));
        ana.MeetingCard().Press("Cambiar fecha").Press("Otra fecha");

        ana.Send("20/04/2024");

        Assert.Contains("El bimestre Mar/Abr 2024 ya está cerrado y bloqueado", ana.Said, StringComparison.Ordinal);
        Assert.Contains("bimestre abierto (May/Jun 2024)", ana.Said, StringComparison.Ordinal);
        Assert.Contains("/reabrir", ana.Said, StringComparison.Ordinal);
        ana.Send("08/05/2024");
        Assert.Contains("Asistentes: 25", ana.Said, StringComparison.Ordinal);
        ana.Press("Guardar");
        Assert.Equal(new DateOnly(2024, 5, 8), world.Records()[0].EventDate);
    }

    [Fact]
    public void Reporting_last_years_poa_in_january_a_locked_bimester_points_to_its_open_nov_dic()
    {
        using var january = new ChatWorld(new DateTimeOffset(2025, 1, 3, 18, 0, 0, TimeSpan.Zero));
        var ana = january.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión");
        Assert.Contains("¿Qué día de 2024 fue?", ana.Said, StringComparison.Ordinal);

        ana.Send("20/10/2024");

        Assert.Contains("El bimestre Sep/Oct 2024 ya está cerrado y bloqueado", ana.Said, StringComparison.Ordinal);
        Assert.Contains("bimestre abierto (Nov/Dic 2024)", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reminders_button_of_last_years_poa_pressed_after_it_locked_says_so_and_how_to_reopen_it()
    {
        using var january = new ChatWorld(new DateTimeOffset(2025, 1, 10, 18, 0, 0, TimeSpan.Zero));
        var ana = january.Coordinator(1, "Consejo Centro");
        var meeting = january.Database.Read(db => db.Scalar<long>("SELECT id FROM activity WHERE num = 1"));

        ana.PressData($"r:{meeting}");

        Assert.Contains("El POA 2024 ya no acepta reportes: su último bimestre, Nov/Dic 2024, está cerrado y bloqueado", ana.Said, StringComparison.Ordinal);
        Assert.Contains("reabra Nov/Dic 2024 con /reabrir", ana.Said, StringComparison.Ordinal);
    }

    /// <summary>Runs the walk and counts its updates; the folio comes with the last one and not before.</summary>
    private static int Count(Chat ana, IReadOnlyList<string> walk)
    {
        for (var i = 0; i < walk.Count; i++)
        {
            _ = walk[i].StartsWith("tap:", StringComparison.Ordinal) ? ana.Press(walk[i][4..]) : ana.Send(walk[i]);
            Assert.Equal(i == walk.Count - 1, ana.Said.Contains("Guardado con folio", StringComparison.Ordinal));
        }

        return walk.Count;
    }

    /// <summary>The longest walk of a kind for a coordinator with one council, and its bound.</summary>
    private (string[] Walk, int Bound) Walk(ActivityKind kind, Chat ana)
    {
        var other = world.Coordinator(2, "Consejo San Juan");
        if (kind == ActivityKind.RequestManaged)
        {
            ana.ReportRequest("Alumbrado");
        }

        if (kind == ActivityKind.SocialProgram)
        {
            // Another council's program is offered first: the walk declines it («Es un programa nuevo»).
            other.Send("/reportar").Press("Programa social").Send("Despensas").Send("40").Press("Omitir").Press("Guardar");
        }

        if (kind == ActivityKind.Training || kind == ActivityKind.Generic)
        {
            world.Database.Write(db => db.Execute("UPDATE activity SET kind_override = @code WHERE num = 4", new { code = kind.Code }));
        }

        return kind.Code switch
        {
            "meeting" => (["/reportar", "tap:Reunión", "25", "Bacheo", "tap:Omitir", "tap:Guardar"], 6),
            "request_received" => (["/reportar", "tap:Solicitud recibida", "Alumbrado", "tap:Omitir", "Obras Públicas", "tap:Omitir", "tap:Guardar"], 7),
            "request_managed" => (["/reportar", "tap:Solicitud gestionada", "tap:DPC-2024-0007", "Servicios Públicos", "tap:Omitir", "tap:Guardar"], 7),
            "social_program" => (["/reportar", "tap:Programa social", "tap:Es un programa nuevo", "Útiles escolares", "40", "tap:Omitir", "tap:Guardar"], 7),
            "training" => (["/reportar", "tap:4.", "18", "Actas de asamblea", "tap:Omitir", "tap:Guardar"], 7),
            _ => (["/reportar", "tap:4.", "3", "Limpieza del parque", "tap:Omitir", "tap:Guardar"], 7),
        };
    }
}
