using System.Globalization;
using PoaBot.Core.Conversations;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Conversations;

/// <summary>
/// Actor × action: every command and every kind of button data, forged or replayed, tried by everyone who should not
/// be able to use it. Nothing they do may change a table other than their own conversation, and nothing they see may
/// carry another council's record or the Dirección's tools.
/// </summary>
public sealed class AuthorizationMatrixTests : IDisposable
{
    private const string Secret = "Secreto del Consejo Centro";
    private const string DirectorText = "Justificación de la Dirección";

    /// <summary>2 May 2024: Mar/Abr has closed and is not locked yet, so justifications can be written.</summary>
    private readonly ChatWorld world = new(new DateTimeOffset(2024, 5, 2, 18, 0, 0, TimeSpan.Zero));

    public void Dispose() => world.Dispose();

    private static readonly string[] Commands =
    [
        "/start", "/ayuda", "/reportar", "/resumen", "/resumen consejos", "/misreportes", "/folio DPC-2024-0001", "/personas", "/coordinadores",
        "/invitar", "/consejos", "/importar", "/exportar", "/grafica", "/justificar", "/reabrir", "/recordatorios", "/cancelar", "/inventado",
    ];

    /// <summary>What a forger can put after the sequence number: every action any question of the bot uses.</summary>
    private static IEnumerable<string> Actions(long record, long activity, long person, long council) =>
    [
        $"v:{record}", $"m:{record}", "f:Date", "f:Subject", $"d:{person}", $"r:{person}", "r:0", "role:director", "role:coordinador", $"t:{council}",
        "done", "add", "import", "o:20242", "o:20241", $"j:{activity}:2", $"a:{activity}", $"c:{council}", "d:hoy", "y:2024", "save", "edit", "resume",
        "discard", "skip", "back", "cancel", "e:Date",
    ];

    private long Id(string sql) => world.Database.Read(db => db.Scalar<long>(sql));

    private int Seq(Chat chat) => world.Database.Read(db => new ConversationStore(db).Load(chat.UserId).Seq);

    /// <summary>A record of Consejo Centro by coordinator A, and the Dirección's justification of activity 2 in Mar/Abr.</summary>
    private (Chat A, Chat Director) Setup()
    {
        var a = world.Coordinator(1, "Consejo Centro");
        a.ReportRequest(Secret);
        var director = world.Director();
        director.Send("/justificar").Press("Mar/Abr 2024 · 2.").Send(DirectorText);
        Assert.Contains("Justificación guardada", director.Said, StringComparison.Ordinal);
        return (a, director);
    }

    /// <summary>Tries everything: each command, then each action as a global button, with the current and an old sequence, each followed by typed answers.</summary>
    private List<string> TryEverything(Chat actor)
    {
        var record = Id("SELECT id FROM record WHERE kind <> 'baseline' ORDER BY id LIMIT 1");
        var activity = Id("SELECT activity_id FROM justification LIMIT 1");
        var person = Id("SELECT id FROM person WHERE telegram_id = 1");
        var council = Id("SELECT id FROM council WHERE name = 'Consejo Centro'");
        var seen = new List<string>();
        void Follow()
        {
            seen.Add(actor.Said);
            foreach (var text in new[] { "Texto forjado", "5", "15/03/2024", "Motivo forjado" })
            {
                actor.Send(text);
                seen.Add(actor.Said);
            }
        }

        foreach (var command in Commands)
        {
            actor.Send(command);
            Follow();
        }

        foreach (var action in Actions(record, activity, person, council))
        {
            foreach (var data in new[] { action, $"{Seq(actor)}|{action}", $"{Math.Max(0, Seq(actor) - 1)}|{action}", $"999|{action}" })
            {
                actor.PressData(data);
                Follow();
                actor.Send("/cancelar");
            }
        }

        return seen;
    }

