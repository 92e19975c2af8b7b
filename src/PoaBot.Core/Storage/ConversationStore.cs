using System.Text.Json;
using PoaBot.Core.Conversations;

namespace PoaBot.Core.Storage;

/// <summary>One conversation state per chat, saved in the same transaction as the changes it causes.</summary>
public sealed class ConversationStore(DbSession db)
{
    public ConversationState Load(long chatId)
    {
        var json = db.Single<string>("SELECT state FROM conversation WHERE chat_id = @chatId", new { chatId });
        if (json is null)
        {
            return new ConversationState();
        }

        try
        {
            return JsonSerializer.Deserialize(json, ConversationJson.Default.ConversationState) ?? new ConversationState();
        }
        catch (JsonException)
        {
            // Saved by an older version in a shape this one does not read: start afresh, and say so.
            return new ConversationState { Unreadable = true };
        }
    }

    public void Save(long chatId, ConversationState state, DateTimeOffset now) =>
        db.Execute(
            """
            INSERT INTO conversation (chat_id, state, updated_at) VALUES (@chatId, @state, @now)
            ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            """,
            new { chatId, state = JsonSerializer.Serialize(state, ConversationJson.Default.ConversationState), now = Instants.Format(now) });
}
