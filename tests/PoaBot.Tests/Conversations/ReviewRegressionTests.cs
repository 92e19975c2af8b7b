using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;
using PoaBot.Core.Reminders;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Conversations;

/// <summary>Behaviours pinned after a review of the conversation core: each would have let bad input change something.</summary>
public sealed class ReviewRegressionTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    private long ActivityId(int num) => world.Database.Read(db => db.Scalar<long>("SELECT id FROM activity WHERE num = @num", new { num }));

    [Fact]
    public void A_coordinator_cannot_justify_an_activity_that_needs_no_justification()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        world.Time.SetUtcNow(new DateTimeOffset(2024, 5, 2, 18, 0, 0, TimeSpan.Zero));

        ana.PressData($"j:{ActivityId(4)}:2");

        Assert.Contains("no necesita justificación", ana.Said, StringComparison.Ordinal);
        Assert.Equal(0L, world.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM justification")));
    }

    [Theory]
    [InlineData("j:1:99999999999")]
    [InlineData("j:99999999999999999999:2")]
    [InlineData("r:abc")]
    [InlineData("j:1:9")]
    public void Forged_reminder_buttons_are_answered_as_old_buttons_and_change_nothing(string data)
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        var before = world.Fingerprint("conversation");

        ana.PressData(data);

        Assert.Equal(Texts.StaleButton, ana.Last.ButtonAnswer);
        Assert.Equal(before, world.Fingerprint("conversation"));
    }

    [Fact]
    public void A_void_whose_reason_is_typed_after_the_bimester_locked_is_refused()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportMeeting();
        world.Time.SetUtcNow(new DateTimeOffset(2024, 5, 6, 5, 50, 0, TimeSpan.Zero));
        ana.Send("/misreportes").Press("Anular");

        world.Time.Advance(TimeSpan.FromMinutes(20));
        ana.Send("Me equivoqué");

        Assert.Contains("ya está cerrado y bloqueado", ana.Said, StringComparison.Ordinal);
        Assert.False(world.Records().Single().IsVoided);
    }

    [Fact]
    public void Nov_dic_can_still_be_reported_in_the_first_days_of_january()
    {
        using var january = new ChatWorld(new DateTimeOffset(2025, 1, 2, 18, 0, 0, TimeSpan.Zero));
        var ana = january.Coordinator(1, "Consejo Centro");

        ana.Send("/reportar").Press("Reunión");
        Assert.Contains("¿Qué día de 2024 fue?", ana.Said, StringComparison.Ordinal);
        ana.Send("28/12/2024").Send("20").Send("Posada vecinal").Press("Omitir").Press("Guardar");

        Assert.Contains("Guardado con folio", ana.Said, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 12, 28), january.Records().Single().EventDate);
    }

    [Fact]
    public void Voiding_a_program_that_another_council_shares_is_refused()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        var luis = world.Coordinator(2, "Consejo San Juan");
        ana.Send("/reportar").Press("Programa social").Send("Despensas").Send("40").Press("Omitir").Press("Guardar");
        luis.Send("/reportar").Press("Programa social").Press("Ya registrado").Send("12").Press("Omitir").Press("Guardar");

        ana.Send("/misreportes").Press("Anular");

        Assert.Contains("otro consejo registró su participación en ese programa", ana.Said, StringComparison.Ordinal);
        Assert.All(world.Records(), r => Assert.False(r.IsVoided));
    }

    [Theory]
    [InlineData("treinta veinte")]
    [InlineData("diez cinco")]
    [InlineData("cien dos")]
    public void Words_that_do_not_make_a_number_are_not_read_as_one(string typed) =>
        Assert.False(NumberText.TryParse(typed, 10_000, out _, out _));

    [Theory]
    [InlineData("ciento veinticinco", 125)]
    [InlineData("noventa y nueve", 99)]
    [InlineData("cien", 100)]
    public void Spelled_out_numbers_are_read(string typed, int expected)
    {
        Assert.True(NumberText.TryParse(typed, 10_000, out var value, out var fromWords));
        Assert.Equal((expected, true), (value, fromWords));
    }

    [Fact]
    public void Omitir_typed_instead_of_tapped_skips_the_requester()
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send("/reportar").Press("Solicitud recibida").Send("Alumbrado").Send("omitir").Send("Obras Públicas").Send("Omitir").Press("Guardar");

        Assert.Null(world.Records().Single().Requester);
    }

    [Fact]
    public void A_council_named_like_the_document_council_is_not_added()
    {
        var director = world.Director();

        director.Send("/consejos").Press("Agregar").Send("Documento POA");

        Assert.Contains("Ya existe", director.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_late_reminder_says_how_many_days_are_really_left()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        world.Time.SetUtcNow(new DateTimeOffset(2024, 4, 28, 15, 0, 0, TimeSpan.Zero));

        ReminderRun.Execute(world.Database, world.Time.GetUtcNow(), ReminderSettings.Default, BimesterRules.Default, SemaforoThresholds.Default, world.Clock);

        var row = world.Database.Read(db => db.Query<OutboxRow>("SELECT * FROM outbox WHERE chat_id = 1").Single());
        Assert.Contains("Faltan 3 días", OutboxStore.Read(row).Html, StringComparison.Ordinal);
        _ = ana;
    }

    [Fact]
    public void A_correction_keeps_the_limits_of_a_report()
    {
        world.Coordinator(1, "Consejo Centro").ReportMeeting();
        var director = world.Director();

        director.Send("/folio DPC-2024-0007").Press("Corregir").Press("Asistentes").Send("0");

        Assert.Contains("Escriba un número entero de 1 a 10,000", director.Said, StringComparison.Ordinal);
        Assert.Equal(25, world.Records().Single().Attendees);
    }
}
