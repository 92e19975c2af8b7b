namespace PoaBot.Core.Conversations;

/// <summary>What /misreportes and /folio say about correcting a record: amending and voiding it.</summary>
[UserTexts("Reportes guardados: /misreportes, /folio y correcciones")]
public static class RecordsText
{
    public const string ListHint =
        "\n\nPara ver uno completo escriba /folio y su número. Si alguno está mal, puede corregirlo o anularlo mientras su bimestre no esté bloqueado:";

    public const string LockedMark = " <i>(bimestre bloqueado)</i>";

    public static string AmendButton(string folio) => $"Corregir {folio}";

    public const string NotAvailable = "Ese reporte no está disponible para usted: solo puede corregir o anular los reportes que usted registró. No se cambió nada.";

    public static string AskCouncil(string folio, string council) =>
        $"¿De qué consejo es el folio <b>{folio}</b>? Ahora dice: {Html.Escape(council)}.";

    public const string TapCouncil = "Toque uno de los consejos de la lista.";
}
