using PoaBot.Core.Conversations;

namespace PoaBot.Tests.Conversations;

/// <summary>The conversation state is a typed task per flow; each flow answers «Atrás» and «Cancelar»; older states never crash.</summary>
public sealed class FlowStateTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public void Atras_typed_while_giving_the_reason_of_a_void_keeps_the_void_and_asks_again()
    {
        var ana = world.Coordinator(1, "Consejo Centro").ReportMeeting();
        ana.Send("/misreportes").Press("Anular DPC-2024-0007");

        ana.Send("Atrás");

        Assert.Contains(Texts.NoStepBack, ana.Said, StringComparison.Ordinal);
        Assert.Contains("¿Por qué anula el folio <b>DPC-2024-0007</b>?", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain(Texts.Hello, ana.Said, StringComparison.Ordinal);
        Assert.Contains("\"flow\":\"void\"", State(1), StringComparison.Ordinal);
        ana.Send("La registré dos veces");
        Assert.Contains("Folio DPC-2024-0007 anulado", ana.Said, StringComparison.Ordinal);
        Assert.NotNull(world.Records()[0].VoidedAt);
    }

    [Fact]
    public void Going_back_to_the_activity_menu_leaves_no_phantom_draft_to_resume()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Press("Atrás");
        Assert.Contains("¿Qué desea reportar?", ana.Said, StringComparison.Ordinal);

        ana.Send("/reportar");
        Assert.Contains("¿Qué desea reportar?", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("reporte en curso", ana.Said, StringComparison.Ordinal);

        ana.Press("Reunión").Press("Atrás");
        world.Time.Advance(TimeSpan.FromHours(25));
        ana.Send("hola");
        Assert.DoesNotContain("sin terminar", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_flow_says_what_cancelar_dropped_and_atras_in_a_report_goes_one_question_back()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión").Send("25");
        Assert.Contains("\"flow\":\"report\"", State(1), StringComparison.Ordinal);

        ana.Send("Atrás");
        Assert.Contains("¿Cuántas personas asistieron?", ana.Said, StringComparison.Ordinal);
        ana.Send("/cancelar");
        Assert.Equal(Texts.Cancelled, ana.Said);

        ana.ReportMeeting().Send("/misreportes").Press("Anular");
        ana.Send("/cancelar");
        Assert.Equal(Texts.CancelledTask, ana.Said);
        Assert.Null(world.Records()[0].VoidedAt);
    }

    [Theory]
    [InlineData("{\"Step\":\"VoidReason\",\"Seq\":3,\"History\":[],\"TargetId\":7,\"AmendField\":\"Date\",\"Selected\":[]}")]
    [InlineData("{\"Step\":\"Attendees\",\"Seq\":9,\"History\":[\"Activity\",\"Date\"],\"Draft\":{\"ActivityId\":1,\"Attendees\":3}}")]
    [InlineData("{\"Task\":{\"flow\":\"a-flow-of-a-newer-version\"},\"Seq\":2}")]
    [InlineData("{ not json")]
    public void A_state_saved_in_an_older_or_unknown_shape_is_discarded_kindly_and_the_person_is_told(string saved)
    {
        var ana = world.Coordinator(1, "Consejo Centro").ReportMeeting();
        Save(1, saved);
        var before = world.Fingerprint("conversation", "outbox", "inbox");

        ana.Send("Duplicado");

        Assert.Contains(Texts.StateLost, ana.Said, StringComparison.Ordinal);
        Assert.Contains(Texts.Hello, ana.Said, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint("conversation", "outbox", "inbox"));
        ana.ReportMeeting();
        Assert.Contains("Guardado con folio", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void An_idle_state_in_the_older_shape_is_read_silently_and_its_old_buttons_stay_stale()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        Save(1, "{\"Step\":\"Idle\",\"Seq\":5,\"History\":[],\"Selected\":[]}");

        ana.PressData("5|save");
        Assert.Equal(Texts.StaleButton, ana.Last.ButtonAnswer);

        ana.Send("/reportar");
        Assert.DoesNotContain(Texts.StateLost, ana.Said, StringComparison.Ordinal);
        Assert.Contains("¿Qué desea reportar?", ana.Said, StringComparison.Ordinal);
    }

    private void Save(long chatId, string state) =>
        world.Database.Write(db => db.Execute(
            """
            INSERT INTO conversation (chat_id, state, updated_at) VALUES (@chatId, @state, '2024-04-15T18:00:00.000Z')
            ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state
            """,
            new { chatId, state }));

    private string State(long chatId) =>
        world.Database.Read(db => db.Single<string>("SELECT state FROM conversation WHERE chat_id = @chatId", new { chatId }))!;
}
