using PoaBot.Core.Domain;
using PoaBot.Core.Reminders;
using PoaBot.Core.Storage;
using PoaBot.Tests.Conversations;

namespace PoaBot.Tests.Reminders;

public sealed class ReminderTests : IDisposable
{
    private static readonly DateTimeOffset NewYear2024 = new(2024, 1, 1, 6, 0, 0, TimeSpan.Zero);
    private readonly ChatWorld world = new(NewYear2024);

    public void Dispose() => world.Dispose();

    private int Run(ReminderSettings? settings = null) =>
        ReminderRun.Execute(world.Database, world.Time.GetUtcNow(), settings ?? ReminderSettings.Default, BimesterRules.Default, SemaforoThresholds.Default, world.Clock);

    /// <summary>What the outbox holds: chat, local time, and the text followed by the buttons' data.</summary>
    private IReadOnlyList<(long ChatId, DateTime Local, string Text)> Outbox() =>
        world.Database.Read(db => db.Query<OutboxRow>("SELECT * FROM outbox ORDER BY id").ToList())
            .Select(r => (r.ChatId, world.Clock.LocalDateTime(r.CreatedAt), Describe(OutboxStore.Read(r)))).ToList();

    private static string Describe(OutgoingMessage m) => m.Html + "\n" + string.Join(" ", m.Buttons.SelectMany(b => b).Select(b => b.Data));

    private void RunEveryHourUntil(DateTimeOffset end, ReminderSettings? settings = null)
    {
        while (world.Time.GetUtcNow() < end)
        {
            world.Time.Advance(TimeSpan.FromHours(1));
            Run(settings);
        }
    }

    [Fact]
    public void A_year_of_reminders_goes_at_nine_local_only_to_people_with_pending_items_including_december_to_january()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        var director = world.Director();

        RunEveryHourUntil(new DateTimeOffset(2025, 1, 2, 6, 0, 0, TimeSpan.Zero));

