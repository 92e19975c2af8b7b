using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>What the report's evidence step, its card and <c>/folio</c> say about photos and documents.</summary>
[UserTexts("Evidencia de un reporte: fotos y documentos")]
public static class EvidenceText
{
    private const int Max = EvidenceFile.MaxPerReport;

    public const string Done = "✅ Listo";

    public const string Remove = "🗑 Quitar los archivos";

    public const string Removed = "Quité los archivos de evidencia de este reporte.";

    public const string Duplicate = "Ese archivo ya estaba en el reporte; no lo agregué otra vez.";

    public static string Ask =>
        $"Si tiene fotos o documentos como evidencia, envíelos ahora: hasta {Max} archivos, también varias fotos juntas. Si no tiene, toque «Omitir».";

    public static string Retry => "Envíe una foto o un documento, o toque «Omitir» si no tiene evidencia.";

    public static string Full =>
        $"El reporte ya tiene {Max} archivos, el máximo, así que no agregué este. Para cambiarlos toque «Corregir» y luego «Evidencia».";

    /// <summary>The evidence question again when the draft already has files (from «Corregir» or «Atrás»).</summary>
    public static string Have(string summary) =>
        $"El reporte tiene {summary} de evidencia. Puede enviar más (hasta {Max} archivos en total), " +
        $"tocar «{Remove}» para empezar de nuevo, o «{Done}».";

    /// <summary>The line of the report's card: what is attached, and how many more may come.</summary>
    public static string CardLine(string summary, int count) => count switch
    {
        0 => $"Evidencia: {summary}",
        >= Max => $"Evidencia: {summary} ✅ (el máximo de {Max})",
        _ => $"Evidencia: {summary} ✅ (recibí {count} de {Max}; puede enviar más antes de guardar)",
    };

    /// <summary>The line of a saved record's card (<c>/folio</c>).</summary>
    public static string RecordLine(string summary, int count) =>
        $"Evidencia: {summary}{(count > 0 ? " (se la envío abajo)" : "")}";

    /// <summary>The caption of one evidence file sent back by <c>/folio</c>.</summary>
    public static string Caption(int position, int count, string folio) =>
        count == 1 ? $"Evidencia del folio {folio}" : $"Evidencia {position} de {count} del folio {folio}";

    /// <summary>«2 fotos y 1 documento», «1 foto», «sin evidencia».</summary>
    public static string Summary(int photos, int documents) => (photos, documents) switch
    {
        (0, 0) => "sin evidencia",
        (_, 0) => Spanish.Count(photos, "foto", "fotos"),
        (0, _) => Spanish.Count(documents, "documento", "documentos"),
        _ => $"{Spanish.Count(photos, "foto", "fotos")} y {Spanish.Count(documents, "documento", "documentos")}",
    };

    internal static string Summary(IReadOnlyCollection<EvidenceFile> files) => Summary(Photos(files), files.Count - Photos(files));

    internal static string CardLine(IReadOnlyCollection<EvidenceFile> files) => CardLine(Summary(files), files.Count);

    internal static string Have(IReadOnlyCollection<EvidenceFile> files) => Have(Summary(files));

    internal static string RecordLine(IReadOnlyCollection<EvidenceFile> files) => RecordLine(Summary(files), files.Count);

    private static int Photos(IReadOnlyCollection<EvidenceFile> files) => files.Count(f => f.IsPhoto);
}
