namespace PoaBot.Core.Import;

/// <summary>One activity as the document states it. Arrays are indexed by bimester − 1; VAR cells as written (null when blank).</summary>
public sealed record DocumentActivity(
    string Num,
    string Name,
    string Objective,
    int[] Prog,
    int[] Real,
    int?[] VarWritten,
    int MetaProgramada,
    int? MetaReal,
    int? Variacion);

/// <summary>Something the importer tells the director: per activity when <see cref="ActivityNum"/> is set.</summary>
public sealed record ImportNote(string? ActivityNum, string Message);

/// <summary>A POA document read and checked, ready to import.</summary>
public sealed record PoaDocument(
    int Year,
    string Directorate,
    IReadOnlyList<DocumentActivity> Activities,
    IReadOnlyList<ImportNote> Realignment,
    IReadOnlyList<ImportNote> Warnings);

/// <summary>The file cannot be imported; the message is Spanish and says why.</summary>
public sealed class PoaImportException(string message) : Exception(message);