    private void AssertNothingChangedOrLeaked(Chat actor, string before, string except = "conversation")
    {
        var seen = TryEverything(actor);

        Assert.Equal(before, world.Fingerprint(except));
        Assert.DoesNotContain(seen, s => s.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(seen, s => s.Contains("Personas registradas", StringComparison.Ordinal));
        Assert.DoesNotContain(seen, s => s.Contains("Invitación para", StringComparison.Ordinal));
        Assert.DoesNotContain(seen, s => s.Contains("Vista previa", StringComparison.Ordinal));
        Assert.Equal(DirectorText, world.Database.Read(db => db.Scalar<string>("SELECT text FROM justification")));
    }

    [Fact]
    public void An_unregistered_person_trying_every_command_and_button_reads_nothing_and_writes_nothing()
    {
        Setup();
        var before = world.Fingerprint();

        AssertNothingChangedOrLeaked(world.Stranger(77), before, except: "nothing");
    }

    [Fact]
    public void A_coordinator_of_another_council_trying_every_command_and_forged_button_reads_nothing_and_writes_nothing()
    {
        Setup();
        var b = world.Coordinator(2, "Consejo San Juan");
        var before = world.Fingerprint("conversation");

        AssertNothingChangedOrLeaked(b, before);
    }

    [Fact]
    public void A_deactivated_and_reinvited_coordinator_keeps_none_of_the_old_councils_and_reads_nothing_of_them()
    {
        var (_, director) = Setup();
        var c = world.Coordinator(3, "Consejo Centro");
        director.Send("/personas").Press("Dar de baja: Coord 3").Press("No reasignar").Press("Sí, dar de baja");
        c.Send($"/start {world.Invite(Roles.Coordinator, "Consejo San Juan")}");
        Assert.Equal(["Consejo San Juan"], world.Database.Read(db => new PeopleStore(db).CouncilsOf(new PeopleStore(db).ByTelegramId(3)!.Id).Select(x => x.Name).ToList()));
        var before = world.Fingerprint("conversation");

        AssertNothingChangedOrLeaked(c, before);
    }

    [Fact]
    public void In_a_group_chat_even_the_director_reads_nothing_and_nothing_is_stored()
    {
        Setup();
        var before = world.Fingerprint();
        foreach (var text in Commands)
        {
            var result = world.Database.Write(db => world.Engine.Handle(db, new Input(-100123, 900, "Directora", InputKind.Text, world.Time.GetUtcNow()) { Text = text, IsPrivate = false }));
            Assert.Equal(Texts.GroupsNotSupported, Assert.Single(result.Replies).Html);
        }

        foreach (var data in new[] { "1|v:1", "j:1:2", "r:1", "1|role:director" })
        {
            var result = world.Database.Write(db => world.Engine.Handle(db, new Input(-100123, 900, "Directora", InputKind.Button, world.Time.GetUtcNow()) { Data = data, IsPrivate = false }));
            Assert.Equal(Texts.GroupsNotSupported, Assert.Single(result.Replies).Html);
        }

        Assert.Equal(before, world.Fingerprint());
    }

    [Fact]
    public void A_forged_justification_button_does_not_let_a_coordinator_overwrite_the_directors_text()
    {
        Setup();
        var b = world.Coordinator(2, "Consejo San Juan");
        var activity = Id("SELECT activity_id FROM justification LIMIT 1");

        b.PressData($"j:{activity}:2");
        Assert.Contains("solo la Dirección puede cambiarla", b.Said, StringComparison.Ordinal);
        b.Send("Texto del coordinador");

        Assert.Equal(DirectorText, world.Database.Read(db => db.Scalar<string>("SELECT text FROM justification")));
        Assert.DoesNotContain("Texto del coordinador", world.Fingerprint(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_justification_written_by_the_director_while_a_coordinator_types_is_not_overwritten()
    {
        var director = world.Director();
        var b = world.Coordinator(2, "Consejo San Juan");
        var activity = Id("SELECT id FROM activity WHERE num = 2");
        b.PressData($"j:{activity}:2");
        Assert.Contains("Escriba la justificación", b.Said, StringComparison.Ordinal);

        director.Send("/justificar").Press("Mar/Abr 2024 · 2.").Send(DirectorText);
        b.Send("Texto del coordinador");

        Assert.Contains("solo la Dirección puede cambiarla", b.Said, StringComparison.Ordinal);
        Assert.Equal(DirectorText, world.Database.Read(db => db.Scalar<string>("SELECT text FROM justification")));
    }

    [Fact]
    public void A_draft_from_before_a_deactivation_cannot_be_saved_into_a_council_the_person_no_longer_has()
    {
        var director = world.Director();
        var c = world.Coordinator(3, "Consejo Centro");
        c.Send("/reportar").Press("Reunión").Send("25").Send("Acuerdo viejo").Press("Omitir");
        var save = c.Buttons.Single(x => x.Label.Contains("Guardar", StringComparison.Ordinal)).Data;
        director.Send("/personas").Press("Dar de baja: Coord 3").Press("No reasignar").Press("Sí, dar de baja");
        Assert.Equal(0L, Id("SELECT count(*) FROM conversation WHERE chat_id = 3"));

        c.Send($"/start {world.Invite(Roles.Coordinator, "Consejo San Juan")}").PressData(save);

        Assert.Empty(world.Records());
        Assert.Equal(Texts.StaleButton, c.Last.ButtonAnswer);
    }

    [Fact]
    public void A_draft_whose_council_was_reassigned_while_it_waited_is_not_saved()
    {
        var c = world.Coordinator(3, "Consejo Centro", "Consejo San Juan");
        c.Send("/reportar").Press("Reunión").Press("Consejo Centro").Send("25").Send("Acuerdo").Press("Omitir");
        world.Database.Write(db => db.Execute("DELETE FROM person_council WHERE council_id = (SELECT id FROM council WHERE name = 'Consejo Centro')"));

        c.Press("Guardar");

        Assert.Contains("ese consejo ya no está a su cargo", c.Said, StringComparison.Ordinal);
        Assert.Empty(world.Records());
    }

    [Fact]
    public void A_former_coordinator_of_a_council_cannot_read_or_void_its_records_even_their_own()
    {
        var c = world.Coordinator(3, "Consejo Centro");
        c.ReportRequest(Secret);
        var folio = world.Records().Single().Folio;
        c.Send($"/start {world.Invite(Roles.Coordinator, "Consejo San Juan")}");

        c.Send($"/folio {folio}");
        Assert.DoesNotContain(Secret, c.Said, StringComparison.Ordinal);
        c.Send("/misreportes");
        Assert.DoesNotContain(folio, c.Said, StringComparison.Ordinal);
        c.PressData(string.Create(CultureInfo.InvariantCulture, $"{Seq(c)}|v:{world.Records().Single().Id}")).Send("Motivo");

        Assert.False(world.Records().Single().IsVoided);
    }

    [Fact]
    public void A_director_demoted_in_the_middle_of_a_task_cannot_finish_it()
    {
        var c = world.Coordinator(1, "Consejo Centro");
        c.ReportMeeting();
        var director = world.Director();
        director.Send($"/folio {world.Records().Single().Folio}").Press("Corregir").Press("Fecha").Send("01/03/2024");
        world.Database.Write(db => db.Execute("UPDATE person_directorate SET role = 'coordinador' WHERE person_id = (SELECT id FROM person WHERE telegram_id = 900)"));

        director.Send("Motivo");

        // Correcting is no longer the Dirección's alone, but this record is not the demoted person's to correct.
        Assert.Equal(RecordsText.NotAvailable, director.Said);

        Assert.Equal(0L, Id("SELECT count(*) FROM audit WHERE action = 'amend'"));
    }

    [Fact]
    public void A_coordinators_own_record_stays_readable_and_voidable_by_them()
    {
        var a = world.Coordinator(1, "Consejo Centro");
        a.ReportRequest(Secret);

        a.Send($"/folio {world.Records().Single().Folio}");
        Assert.Contains(Secret, a.Said, StringComparison.Ordinal);
        a.Press("Anular").Send("Duplicado");

        Assert.True(world.Records().Single().IsVoided);
    }
}
