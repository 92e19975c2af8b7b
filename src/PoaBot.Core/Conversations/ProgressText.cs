using PoaBot.Core.Reporting;

namespace PoaBot.Core.Conversations;

/// <summary>What /resumen says: the POA's progress by activity, by council and by quarter, and an activity's after a report is saved.</summary>
[UserTexts("Avance: /resumen")]
public static class ProgressText
{
    public static string NoPoa(int year) => $"Aún no hay un POA {year} cargado. Pida a la Dirección que lo importe.";

    public static string Title(int year, DateOnly asOf, bool yearEnded) =>
        $"📊 <b>Avance del POA {year}</b>{(yearEnded ? ": cierre del ejercicio" : $" al {Numbers.Date(asOf)}")}\n";

    public static string Activity(string number, string activity) => $"<b>{number}. {Html.Escape(Html.Shorten(activity, 70))}</b>\n";

    public static string OpenBimester(string bimester, int real, int prog) =>
        $"{bimester} (en curso): {Numbers.Int(real)} de {Numbers.Int(prog)} programadas\n";

    public static string Bimester(string bimester, int real, int prog) => $"{bimester}: {Numbers.Int(real)} de {Numbers.Int(prog)} programadas\n";

    public static string Year(int real, int goal, decimal? advance) =>
        $"Año: {Numbers.Int(real)} de {Numbers.Int(goal)} · avance anual {Numbers.Pct(advance)}\n";

    public static string Variance(string signed, int prog) => $"VAR: {signed} contra lo programado a la fecha ({Numbers.Int(prog)})\n";

    public static string YourCouncils(int own, int all) => $"Sus consejos: {Numbers.Int(own)} de {Numbers.Int(all)}\n";

    public static string Justification(string bimester, string text) => $"📝 {bimester}: {Html.Escape(Html.Shorten(text, 120))}\n";

    public const string ListGoesOn = "… (la lista sigue; pida el reporte completo a la Dirección)";

    public static string Compliance(string semaforo, decimal? compliance) => $"{semaforo} ({Numbers.Pct(compliance)} de cumplimiento)";

    // By council
    public static string CouncilsTitle(int year, string asOf) => $"🏘 <b>Avance por consejo, POA {year}</b>: {asOf}\n";

    public const string NoCouncils = "\nAún no hay consejos registrados.";

    public static string CouncilCount(int councils, int silent) =>
        $"\n{Numbers.Int(councils)} consejos; {Numbers.Int(silent)} sin reportes en el año.\n";

    // By quarter
    public static string QuartersTitle(int year, string asOf) => $"📅 <b>Avance trimestral del POA {year}</b>: {asOf}\n";

    public const string NoQuarterEnded = "\nAún no termina ningún trimestre del año.";

    public static string Quarter(int quarter, int real, int realAcum, int progAcum, string semaforo) =>
        $"T{quarter}: {Numbers.Int(real)} en el trimestre · año {Numbers.Int(realAcum)} de {Numbers.Int(progAcum)} programadas · {semaforo}\n";
}
