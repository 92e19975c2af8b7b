using PoaBot.Core.Conversations;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Storage;

public sealed class OutboxStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 4, 15, 18, 0, 0, TimeSpan.Zero);
    private TestDatabase test = new();

    public void Dispose() => test.Dispose();

    [Theory, OnSqlite, OnPostgres]
    public void The_sender_reads_callback_answers_first_then_messages_in_order_leaving_out_those_already_sent_and_busy_chats(string provider)
    {
        test = test.On(provider);
        var ids = test.Database.Write(db =>
        {
            var outbox = new OutboxStore(db);
            outbox.Enqueue(1, new Reply("primero"), Now);
            outbox.Enqueue(1, new Reply("segundo"), Now);
            outbox.Enqueue(2, new Reply("otro chat"), Now);
            outbox.EnqueueCallbackAnswer(1, "q1", null, Now);
            return db.Query<long>("SELECT id FROM outbox ORDER BY id").ToList();
        });

        var pending = test.Database.Read(db => new OutboxStore(db).Pending(10, [ids[0]], []));
        var chatOneBusy = test.Database.Read(db => new OutboxStore(db).Pending(10, [], [1]));

        Assert.Equal([ids[3], ids[1], ids[2]], pending.Select(p => p.Id));
        Assert.Equal([ids[3], ids[2]], chatOneBusy.Select(p => p.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_message_sent_is_counted_where_the_pacing_of_the_next_process_starts(string provider)
    {
        test = test.On(provider);
        test.Database.Write(db =>
        {
            var outbox = new OutboxStore(db);
            outbox.Enqueue(7, new Reply("uno"), Now);
            outbox.Enqueue(7, new Reply("dos"), Now);
            var rows = outbox.PendingMessages(7, 10);
            outbox.Sent(rows[0].Id, Now.AddSeconds(-10));
            outbox.Sent(rows[1].Id, Now.AddMilliseconds(-300));
        });

        var recent = test.Database.Read(db => new OutboxStore(db).SentSince(Now.AddSeconds(-1)));

        Assert.Equal([(7L, Now.AddMilliseconds(-300))], recent);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_file_to_send_travels_in_the_outbox_as_a_path_inside_the_data_folder_that_every_instance_reaches(string provider)
    {
        test = test.On(provider);

        var sent = test.Database.Write(db =>
        {
            var outbox = new OutboxStore(db);
            outbox.Enqueue(1, new Reply("Su archivo") { DocumentPath = Path.Combine(test.Database.Dialect.DataFolder, "exportes", "POA-2024.xlsx") }, Now);
            return OutboxStore.Read(outbox.PendingMessages(1, 10).Single());
        });

        Assert.Equal(Path.Combine("exportes", "POA-2024.xlsx"), sent.DocumentPath);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_text_longer_than_1000_characters_is_split_at_line_breaks_into_messages_that_fit_a_phone_with_the_buttons_on_the_last_part(string provider)
    {
        test = test.On(provider);
        var text = string.Join('\n', Enumerable.Range(1, 100).Select(i => $"Línea {i:000} del resumen"));

        var rows = test.Database.Write(db =>
        {
            var outbox = new OutboxStore(db);
            outbox.Enqueue(1, new Reply(text) { Buttons = [[new Button("Guardar", "1|save")]] }, Now);
            return outbox.PendingMessages(1, 10).Select(OutboxStore.Read).ToList();
        });

        Assert.True(rows.Count > 1);
        Assert.All(rows, r => Assert.True(r.Html.Length <= 1000, $"{r.Html.Length} characters"));
        Assert.Equal(text, string.Join('\n', rows.Select(r => r.Html)));
        Assert.Empty(rows[0].Buttons);
        Assert.Single(rows[^1].Buttons);
    }
}
