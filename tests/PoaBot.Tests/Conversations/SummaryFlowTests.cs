namespace PoaBot.Tests.Conversations;

public sealed class SummaryFlowTests : IDisposable
{
    private readonly ChatWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public void Resumen_shows_the_open_bimester_the_year_var_avance_and_semaforo_in_words()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportMeeting();

        ana.Send("/resumen");

        Assert.Contains("Avance del POA 2024</b> al 15/04/2024", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Mar/Abr (en curso): 1 de 1 programadas", ana.Said, StringComparison.Ordinal);
        Assert.Contains("Año: 1 de 20 · avance anual 5.0 %", ana.Said, StringComparison.Ordinal);
        Assert.Contains("🔵 adelantado: aún no cierra un bimestre con programación", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coordinator_sees_their_councils_contribution_beside_the_total()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        var luis = world.Coordinator(2, "Consejo San Juan");
        ana.ReportMeeting();
        luis.ReportMeeting().ReportMeeting("Otra");

        ana.Send("/resumen");

        Assert.Contains("De sus consejos: 1 de los 3 del año", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_bimester_closes_its_var_and_the_semaforo_with_cumplimiento_show()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportMeeting();
        world.Time.SetUtcNow(new DateTimeOffset(2024, 5, 2, 18, 0, 0, TimeSpan.Zero));

        ana.Send("/resumen");

        Assert.Contains("May/Jun (en curso)", ana.Said, StringComparison.Ordinal);
        Assert.Contains("🟢 verde (100.0 % de lo programado en bimestres cerrados)", ana.Said, StringComparison.Ordinal);
        Assert.Contains("🔴 rojo (73.3 % de lo programado en bimestres cerrados)", ana.Said.Replace("🟡 amarillo", "🔴 rojo", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_director_sees_everything_and_per_council_on_request()
    {
        var director = world.Director();
        world.Coordinator(1, "Consejo Centro").ReportMeeting().ReportRequest();

        director.Send("/resumen");
        Assert.DoesNotContain("Sus consejos", director.Said, StringComparison.Ordinal);
        director.Send("/resumen consejos");

        Assert.Contains("<b>Consejo Centro</b> · Cabecera\n1: 1 · 2: 1 · 3: 0 · 4: 0 · último reporte 15/04/2024", director.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Resumen_never_exceeds_telegrams_4096_characters_even_with_many_activities()
    {
        world.Database.Write(db =>
        {
            for (var n = 5; n <= 60; n++)
            {
                db.Execute(
                    "INSERT INTO activity (poa_id, num, position, name, objective, detected_kind, goal) VALUES (1, @num, @n, @name, '', 'generic', 10)",
                    new { n, num = $"{n}", name = $"ACTIVIDAD NÚMERO {n} CON UN NOMBRE MUY LARGO QUE OCUPA BASTANTE ESPACIO EN LA PANTALLA DEL TELÉFONO" });
            }
        });
        var director = world.Director();

        director.Send("/resumen");

        Assert.True(director.Said.Length <= 4096, $"{director.Said.Length} characters");
        Assert.Contains("60. ", director.Said, StringComparison.Ordinal);
    }
}
