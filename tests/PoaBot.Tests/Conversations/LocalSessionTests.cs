using PoaBot.Tests.CommandLine;

namespace PoaBot.Tests.Conversations;

public sealed class LocalSessionTests : IDisposable
{
    private readonly TestDatabase test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public async Task A_local_session_on_an_empty_database_loads_the_sample_and_reports_a_meeting_and_a_request_seen_in_resumen()
    {
        var script = string.Join('\n',
            "/reportar", "1", "1", "1", "25", "Bacheo de la calle Hidalgo", "1", "1",
            "/reportar", "2", "2", "1", "Alumbrado en calle Morelos", "1", "Obras Públicas", "1", "1",
            "/resumen", "salir");

        var (exit, output, _) = await new CliRunner(test.Path).RunAsync(["local", "--fecha", "15/04/2024"], script);

        Assert.Equal(0, exit);
        Assert.Contains("cargué el POA 2024 de ejemplo", output, StringComparison.Ordinal);
        Assert.Contains("Guardado con folio DPC-2024-0007", output, StringComparison.Ordinal);
        Assert.Contains("Guardado con folio DPC-2024-0008", output, StringComparison.Ordinal);
        Assert.Contains("Mar/Abr (en curso): 1 de 1 programadas", output, StringComparison.Ordinal);
        Assert.Contains("Mar/Abr (en curso): 1 de 15 programadas", output, StringComparison.Ordinal);
        Assert.Contains("[1] Hoy (15/04)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_the_poas_year_local_mode_suggests_fecha()
    {
        var (exit, output, _) = await new CliRunner(test.Path).RunAsync(["local", "--fecha", "10/01/2026"], "salir\n");

        Assert.Equal(0, exit);
        Assert.Contains("use --fecha, por ejemplo: --fecha 15/04/2024", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_as_director_sees_everything()
    {
        var (_, output, _) = await new CliRunner(test.Path).RunAsync(["local", "--as", "director", "--fecha", "15/04/2024"], "/resumen consejos\nsalir\n");

        Assert.Contains("director(a)", output, StringComparison.Ordinal);
        Assert.Contains("Avance por consejo", output, StringComparison.Ordinal);
    }
}
