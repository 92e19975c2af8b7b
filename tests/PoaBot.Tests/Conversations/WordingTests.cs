namespace PoaBot.Tests.Conversations;

/// <summary>Small answers that must fit what the person did.</summary>
public sealed class WordingTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public void Cancelar_outside_a_report_does_not_speak_of_a_report()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportMeeting().Send("/misreportes");

        ana.Send("Cancelar");

        Assert.Contains("Listo, cancelado. No se cambió nada.", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("reporte", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelar_during_a_report_says_the_report_was_cancelled()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión");

        ana.Press("Cancelar");

        Assert.Contains("cancelé el reporte", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Gracias_is_answered_with_a_welcome_not_with_the_greeting()
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send("¡Muchas gracias!");

        Assert.Contains("¡Con gusto!", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("Hola", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_too_large_to_read_is_called_too_large_not_a_non_whole_number()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Reunión");

        ana.Send("99999999999");

        Assert.Contains("Ese número es demasiado grande. El máximo es 10,000", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("entero", ana.Said, StringComparison.Ordinal);
    }
}
