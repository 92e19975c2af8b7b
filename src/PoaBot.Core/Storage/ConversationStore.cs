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
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Step", out var step))
            {
                // Saved before tasks were typed: an idle one is simply read; a task under way cannot be, and the person is told.
                var seq = root.TryGetProperty("Seq", out var n) && n.TryGetInt32(out var number) ? number : 0;
                return new ConversationState { Seq = seq, Unreadable = step.ValueKind != JsonValueKind.String || step.GetString() != "Idle" };
            }

            return root.Deserialize(ConversationJson.Default.ConversationState) ?? new ConversationState();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // A shape this version does not read (a newer one, a damaged row): start afresh, and say so.
            return new ConversationState { Unreadable = true };
        }
    }

    public void Save(long chatId, ConversationState state, DateTimeOffset now) =>
        db.Execute(
            """
            INSERT INTO conversation (chat_id, state, updated_at) VALUES (@chatId, @state, @now)
            ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            """,
            new { chatId, state = JsonSerializer.Serialize(state, ConversationJson.Default.ConversationState), now });
}
