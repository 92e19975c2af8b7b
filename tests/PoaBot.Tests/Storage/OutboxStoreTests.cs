using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Storage;

public sealed class OutboxStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 4, 15, 18, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void A_message_waits_while_an_earlier_one_to_the_same_chat_is_held_back()
    {
        var ids = test.Database.Write(db =>
        {
            var outbox = new OutboxStore(db);
            outbox.Enqueue(1, new Reply("primero"), Now);
            outbox.Enqueue(1, new Reply("segundo"), Now);
            outbox.Enqueue(2, new Reply("otro chat"), Now);
            var rows = outbox.Due(Now, 10);
            outbox.Retry(rows[0].Id, Now.AddSeconds(5), "429 Too Many Requests", countAttempt: false);
            return rows.Select(r => r.Id).ToList();
        });

        var due = test.Database.Read(db => new OutboxStore(db).Due(Now.AddSeconds(1), 10));
        var later = test.Database.Read(db => new OutboxStore(db).Due(Now.AddSeconds(6), 10));

        Assert.Equal([ids[2]], due.Select(r => r.Id));
        Assert.Equal(ids, later.Select(r => r.Id));
    }

    [Fact]
    public void A_text_longer_than_4096_characters_is_split_at_line_breaks_with_the_buttons_on_the_last_part()
    {
        var text = string.Join('\n', Enumerable.Range(1, 400).Select(i => $"Línea {i:000} del resumen"));

        var rows = test.Database.Write(db =>
        {
            var outbox = new OutboxStore(db);
            outbox.Enqueue(1, new Reply(text) { Buttons = [[new Button("Guardar", "1|save")]] }, Now);
            return outbox.Due(Now, 10).Select(OutboxStore.Read).ToList();
        });

        Assert.True(rows.Count > 1);
        Assert.All(rows, r => Assert.True(r.Html.Length <= 4096));
        Assert.Equal(text, string.Join('\n', rows.Select(r => r.Html)));
        Assert.Empty(rows[0].Buttons);
        Assert.Single(rows[^1].Buttons);
    }
}
