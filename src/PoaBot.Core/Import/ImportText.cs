using PoaBot.Core.Conversations;
using PoaBot.Core.Reporting;

namespace PoaBot.Core.Import;

/// <summary>What the POA import says: why a file is refused, the warnings on its figures, and what it changed.</summary>
[UserTexts("Importar el POA: rechazos, advertencias y cambios")]
public static class ImportText
{
    // Why a file is refused (PoaImportException).
    public const string Empty = "El archivo está vacío.";

    public const string Unreadable = "No pude leer el archivo; envíelo de nuevo.";

    public const string XlsxDamaged =
        "El libro de Excel está dañado o incompleto (le faltan partes). Guárdelo de nuevo como «Libro de Excel (.xlsx)» o expórtelo como texto (TSV o CSV).";

    public const string NotXlsx =
        "El archivo no es un libro de Excel (XLSX) que yo pueda leer. Guárdelo de nuevo como «Libro de Excel (.xlsx)» o expórtelo como texto (TSV o CSV).";

    public const string FirstSheetNotTable = "La primera hoja del libro no es una hoja de cálculo; ponga la tabla del POA en la primera hoja.";

    public static string TooBig(long megabytes) =>
        $"El archivo pesa más de {megabytes} MB; un POA cabe en mucho menos. Revise que sea el archivo correcto.";

    public static string UnpacksTooBig(long megabytes) =>
        $"El libro de Excel ocupa más de {megabytes} MB al abrirlo; un POA ocupa mucho menos. Revise que sea el archivo correcto.";

    public static string TooManyRows(int rows) =>
        $"El archivo trae más de {Numbers.Int(rows)} filas; un POA tiene unas cuantas decenas. Revise que sea el archivo correcto.";

    public static string TooManyActivities(int activities, int max) =>
        $"El documento trae {Numbers.Int(activities)} actividades y el POA admite como máximo {max}. Revise que sea el archivo correcto.";

    public const string NoHeader =
        "No encontré el encabezado del POA (una fila con «ACTIVIDADES», «META PROGRAMADA», …). ¿Es el archivo del Programa Operativo Anual?";

    public const string HeaderColumnsMissing = "El encabezado no tiene las columnas «ACTIVIDADES» y «META PROGRAMADA».";

    public const string NoActivities = "Encontré el encabezado, pero ninguna actividad debajo (filas que empiecen con su número).";

    public const string NoBimesters =
        "No encontré los seis bimestres en el encabezado (ENERO/FEBRERO, MARZO/ABRIL, …, NOV/DICIEMBRE), cada uno con sus columnas PROG, REAL y VAR.";

    public const string NoSubHeader = "Debajo de cada bimestre deben ir las columnas PROG, REAL y VAR.; no las encontré en ese orden.";

    public const string NoYear =
        "No encontré el año del POA: el archivo debe decirlo como «PROGRAMA OPERATIVO ANUAL 2024» en el título o «META REAL 2024» en el encabezado.";

    public static string ExtraCells(string activity, int extra) =>
        $"La actividad {activity} trae {extra} celdas más que los encabezados; no puedo saber a qué columna corresponde cada número.";

    public static string ExtraCellNowhere(string activities) =>
        $"Las filas de las actividades {activities} traen una celda más que los encabezados, y en ninguna posición lo programado por bimestre suma la META PROGRAMADA. Revise el archivo.";

    public static string ExtraCellAmbiguous(string activities, string place, string otherPlace) =>
        $"Las filas de las actividades {activities} traen una celda más que los encabezados y la celda sobrante puede estar en varios lugares que dan cifras distintas ({place} o {otherPlace}). No importo un archivo ambiguo: corrija las columnas y vuelva a enviarlo.";

    public static string NoName(string activity) => $"La actividad {activity} no tiene nombre.";

    public static string NegativeGoal(string activity) => $"La actividad {activity} tiene una meta programada negativa; las metas deben ser 0 o más.";

    public static string NegativeReal(string activity) => $"La actividad {activity} tiene un REAL negativo; lo realizado debe ser 0 o más.";

    public static string Repeated(string activity) => $"El número de actividad {activity} aparece dos veces.";

    public static string NotANumber(string activity, string cell, string column) =>
        $"Actividad {activity}: «{cell}» no es un número (celda {column}). Corrija esa celda y vuelva a importar.";

    /// <summary>The column of a bimester cell, for <see cref="NotANumber"/>.</summary>
    public const string BimesterColumn = "de bimestre";

    // Where a cell sits, for the realignment texts.
    public static string Between(string bimester, string nextBimester) => $"entre {bimester} y {nextBimester}";

