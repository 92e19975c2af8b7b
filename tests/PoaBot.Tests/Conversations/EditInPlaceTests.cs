using PoaBot.Core.Conversations;

namespace PoaBot.Tests.Conversations;

/// <summary>Which replies edit the pressed message: the next question only; never the card, a typed answer or a stale press.</summary>
public sealed class EditInPlaceTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public void A_press_answered_by_the_next_question_edits_the_pressed_message_and_nothing_else_does()
    {
        var ana = world.Coordinator(1, "Consejo Centro").Send("/reportar");
        var reunion = Data(ana, "Reunión");

        Assert.Equal(41, Tap(ana, "Reunión", 41));
        Assert.Null(Press(ana, reunion, 41)); // stale: the question has moved on
        Assert.Null(Press(ana, "r:1", 41)); // a reminder's button: the reminder stays, «¿continuar?» comes anew
        Assert.Equal(44, Tap(ana, "Continuar", 44));
        ana.Send("25");
        Assert.All(ana.Last.Replies, r => Assert.Null(r.EditMessageId)); // typed
        ana.Send("Bacheo de la calle Hidalgo");
        Assert.Equal(42, Tap(ana, "Omitir", 42)); // the evidence question becomes the card
        Assert.Null(Tap(ana, "Corregir", 42)); // the card stays
        Assert.Equal(43, Tap(ana, "Volver a la tarjeta", 43));
        Assert.Null(Tap(ana, "Guardar", 43)); // «Guardado con folio» is news, not a question
        Assert.Contains("Guardado con folio", ana.Said, StringComparison.Ordinal);
    }

    private static string Data(Chat chat, string label) => chat.Buttons.First(b => b.Label.Contains(label, StringComparison.Ordinal)).Data;

    private long? Tap(Chat chat, string label, long messageId) => Press(chat, Data(chat, label), messageId);

    private long? Press(Chat chat, string data, long messageId)
    {
        chat.Handle(Input.FromButton(chat.UserId, "Ana", data, world.Time.GetUtcNow()) with { MessageId = messageId });
        Assert.All(chat.Last.Replies.Skip(1), r => Assert.Null(r.EditMessageId));
        return chat.Last.Replies.Count == 0 ? null : chat.Last.Replies[0].EditMessageId;
    }
}
