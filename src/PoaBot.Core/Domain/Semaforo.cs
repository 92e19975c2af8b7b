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

    public Semaforo Classify(int progAcum, int realAcum)
    {
        if (progAcum == 0)
        {
            return realAcum == 0 ? Semaforo.SinPrograma : Semaforo.Sobre;
        }

        var pct = realAcum * 100m / progAcum;
        if (pct > Over)
        {
            return Semaforo.Sobre;
        }

        if (pct >= Green)
        {
            return Semaforo.Verde;
        }

        return pct >= Yellow ? Semaforo.Amarillo : Semaforo.Rojo;
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

    public static string Emoji(this Semaforo s) => s switch
    {
        Semaforo.Verde => "🟢",
        Semaforo.Amarillo => "🟡",
        Semaforo.Rojo => "🔴",
        Semaforo.Sobre => "🔵",
        _ => "⚪",
    };

    /// <summary>Emoji and word, never colour alone.</summary>
    public static string Words(this Semaforo s, int progAcum) => s switch
    {
        Semaforo.Verde => "🟢 verde",
        Semaforo.Amarillo => "🟡 amarillo",
        Semaforo.Rojo => "🔴 rojo",
        Semaforo.Sobre when progAcum == 0 => "🔵 avance sin programación",
        Semaforo.Sobre => "🔵 sobre la meta",
        _ => "⚪ sin programa",
    };
}