    public static string In(string bimester) => $"en {bimester}";

    /// <summary>«Sep/Oct», «Sep/Oct y Nov/Dic», «Jul/Ago, Sep/Oct y Nov/Dic».</summary>
    public static string List(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts.Take(parts.Count - 1))} y {parts[^1]}";

    // Warnings: the file is imported, the office reviews these.
    public static string Realigned(string activities, string place, IReadOnlyList<string> values) =>
        $"Realineación: las filas de las actividades {activities} traen una celda más que los encabezados. La celda sobrante está {place} " +
        $"({(values.All(v => v is "" or "0") ? "vacía o en 0 en todas" : $"con valores {string.Join(", ", values)}")}) y se omitió; así lo programado por bimestre suma la META PROGRAMADA en cada actividad.";

    public static string ProgSum(string activity, int sum, int goal) =>
        $"Actividad {activity}: lo programado por bimestre suma {sum}, pero la META PROGRAMADA dice {goal}. Se usa la META PROGRAMADA como meta anual.";

    public static string RealSum(string activity, int sum, string cells, int year, int metaReal) =>
        $"Actividad {activity}: las celdas REAL suman {sum} ({cells}), pero META REAL {year} dice {metaReal}.";

    public static string RealLooksLikeProg(string bimester, int real) =>
        $" En {bimester} el REAL ({real}) es igual a lo programado: parece que se capturó lo programado como realizado.";

    public static string RealCounted(int sum) =>
        $" El bot cuenta las celdas REAL ({sum}); si una está mal, anule su folio de línea base con /folio (si su bimestre ya está bloqueado, reábralo antes con /reabrir).";

    public static string Variation(string activity, int written, int expected) =>
        $"Actividad {activity}: VARIACIÓN dice {written}, pero META REAL − META PROGRAMADA = {expected}.";

    public static string BimesterVariation(string activity, string bimester, int written, int expected) =>
        $"Actividad {activity}, {bimester}: VAR. escrita {written}, pero REAL − PROG = {expected}.";

    public static string ZeroVariations(string activity, string bimesters, string expected) =>
        $"Actividad {activity}, {bimesters}: VAR. escrita 0, pero REAL − PROG = {expected} (la oficina suele escribir 0 mientras el bimestre no se reporta).";

    public static string RealDiffers(string activity, string bimester, int real, long counted, long baseline) =>
        $"Actividad {activity}, {bimester}: el documento dice {real} y el bot tiene {counted} registrado(s){(baseline > 0 ? $" más {baseline} de línea base" : "")}; no se agregó nada.";

    public static string BaselineVoided(string activity, string bimester, int wanted) =>
        $"Actividad {activity}, {bimester}: la línea base de {wanted} fue anulada por el director; no se vuelve a agregar.";

    // What the import changed.
    public static string PoaCreated(int year) => $"POA {year} creado.";

    public static string DirectorateChanged(string from, string to) => $"Dirección: «{from}» → «{to}».";

    public static string Created(string activity, string kind, int goal) => $"Actividad {activity} creada ({kind}), meta {goal}.";

    public static string Renamed(string activity) => $"Actividad {activity}: nombre u objetivo actualizado.";

    public static string GoalChanged(string activity, long from, int to) => $"Actividad {activity}: META PROGRAMADA {from} → {to}.";

    public static string Reprogrammed(string activity, string bimester, int from, int to) =>
        $"Actividad {activity}, {bimester}: reprogramación {from} → {to}.";

    public static string Baseline(string activity, string bimester, int count, string folio) =>
        $"Actividad {activity}, {bimester}: línea base {count} ({folio}).";

    public static string BaselineRemoved(string activity, string bimester) => $"Actividad {activity}, {bimester}: línea base retirada.";

    /// <summary>The audit reason of a reprogramming by import.</summary>
    public static string ReprogramReason(string file) => $"Reprogramación por importación de {file}";

    public const string ReimportReason = "Reimportación: se reemplaza la línea base";

    /// <summary>Who voids a baseline replaced by a new import, in the audit trail.</summary>
    public const string ImportActor = "importación";

    /// <summary>The subject of a baseline record.</summary>
    public const string BaselineSubject = "Celda REAL del documento POA";

    /// <summary>The council that baseline records belong to.</summary>
    public const string DocumentCouncil = "Documento POA";

    // The import's report.
    public static string Result(int year, bool changed) =>
        $"POA {year}: " + (changed ? "importado.\n" : "sin cambios; el archivo ya estaba importado.\n");

    public const string Inconsistencies = "Inconsistencias del documento (no se corrigieron; revíselas):\n";
}
