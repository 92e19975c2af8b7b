using PoaBot.Core.Conversations;
using PoaBot.Core.People;

namespace PoaBot.Tests.Conversations;

public sealed class AccessTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public void An_invite_registers_the_person_with_its_role_and_councils()
    {
        var ana = world.Coordinator(1, "Consejo Centro", "Consejo San Juan");

        Assert.Contains("coordinador(a)", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Consejo Centro, Consejo San Juan", ana.Said, StringComparison.Ordinal);
        Assert.True(ana.Last.Replies[0].MainKeyboard);
    }

    [Fact]
    public void Start_again_greets_a_registered_person_back_without_registering_them_anew()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        Assert.Contains("¡Bienvenido(a), Coord 1!", ana.Said, StringComparison.Ordinal);

        ana.Send("/start");

        Assert.StartsWith("Hola de nuevo, Coord 1. Está registrado(a) como <b>coordinador(a)</b>.", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("Bienvenido", ana.Said, StringComparison.Ordinal);
        Assert.True(ana.Last.Replies[0].MainKeyboard);
    }

    [Fact]
    public void An_invite_works_once()
    {
        var payload = world.Invite(Roles.Coordinator, "Consejo Centro");
        new Chat(world, 1, "Ana").Send($"/start {payload}");

        var luis = new Chat(world, 2, "Luis").Send($"/start {payload}");

        Assert.Contains("ya se usó", luis.Said, StringComparison.Ordinal);
        luis.Send("/reportar");
        Assert.Equal(Texts.Unregistered, luis.Said);
    }

    [Fact]
    public void An_expired_invite_is_refused()
    {
        var payload = world.Invite(Roles.Coordinator, "Consejo Centro");
        world.Time.Advance(TimeSpan.FromDays(8));

        var ana = new Chat(world, 1, "Ana").Send($"/start {payload}");

        Assert.Contains("ya venció", ana.Said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/start inventado")]
    [InlineData("/start <script>")]
    public void A_made_up_or_malformed_invite_is_refused(string text)
    {
        var ana = new Chat(world, 1, "Ana").Send(text);

        Assert.Equal(Texts.InviteInvalid, ana.Said);
    }

    [Theory]
    [InlineData("hola")]
    [InlineData("/reportar")]
    [InlineData("/resumen")]
    public void An_unregistered_person_is_refused_politely_and_nothing_is_stored(string text)
    {
        var before = world.Fingerprint();

        var stranger = world.Stranger(77).Send(text);

        Assert.Contains("pida su enlace de invitación", stranger.Said, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint());
    }

    [Fact]
    public void An_unregistered_person_pressing_a_button_changes_nothing()
    {
        var before = world.Fingerprint();

        world.Stranger(77).PressData("1|a:1");

        Assert.Equal(before, world.Fingerprint());
    }

    [Fact]
    public void Group_chats_are_refused_politely()
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Handle(new Input(-100123, 1, "Ana", InputKind.Text, world.Time.GetUtcNow()) { Text = "/reportar", IsPrivate = false });

        Assert.Equal(Texts.GroupsNotSupported, ana.Said);
    }

    [Fact]
    public void A_deactivated_person_is_treated_as_unregistered_and_their_councils_move_on()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        world.Coordinator(2, "Consejo San Juan");
        var director = world.Director();

        director.Send("/personas").Press("Dar de baja: Coord 1").Press("Coord 2").Press("Sí, dar de baja");

        Assert.Contains("Sus consejos pasaron a Coord 2", director.Said, StringComparison.Ordinal);
        ana.Send("/reportar");
        Assert.Equal(Texts.Unregistered, ana.Said);
        var councils = world.Database.Read(db => new PeopleStore(db).CouncilsOf(new PeopleStore(db).ByTelegramId(2)!.Id).Select(c => c.Name).ToList());
        Assert.Equal(["Consejo Centro", "Consejo San Juan"], councils);
    }

    [Theory]
    [InlineData("/personas")]
    [InlineData("/resumen consejos")]
    public void A_coordinator_trying_a_director_command_is_told_it_is_for_the_director(string command)
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send(command);

        Assert.Equal(Texts.DirectorOnly, ana.Said);
    }

    [Fact]
    public void Roles_are_checked_on_every_input_not_only_at_registration()
    {
        world.Coordinator(1, "Consejo Centro");
        var director = world.Director();
        director.Send("/personas");
        world.Database.Write(db => db.Execute("UPDATE person_directorate SET role = 'coordinador' WHERE person_id = (SELECT id FROM person WHERE telegram_id = 900)"));

        director.Press("Dar de baja");

        Assert.Equal(Texts.DirectorOnly, director.Said);
    }

    [Fact]
    public void Hola_a_voice_note_and_a_photo_outside_a_report_get_a_short_helpful_answer()
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        Assert.Contains("toque <b>Reportar</b>", ana.Send("hola").Said, StringComparison.Ordinal);
        Assert.Contains("solo entiendo texto", ana.SendSticker().Said, StringComparison.Ordinal);
        Assert.Contains("no hay un reporte en curso", ana.SendPhoto().Said, StringComparison.Ordinal);
        Assert.Contains("No conozco el comando", ana.Send("/inventado").Said, StringComparison.Ordinal);
    }

    [Fact]
    public void The_keyboard_words_work_like_commands()
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        Assert.Contains("¿Qué desea reportar?", ana.Send("Reportar").Said, StringComparison.Ordinal);
        Assert.Contains("No se guardó nada", ana.Send("cancelar").Said, StringComparison.Ordinal);
        Assert.Contains("Avance del POA 2024", ana.Send("resumen").Said, StringComparison.Ordinal);
        Assert.Contains("/misreportes", ana.Send("Ayuda").Said, StringComparison.Ordinal);
    }
}
