namespace PoaBot.Core.Domain;

/// <summary>The office's periods: six bimesters, numbered 1 (Ene/Feb) to 6 (Nov/Dic).</summary>
public static class Bimesters
{
    public const int Count = 6;

    private static readonly string[] ShortNames = ["Ene/Feb", "Mar/Abr", "May/Jun", "Jul/Ago", "Sep/Oct", "Nov/Dic"];
    private static readonly string[] DocumentNames = ["ENERO/FEBRERO", "MARZO/ABRIL", "MAYO/JUNIO", "JULIO/AGOSTO", "SEPT/OCTUBRE", "NOV/DICIEMBRE"];
    private static readonly string[] CsvNames = ["ene_feb", "mar_abr", "may_jun", "jul_ago", "sep_oct", "nov_dic"];

    public static IEnumerable<int> All => Enumerable.Range(1, Count);

    public static int Of(DateOnly date) => ((date.Month - 1) / 2) + 1;

    public static DateOnly FirstDay(int year, int bimester) => new(year, (bimester * 2) - 1, 1);

    public static DateOnly LastDay(int year, int bimester) => FirstDay(year, bimester).AddMonths(2).AddDays(-1);

    public static string ShortName(int bimester) => ShortNames[bimester - 1];

    public static string DocumentName(int bimester) => DocumentNames[bimester - 1];

    public static string CsvName(int bimester) => CsvNames[bimester - 1];
}
