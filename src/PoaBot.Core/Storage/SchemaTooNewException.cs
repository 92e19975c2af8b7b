namespace PoaBot.Core.Storage;

/// <summary>The database was written by a newer PoaBot: opening it with this binary could lose data.</summary>
public sealed class SchemaTooNewException(long found, long supported) : Exception(StorageText.SchemaTooNew(found, supported))
{
    public long Found { get; } = found;

    public long Supported { get; } = supported;
}
