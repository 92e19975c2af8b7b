namespace PoaBot.Core.Domain;

public enum Semaforo
{
    Verde,
    Amarillo,
    Rojo,
    Sobre,
    SinPrograma,
}

/// <summary>Semáforo thresholds in percent (settings <c>Semaforo:Green</c>, <c>Yellow</c>, <c>Over</c>).</summary>
public sealed record SemaforoThresholds(decimal Green = 90, decimal Yellow = 70, decimal Over = 110)
{
    public static SemaforoThresholds Default { get; } = new();

    /// <summary>A percentage rounded to the one decimal every report prints; null when the base is 0.</summary>
    public static decimal? Percent(int part, int whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    public Semaforo Classify(int progAcum, int realAcum)
    {
        if (progAcum == 0)
        {
            return realAcum == 0 ? Semaforo.SinPrograma : Semaforo.Sobre;
        }

        // Decided on the figure people read: 1,799 of 2,000 prints 90.0 % and is verde.
        var pct = Percent(realAcum, progAcum)!.Value;
        return pct > Over ? Semaforo.Sobre : pct >= Green ? Semaforo.Verde : pct >= Yellow ? Semaforo.Amarillo : Semaforo.Rojo;
    }
}

public static class SemaforoText
{
    public static string Code(this Semaforo s) => s switch
    {
        Semaforo.Verde => "verde",
        Semaforo.Amarillo => "amarillo",
        Semaforo.Rojo => "rojo",
        Semaforo.Sobre => "sobre",
        _ => "sin_programa",
    };

    /// <summary>The code of the CSVs: «avance sin programación» is <c>sin_programacion</c>, not <c>sobre</c>.</summary>
    public static string CsvCode(this Semaforo s, int progAcum) =>
        s == Semaforo.Sobre && progAcum == 0 ? "sin_programacion" : s.Code();

    /// <summary>The word without emoji, for print (a printer has no emoji glyphs).</summary>
    public static string PlainWords(this Semaforo s, int progAcum) => s switch
    {
        Semaforo.Verde => "verde",
        Semaforo.Amarillo => "amarillo",
        Semaforo.Rojo => "rojo",
        Semaforo.Sobre when progAcum == 0 => "avance sin programación",
        Semaforo.Sobre => "sobre lo programado",
        _ => "sin programa",
    };

    public static string Emoji(this Semaforo s) => s switch
    {
        Semaforo.Verde => "🟢",
        Semaforo.Amarillo => "🟡",
        Semaforo.Rojo => "🔴",
        Semaforo.Sobre => "🔵",
        _ => "⚪",
    };

    /// <summary>Emoji and word, never colour alone.</summary>
    public static string Words(this Semaforo s, int progAcum) => $"{s.Emoji()} {s.PlainWords(progAcum)}";
}