        var toAna = Outbox().Where(o => o.ChatId == ana.UserId).ToList();
        Assert.Equal(
            [
                new DateTime(2024, 4, 24, 9, 0, 0), new DateTime(2024, 4, 30, 9, 0, 0), new DateTime(2024, 5, 1, 9, 0, 0),
                new DateTime(2024, 10, 25, 9, 0, 0), new DateTime(2024, 10, 31, 9, 0, 0), new DateTime(2024, 11, 1, 9, 0, 0),
                new DateTime(2024, 12, 25, 9, 0, 0), new DateTime(2024, 12, 31, 9, 0, 0), new DateTime(2025, 1, 1, 9, 0, 0),
            ],
            toAna.Select(o => o.Local));
        Assert.Contains("Faltan 7 días para que cierre el bimestre Mar/Abr", toAna[0].Text, StringComparison.Ordinal);
        Assert.Contains("Hoy es el último día del bimestre Nov/Dic", toAna[7].Text, StringComparison.Ordinal);
        Assert.Contains("El bimestre Nov/Dic ya cerró", toAna[8].Text, StringComparison.Ordinal);
        Assert.Contains("r:", toAna[0].Text, StringComparison.Ordinal);
        var digests = Outbox().Where(o => o.ChatId == director.UserId && o.Text.Contains("Resumen para la Dirección", StringComparison.Ordinal)).ToList();
        Assert.Equal(18, digests.Count);
        Assert.All(digests, d => Assert.Equal(9, d.Local.Hour));
    }

    [Fact]
    public void A_coordinator_whose_council_already_reported_is_not_reminded()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        world.Time.SetUtcNow(new DateTimeOffset(2024, 4, 20, 18, 0, 0, TimeSpan.Zero));
        ana.ReportRequest();

        RunEveryHourUntil(new DateTimeOffset(2024, 5, 2, 6, 0, 0, TimeSpan.Zero));

        Assert.DoesNotContain(Outbox(), o => o.ChatId == ana.UserId);
    }

    [Fact]
    public void Quiet_hours_hold_what_falls_inside_them_until_they_end()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        var late = ReminderSettings.Default with { At = new TimeOnly(22, 30) };

        RunEveryHourUntil(new DateTimeOffset(2024, 4, 26, 6, 0, 0, TimeSpan.Zero), late);

        Assert.Equal(new DateTime(2024, 4, 25, 8, 0, 0), Outbox().First(o => o.ChatId == ana.UserId).Local);
    }

    [Fact]
    public void After_downtime_only_the_latest_due_reminder_of_the_bimester_is_sent()
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        world.Time.SetUtcNow(new DateTimeOffset(2024, 4, 30, 20, 0, 0, TimeSpan.Zero));
        Run();

        var toAna = Outbox().Where(o => o.ChatId == ana.UserId).ToList();
        Assert.Single(toAna);
        Assert.Contains("Hoy es el último día", toAna[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_sent_for_a_bimester_that_is_already_locked()
    {
        world.Coordinator(1, "Consejo Centro");

        world.Time.SetUtcNow(new DateTimeOffset(2024, 5, 7, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, Run());
    }

    [Fact]
    public void Each_reminder_goes_once_even_when_a_fan_out_was_cut_by_a_restart()
    {
        var coordinators = Enumerable.Range(1, 250).Select(i => world.Coordinator(i, "Consejo Centro")).ToList();
        world.Time.SetUtcNow(new DateTimeOffset(2024, 4, 24, 15, 0, 0, TimeSpan.Zero));
        // The first chunk of the fan-out committed before the process died.
        world.Database.Write(db => db.Execute(
            "INSERT INTO reminder_sent (person_id, directorate_id, year, bimester, kind, sent_at) SELECT id, 1, 2024, 2, 'before7', '2024-04-24T15:00:00.000Z' FROM person WHERE telegram_id <= 100"));

        var sent = Run();
        var again = Run();

        Assert.Equal(150, sent);
        Assert.Equal(0, again);
        Assert.Equal(150, Outbox().Select(o => o.ChatId).Where(c => c <= 250).Distinct().Count());
        Assert.Equal(250L, world.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM reminder_sent WHERE kind = 'before7' AND person_id IN (SELECT person_id FROM person_directorate WHERE role = 'coordinador')")));
        _ = coordinators;
    }

    [Fact]
    public void At_the_close_the_director_is_asked_for_justifications_which_are_stored_and_shown()
    {
        var director = world.Director();
        world.Time.SetUtcNow(new DateTimeOffset(2024, 5, 1, 15, 0, 0, TimeSpan.Zero));
        Run();

        var request = Outbox().Single(o => o.ChatId == director.UserId && o.Text.Contains("Justificaciones de Mar/Abr", StringComparison.Ordinal));
        Assert.Contains("2. Solicitud recibida", request.Text, StringComparison.Ordinal);
        var activityId = world.Database.Read(db => db.Scalar<long>("SELECT id FROM activity WHERE num = 2"));
        director.PressData($"j:{activityId}:2");
        Assert.Contains("Escriba la justificación", director.Said, StringComparison.Ordinal);
        director.Send("Faltaron 4 solicitudes por la temporada de lluvias");

        Assert.Contains("Justificación guardada", director.Said, StringComparison.Ordinal);
        director.Send("/resumen");
        Assert.Contains("📝 Mar/Abr: Faltaron 4 solicitudes por la temporada de lluvias", director.Said, StringComparison.Ordinal);
        director.Send("/justificar").Press("Mar/Abr 2024 · 2.").Send("Corregida");
        var audit = world.Database.Read(db => new AuditStore(db).All()[^1]);
        Assert.Equal(("justify", "Faltaron 4 solicitudes por la temporada de lluvias", "Corregida"), (audit.Action, audit.OldValue, audit.NewValue));
    }

    [Fact]
    public void A_locked_bimester_refuses_new_records_and_a_reopened_one_accepts_them()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        var director = world.Director();
        world.Time.SetUtcNow(new DateTimeOffset(2024, 5, 10, 18, 0, 0, TimeSpan.Zero));

        ana.Send("/reportar").Press("Reunión").Send("12").Send("Acuerdos").Press("Omitir").Press("Cambiar fecha").Press("Otra fecha").Send("20/04/2024");
        Assert.Contains("ya está cerrado y bloqueado", ana.Said, StringComparison.Ordinal);
        ana.Send("/cancelar");

        director.Send("/reabrir").Press("Mar/Abr").Send("3").Send("Faltó registrar una reunión");
        Assert.Contains("queda abierto hasta el 13/05/2024", director.Said, StringComparison.Ordinal);
        ana.Send("/reportar").Press("Reunión").Send("12").Send("Acuerdos").Press("Omitir").Press("Cambiar fecha").Press("Otra fecha").Send("20/04/2024").Press("Guardar");
        Assert.Contains("Guardado con folio", ana.Said, StringComparison.Ordinal);

        world.Time.Advance(TimeSpan.FromDays(4));
        ana.Send("/misreportes");
        Assert.Contains("(bimestre bloqueado)", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain(ana.Buttons, b => b.Label.StartsWith("Anular", StringComparison.Ordinal));
        ana.Send($"/folio {world.Records().Single().Folio}");
        Assert.Contains("ya está cerrado y bloqueado", ana.Said, StringComparison.Ordinal);
        Assert.False(world.Records().Single().IsVoided);
        Assert.Contains(world.Database.Read(db => new AuditStore(db).All()), a => a.Action == "reopen" && a.Reason == "Faltó registrar una reunión");
    }

    [Fact]
    public void The_reminder_button_starts_a_report_on_that_activity()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        var activityId = world.Database.Read(db => db.Scalar<long>("SELECT id FROM activity WHERE num = 2"));
        world.Time.SetUtcNow(new DateTimeOffset(2024, 4, 24, 15, 0, 0, TimeSpan.Zero));

        ana.PressData($"r:{activityId}");

        Assert.Contains("¿Qué se solicita?", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Recordatorios_shows_the_schedule_and_the_next_reminders_due_with_singular_and_plural_written_out()
    {
        world.Coordinator(1, "Consejo Centro");
        var director = world.Director();
        world.Time.SetUtcNow(new DateTimeOffset(2024, 4, 20, 18, 0, 0, TimeSpan.Zero));

        director.Send("/recordatorios");

        Assert.Contains("Horario silencioso: 21:00–08:00", director.Said, StringComparison.Ordinal);
        Assert.Contains("24/04/2024 09:00 — Mar/Abr 2024, faltan 7 días: hoy irían a 1 coordinador con pendientes", director.Said, StringComparison.Ordinal);
        Assert.Contains("30/04/2024 09:00 — Mar/Abr 2024, falta 1 día: hoy irían a 1 coordinador con pendientes", director.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("(s)", director.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("(es)", director.Said, StringComparison.Ordinal);
    }
}
