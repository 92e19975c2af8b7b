namespace PoaBot.Tests.Conversations;

/// <summary>Progress is phrased one way, and an activity is named one way, wherever the chat shows them.</summary>
public sealed class ProgressWordsTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public void A_bimester_with_nothing_programmed_says_so_instead_of_one_of_zero_programmed()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportRequest("Alumbrado");

        ana.Send("/reportar").Press("Solicitud gestionada").Press("DPC-2024-0007").Send("Servicios").Press("Omitir").Press("Guardar");

        Assert.Contains("Mar/Abr: 1, sin nada programado", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("de 0 programadas", ana.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("de 0 programadas", ana.Send("/resumen").Said, StringComparison.Ordinal);
    }

    [Fact]
    public void The_semaforo_is_measured_against_closed_bimesters_and_never_called_over_the_goal()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.Send("/reportar").Press("Programa social").Send("Becas").Send("40").Press("Omitir").Press("Guardar");
        world.Time.SetUtcNow(new DateTimeOffset(2024, 5, 2, 18, 0, 0, TimeSpan.Zero));

        var said = ana.Send("/resumen").Said;

        Assert.Contains("Año: 2 de 2 · avance anual 100.0 %", said, StringComparison.Ordinal);
        Assert.Contains("🔵 sobre lo programado (200.0 % de lo programado en bimestres cerrados)", said, StringComparison.Ordinal);
        Assert.DoesNotContain("sobre la meta", said, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_programmed_in_the_open_bimester_is_not_called_without_a_program()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        world.Time.SetUtcNow(new DateTimeOffset(2024, 5, 2, 18, 0, 0, TimeSpan.Zero));

        var said = ana.Send("/resumen").Said;

        Assert.Contains("<b>3. Solicitud gestionada</b>\nMay/Jun (en curso): 0 de 7 programadas", said, StringComparison.Ordinal);
        Assert.Contains("⚪ aún no cierra un bimestre con programación", said, StringComparison.Ordinal);
        Assert.DoesNotContain("sin programa", said, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_is_named_the_same_in_the_menu_my_reports_the_folio_a_draft_and_the_summary()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportMeeting();
        Assert.Contains(ana.Send("/reportar").Buttons, b => b.Label == "1. Reunión de consejo");
        ana.Press("Reunión").Send("25");

        Assert.Contains("(1. Reunión de consejo)", ana.Send("/reportar").Said, StringComparison.Ordinal);
        Assert.Contains("· 1. Reunión de consejo ·", ana.Send("/misreportes").Said, StringComparison.Ordinal);
        Assert.Contains("Actividad: 1. Reunión de consejo", ana.Send("/folio DPC-2024-0007").Said, StringComparison.Ordinal);
        Assert.Contains("<b>1. Reunión de consejo</b>", ana.Send("/resumen").Said, StringComparison.Ordinal);
        Assert.Contains("1. Reunión de consejo\n", world.Director().Send("/resumen consejos").Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_typed_in_capitals_without_accents_is_shown_with_its_accents()
    {
        var director = world.Director();
        var file = Path.Combine(world.Settings.DataFolder, "poa.txt");
        File.WriteAllBytes(file, PoaBot.Core.Samples.SampleData.PoaBytes());

        var said = director.Send("/importar").SendDocument(file).Said;

        Assert.Contains("3. Gestión para atención de solicitudes recibidas", said, StringComparison.Ordinal);
    }
}
