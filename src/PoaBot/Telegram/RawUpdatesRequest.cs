using System.Text.Json;
using System.Text.Json.Serialization;
using global::Telegram.Bot.Requests;

namespace PoaBot.Telegram;

/// <summary>
/// getUpdates whose result is read as raw JSON: an update that Telegram.Bot cannot deserialize (a chat type, entity type or
/// status added by Telegram after the library's release) must never make the whole call fail.
/// </summary>
internal sealed class RawUpdatesRequest() : RequestBase<JsonElement[]>("getUpdates")
{
    [JsonPropertyName("offset")]
    public int? Offset { get; init; }

    [JsonPropertyName("limit")]
    public int Limit { get; init; } = 100;

    [JsonPropertyName("timeout")]
    public int Timeout { get; init; }

    [JsonPropertyName("allowed_updates")]
    public IReadOnlyList<string> AllowedUpdates { get; init; } = [];

    public override HttpContent ToHttpContent() =>
        new StringContent(JsonSerializer.Serialize(this, RawUpdatesJson.Default.RawUpdatesRequest), System.Text.Encoding.UTF8, "application/json");
}

[JsonSerializable(typeof(RawUpdatesRequest))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class RawUpdatesJson : JsonSerializerContext;
