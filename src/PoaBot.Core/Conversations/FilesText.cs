using PoaBot.Core.Domain;
using PoaBot.Core.Reporting;

namespace PoaBot.Core.Conversations;

/// <summary>What the director's files say in the chat: /exportar, /grafica and /importar (send, preview, confirm).</summary>
[UserTexts("Archivos en el chat: /exportar, /grafica, /importar")]
public static class FilesText
{
    public const string NoPdfFont =
        "No pude preparar el PDF: al servidor le falta una fuente tipográfica (paquete fonts-dejavu-core). Avise a quien administra el bot; mientras tanto, /exportar le envía el Excel.";

    public static string Pdf(int year, DateOnly asOf) =>
        $"🖋 PDF del POA {year} para firmar ({Numbers.AsOfPhrase(year, asOf)}): la tabla, las justificaciones y las firmas de Elaboró, Revisó y Autorizó.";

    public static string Workbook(int year, DateOnly asOf) =>
        $"📊 POA {year} al {Numbers.Date(asOf)}: la tabla en el formato de la Dirección, los registros, las justificaciones y la bitácora. El PDF para firmar: /exportar pdf";

    /// <summary>The caption of one page of the chart: the first says what it shows; with several pages each says which it is.</summary>
    public static string Chart(int year, DateOnly asOf, int page, int pages) =>
        ((page == 1 ? $"📈 Avance del POA {year} al {Numbers.Date(asOf)}: programado contra realizado por bimestre y el acumulado contra la meta anual." : "") +
         (pages > 1 ? $" Página {page} de {pages}." : "")).TrimStart();

    public static string NoPoa(int year) => $"Aún no hay un POA {year} cargado. Cárguelo con /importar.";

    // /importar
    public const string SendPoa =
        "Envíe el POA como <b>documento</b> (📎): la hoja exportada como texto (TSV) o CSV, o un XLSX con el formato del reporte. " +
        "Le mostraré una vista previa y no importaré nada hasta que usted lo confirme.";

    public const string PhotoNotDocument = "Recibí una imagen, pero necesito el archivo del POA como documento (TSV, CSV o XLSX). No se cambió nada. Envíelo con 📎, o toque Cancelar.";

    public const string SendAsDocument = "Envíe el archivo del POA como documento (📎), o toque Cancelar.";

    public static string Refused(string fileName, string why) =>
        $"No puedo importar «{Html.Escape(Html.Shorten(fileName, 60))}»: {Html.Escape(why)}\nNo se cambió nada. Envíe otro archivo o toque Cancelar.";

    public static string PreviewTitle(string fileName, int year, int activities, bool isNew) =>
        $"📄 <b>Vista previa de «{Html.Escape(Html.Shorten(fileName, 60))}»</b>\n" +
        $"POA {year}: {activities} actividades" +
        (isNew ? " (nuevo).\n" : ". Actualiza el POA existente; los cambios de lo programado quedan en la bitácora como reprogramación.\n");

    /// <summary>One activity of the preview; <paramref name="prog"/> lists its programmed bimesters («Mar/Abr 2, May/Jun 1»).</summary>
    public static string PreviewActivity(string num, string name, int goal, string prog) =>
        $"\n{num}. {Html.Escape(Html.Shorten(Html.Sentence(name), 60))} — meta {goal}; programado: {(prog.Length == 0 ? "nada" : prog)}";

    public static string MoreActivities(int count) => $"\n… y {Spanish.Count(count, "actividad", "actividades")} más.";

    public static string PreviewNotice(string notice) => $"\n⚠️ {Html.Escape(Html.Shorten(notice, 400))}";

    public static string MoreNotices(int count) =>
        $"\n⚠️ … y {count} avisos más; todos quedan en la hoja «Advertencias de importación» del libro de /exportar.";

    public const string ConfirmImport = "\n\n¿Importar este archivo?";

    public const string ImportButton = "✅ Importar";

    public const string TapImport = "Toque «Importar» para confirmar, o Cancelar.";

    public static string Imported(string report) => "✅ " + Html.Escape(report) + "\n\nPara ver el avance: /resumen";

    public static string ImportFailed(string why) => $"No pude importar: {Html.Escape(why)} No se cambió nada.";
}
