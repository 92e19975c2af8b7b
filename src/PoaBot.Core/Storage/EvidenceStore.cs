using System.Text.Json.Serialization;

namespace PoaBot.Core.Storage;

/// <summary>
/// One evidence file: a photo or a document a person sent with a report, kept on disk in the evidence folder (named by its
/// SHA-256) and sent back by Telegram's file_id. In a draft (the conversation's state) until the report is saved.
/// </summary>
public sealed class EvidenceFile
{
    /// <summary>The most files one report keeps (photos and documents together), each at most 20 MB.</summary>
    public const int MaxPerReport = 5;

    public string FileId { get; init; } = "";

    /// <summary>Telegram's file_unique_id: the same for the same file sent twice.</summary>
    public string? UniqueId { get; init; }

    public string? Hash { get; init; }

    /// <summary>The file's name in the evidence folder, when it was downloaded.</summary>
    public string? Path { get; init; }

    /// <summary>"photo" or "document".</summary>
    public string Kind { get; init; } = "document";

    public long? Size { get; init; }

    public DateTimeOffset AddedAt { get; init; }

    [JsonIgnore]
    public bool IsPhoto => Kind == "photo";

    /// <summary>The same file as <paramref name="other"/> (a photo sent twice, an album forwarded again).</summary>
    public bool SameAs(EvidenceFile other) =>
        (UniqueId is not null && UniqueId == other.UniqueId) || (Hash is not null && string.Equals(Hash, other.Hash, StringComparison.OrdinalIgnoreCase))
        || (UniqueId is null && Hash is null && FileId == other.FileId);
}

/// <summary>The evidence files of saved records, in the order they were sent.</summary>
public sealed class EvidenceStore(DbSession db)
{
    public void Add(long recordId, IReadOnlyList<EvidenceFile> files)
    {
        for (var i = 0; i < files.Count; i++)
        {
            var f = files[i];
            db.Execute(
                """
                INSERT INTO evidence (record_id, position, file_id, unique_id, hash, path, kind, size, added_at)
                VALUES (@recordId, @position, @FileId, @UniqueId, @Hash, @Path, @Kind, @Size, @AddedAt)
                """,
                new { recordId, position = i + 1, f.FileId, f.UniqueId, f.Hash, f.Path, f.Kind, f.Size, f.AddedAt });
        }
    }

    public IReadOnlyList<EvidenceFile> ForRecord(long recordId) =>
        db.Query<EvidenceFile>(
            "SELECT file_id, unique_id, hash, path, kind, size, added_at FROM evidence WHERE record_id = @recordId ORDER BY position",
            new { recordId }).ToList();
}
