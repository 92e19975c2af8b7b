using PoaBot.Telegram;

namespace PoaBot.Tests.EndToEnd;

/// <summary>
/// Telegram adds chat types, entity types, sticker types and member statuses over time; Telegram.Bot cannot deserialize
/// some values it does not know (others it reads as 0). Such an update is stored raw, as received; mapped on its own, it is
/// handled when it can be read and set aside with its reason when it cannot, and it never blocks the updates after it.
/// </summary>
public sealed class UnknownValueEndToEndTests
{
    private const long Ana = 5201;

    public static TheoryData<string, string, string> UnknownValues => new()
    {
        {
            "message",
            """{"message_id":900,"from":{"id":5201,"is_bot":false,"first_name":"Ana"},"chat":{"id":5201,"type":"hologram","first_name":"Ana"},"date":1700000000,"text":"hola"}""",
            "done"
        },
        {
            "message",
            """{"message_id":901,"from":{"id":5201,"is_bot":false,"first_name":"Ana"},"chat":{"id":5201,"type":"private","first_name":"Ana"},"date":1700000000,"text":"hola","entities":[{"type":"quantum_link","offset":0,"length":4}]}""",
            "done"
        },
        {
            "message",
            """{"message_id":902,"from":{"id":5201,"is_bot":false,"first_name":"Ana"},"chat":{"id":5201,"type":"private","first_name":"Ana"},"date":1700000000,"sticker":{"file_id":"CAACAgEAAxkBAAIfake","file_unique_id":"AQADfake","type":"hologram","width":512,"height":512,"is_animated":false,"is_video":false}}""",
            "done"
        },
        {
            "message",
            """{"message_id":903,"from":{"id":5201,"is_bot":false,"first_name":"Ana"},"chat":{"id":5201,"type":"private","first_name":"Ana"},"date":1700000000,"text":"hola","forward_origin":{"type":"time_machine","date":1700000000}}""",
            "failed"
        },
        {
            "my_chat_member",
            """{"chat":{"id":5201,"type":"private","first_name":"Ana"},"from":{"id":5201,"is_bot":false,"first_name":"Ana"},"date":1700000000,"old_chat_member":{"status":"member","user":{"id":7000001,"is_bot":true,"first_name":"PoaBot"}},"new_chat_member":{"status":"ghost","user":{"id":7000001,"is_bot":true,"first_name":"PoaBot"}}}""",
            "failed"
        },
    };

    [Theory]
    [MemberData(nameof(UnknownValues))]
    public async Task An_update_with_a_value_the_library_does_not_know_is_handled_or_set_aside_and_the_next_update_is_answered(string kind, string payload, string outcome)
    {
        await using var bot = await LiveBot.StartAsync();
        var ana = await bot.RegisterAsync(Ana);

        var unknown = bot.Fake.SendRawUpdate(kind, payload);
        var help = await ana.SayAsync("/ayuda", "Lo que puedo hacer");

        var (status, error) = bot.Database.Read(db => db.Single<(string, string?)>("SELECT status, error FROM inbox WHERE update_id = @unknown", new { unknown }));
        Assert.Equal(outcome, status);
        if (outcome == "failed")
        {
            Assert.StartsWith("Unreadable update", error, StringComparison.Ordinal);
        }

        // A person who wrote is told, before the next answer (the chat's order holds); a change of membership tells no one.
        var told = bot.Fake.MessagesTo(Ana).Where(m => m.Text == PoaBot.Core.Conversations.TransportText.Unreadable).ToList();
        if (outcome == "failed" && kind == "message")
        {
            Assert.True(Assert.Single(told).MessageId < help.MessageId);
        }
        else
        {
            Assert.Empty(told);
        }

        Assert.Contains("Lo que puedo hacer", help.Text, StringComparison.Ordinal);
    }
}
