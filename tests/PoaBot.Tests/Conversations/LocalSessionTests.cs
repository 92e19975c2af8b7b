using PoaBot.Core.People;
using PoaBot.Tests.CommandLine;

namespace PoaBot.Tests.Conversations;

public sealed class LocalSessionTests : IDisposable
{
    private readonly TestDatabase test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public async Task A_local_session_on_an_empty_database_loads_the_sample_and_reports_a_meeting_and_a_request_seen_in_resumen_and_misreportes()
    {
        var script = string.Join('\n',
            "/reportar", "1", "1", "25", "Bacheo de la calle Hidalgo", "1", "1",
            "/reportar", "2", "2", "Alumbrado en calle Morelos", "1", "Obras Públicas", "1", "1",
            "/resumen", "/misreportes", "b", "salir");

        var (exit, output, _) = await new CliRunner(test.Path).RunAsync(["local", "--db", test.Path, "--fecha", "15/04/2024"], script);

        Assert.Equal(0, exit);
        Assert.Contains("cargué el POA 2024 de ejemplo", output, StringComparison.Ordinal);
        Assert.Contains("Conversación local como coordinador(a), fecha 15/04/2024.", output, StringComparison.Ordinal);
        Assert.Contains("Guardado con folio DPC-2024-0007", output, StringComparison.Ordinal);
        Assert.Contains("Guardado con folio DPC-2024-0008", output, StringComparison.Ordinal);
        Assert.Contains("Mar/Abr (en curso): 1 de 1 programadas", output, StringComparison.Ordinal);
        Assert.Contains("Mar/Abr (en curso): 1 de 15 programadas", output, StringComparison.Ordinal);
        Assert.Contains("[1] 💾 Guardar", output, StringComparison.Ordinal);

        // A choice that has its own number shows it once, and that number (or the letter of a button beside it) chooses it.
        Assert.DoesNotMatch(@"\[\d+\] \d+\. ", output);
        Assert.Contains("  [2] Solicitud recibida\n", output, StringComparison.Ordinal);
        Assert.Contains("  [2] Consejo Colonia Centro\n", output, StringComparison.Ordinal);
        Assert.Contains("Consejo: Consejo Colonia Centro", output, StringComparison.Ordinal);
        Assert.Contains("  [1] Corregir DPC-2024-0008\n  [a] Anular DPC-2024-0008\n  [2] Corregir DPC-2024-0007\n  [b] Anular DPC-2024-0007\n", output, StringComparison.Ordinal);
        Assert.Contains("¿Por qué anula el folio DPC-2024-0007?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_task_ends_a_typed_number_is_text_not_a_button_of_the_finished_task()
    {
        var (_, output, _) = await new CliRunner(test.Path).RunAsync(
            ["local", "--db", test.Path, "--fecha", "15/04/2024"], "/reportar\n1\n1\n25\nBacheo\n1\n1\n1\nsalir\n");

        Assert.Contains("Guardado con folio DPC-2024-0007", output, StringComparison.Ordinal);
        Assert.DoesNotContain("botón es de un mensaje anterior", output, StringComparison.Ordinal);
        Assert.EndsWith("Hola, Coordinador (local).", output[..output.LastIndexOf(" Para reportar", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_local_session_welcomes_the_person_and_a_later_one_greets_them_back()
    {
        var cli = new CliRunner(test.Path);

        var (_, first, _) = await cli.RunAsync(["local", "--db", test.Path, "--fecha", "15/04/2024"], "salir\n");
        var (_, second, _) = await cli.RunAsync(["local", "--db", test.Path, "--fecha", "15/04/2024"], "salir\n");

        Assert.Contains("¡Bienvenido(a), Coordinador (local)! Ya quedó registrado(a) como coordinador(a).", first, StringComparison.Ordinal);
        Assert.Contains("Sus consejos: ", first, StringComparison.Ordinal);
        Assert.Contains("Hola de nuevo, Coordinador (local). Está registrado(a) como coordinador(a).", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Bienvenido", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("planeacion")]
    [InlineData("jefe")]
    public async Task Local_offers_the_director_and_the_coordinator_only(string role)
    {
        var (exit, output, error) = await new CliRunner(test.Path).RunAsync(["local", "--db", test.Path, "--as", role], "salir\n");

        Assert.Equal(1, exit);
        Assert.Contains("Use --as director o --as coordinador.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("registrado", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_the_poas_year_local_mode_suggests_fecha()
    {
        var (exit, output, _) = await new CliRunner(test.Path).RunAsync(["local", "--db", test.Path, "--fecha", "10/01/2026"], "salir\n");

        Assert.Equal(0, exit);
        Assert.Contains("use --fecha, por ejemplo: --fecha 15/04/2024", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_as_director_sees_everything()
    {
        var (_, output, _) = await new CliRunner(test.Path).RunAsync(["local", "--db", test.Path, "--as", "director", "--fecha", "15/04/2024"], "/resumen consejos\nsalir\n");

        Assert.Contains("director(a)", output, StringComparison.Ordinal);
        Assert.Contains("Avance por consejo", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_works_on_its_own_file_and_never_touches_the_bots_database()
    {
        var own = Path.Combine(test.Folder, "local.db");
        var before = test.Fingerprint();

        var (exit, output, _) = await new CliRunner(test.Path).RunAsync(["local", "--fecha", "15/04/2024"], "/reportar\nsalir\n", extra: new() { ["Storage:LocalPath"] = own });

        Assert.Equal(0, exit);
        Assert.Contains("¿Qué desea reportar?", output, StringComparison.Ordinal);
        Assert.Equal(before, test.Fingerprint());
        Assert.True(File.Exists(own));
    }

    [Fact]
    public async Task Local_refuses_a_database_with_real_people_and_adds_no_sample_people()
    {
        test.Database.Write(db =>
        {
            var people = new PeopleStore(db);
            people.Redeem(people.CreateInvite(Roles.Director, [], DateTimeOffset.UtcNow, TimeSpan.FromDays(1)), 5551234, "Directora Real", DateTimeOffset.UtcNow);
        });
        var before = test.Fingerprint();

        var (exit, _, error) = await new CliRunner(test.Path).RunAsync(["local", "--db", test.Path], "salir\n");

        Assert.Equal(1, exit);
        Assert.Contains("una persona registrada", error, StringComparison.Ordinal);
        Assert.Contains("no agrega personas de prueba a una base con personas reales", error, StringComparison.Ordinal);
        Assert.Equal(before, test.Fingerprint());
    }
}
