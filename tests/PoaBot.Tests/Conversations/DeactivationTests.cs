using PoaBot.Core.Conversations;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Conversations;

/// <summary>«Dar de baja» in /coordinadores: nothing changes until the Dirección confirms, and the person is told.</summary>
public sealed class DeactivationTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    private bool Active(long telegramId) => world.Database.Read(db => new PeopleStore(db).ByTelegramId(telegramId)!.Active);

    private IReadOnlyList<OutboxRow> Queued(long chatId) => world.Database.Read(db => new OutboxStore(db).PendingMessages(chatId, 10));

    [Fact]
    public void Dar_de_baja_asks_for_confirmation_before_acting_and_then_tells_the_person()
    {
        world.Coordinator(1, "Consejo Centro");
        world.Coordinator(2, "Consejo San Juan");
        var director = world.Director();

        director.Send("/coordinadores").Press("Dar de baja: Coord 1").Press("Coord 2");

        Assert.Contains("¿Confirma que desea dar de baja a <b>Coord 1</b>?", director.Said, StringComparison.Ordinal);
        Assert.Contains("Sus consejos pasarán a Coord 2", director.Said, StringComparison.Ordinal);
        Assert.True(Active(1));
        Assert.Empty(Queued(1));

        director.Press("Sí, dar de baja");

        Assert.Contains("Coord 1 quedó dado(a) de baja", director.Said, StringComparison.Ordinal);
        Assert.False(Active(1));
        Assert.Contains("Se le dio de baja en este bot", Assert.Single(Queued(1)).Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelar_at_the_confirmation_leaves_the_person_active_and_untold()
    {
        world.Coordinator(1, "Consejo Centro");
        var director = world.Director();
        var before = world.Fingerprint("conversation");

        director.Send("/coordinadores").Press("Dar de baja: Coord 1").Press("No reasignar").Press("Cancelar");

        Assert.Equal(Texts.CancelledTask, director.Said);
        Assert.Equal(before, world.Fingerprint("conversation"));
        Assert.Empty(Queued(1));
    }

    [Fact]
    public void A_person_without_councils_goes_straight_to_the_confirmation()
    {
        world.Director(901);
        var director = world.Director();

        director.Send("/coordinadores").Press("Dar de baja: Directora");

        Assert.Contains("¿Confirma que desea dar de baja", director.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("consejos", director.Said, StringComparison.Ordinal);
        director.Press("Sí, dar de baja");
        Assert.False(Active(901));
    }
}
