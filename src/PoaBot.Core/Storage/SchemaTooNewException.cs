namespace PoaBot.Core.Storage;

/// <summary>The database was written by a newer PoaBot: opening it with this binary could lose data.</summary>
public sealed class SchemaTooNewException(long found, long supported) : Exception(
    $"La base de datos es de una versión más nueva de PoaBot (esquema {found}; este programa conoce hasta el {supported}). " +
    "No se abrió para no dañarla: instale la versión más reciente de PoaBot o restaure una copia anterior con «poabot restore CARPETA».")
{
    public long Found { get; } = found;

    public long Supported { get; } = supported;
}
