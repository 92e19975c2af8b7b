using PoaBot.Core.Samples;
using PoaBot.Tests.Import;

namespace PoaBot.Tests.CommandLine;

public sealed class ImportAndSummaryCommandTests : IDisposable
{
    private readonly TestDatabase test = new();
    private readonly CliRunner cli;
    private readonly string seedPath;

    public ImportAndSummaryCommandTests()
    {
        cli = new CliRunner(test.Path);
        seedPath = Path.Combine(test.Folder, "poa 2024.txt");
        File.WriteAllBytes(seedPath, SampleData.PoaBytes());
    }

    public void Dispose() => test.Dispose();

    [Fact]
    public async Task Import_then_summary_csv_gives_the_seeds_table()
    {
        var import = await cli.RunAsync(["import", seedPath]);
        var summary = await cli.RunAsync(["summary", "--csv", "--year", "2024", "--al", "31/12/2024"]);

        Assert.Equal(0, import.Exit);
        Assert.Contains("Realineación", import.Output, StringComparison.Ordinal);
        Assert.Equal(0, summary.Exit);
        var lines = summary.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(
            "num,actividad,ene_feb_prog,ene_feb_real,ene_feb_var,mar_abr_prog,mar_abr_real,mar_abr_var,may_jun_prog,may_jun_real,may_jun_var,jul_ago_prog,jul_ago_real,jul_ago_var,sep_oct_prog,sep_oct_real,sep_oct_var,nov_dic_prog,nov_dic_real,nov_dic_var,meta_programada,meta_real,variacion,prog_acum,real_acum,avance_pct,cumplimiento_pct,semaforo",
            lines[0]);
        Assert.Equal("1,REUNIONES DE CONSEJOS SOCIALES DE PARTICIPACIÓN CIUDADANA EN EL MUNICIPIO,0,0,0,1,1,0,0,0,0,0,0,0,9,0,-9,10,10,0,20,11,-9,20,11,55.0,55.0,rojo", lines[1]);
        Assert.EndsWith(",0,0,0,15,11,-4,0,0,0,0,0,0,15,0,-15,0,0,0,30,11,-19,30,11,36.7,36.7,rojo", lines[2], StringComparison.Ordinal);
        Assert.Equal("3,GESTION PARA ATENCION DE SOLICITUDES RECIBIDAS,0,0,0,0,0,0,7,8,1,0,0,0,0,0,0,8,0,-8,15,8,-7,15,8,53.3,53.3,rojo", lines[3]);
        Assert.Equal("4,PROGRAMAS DE APOYOS SOCIALES,0,0,0,1,1,0,0,0,0,1,1,0,0,0,0,0,0,0,2,2,0,2,2,100.0,100.0,verde", lines[4]);
    }

    [Fact]
    public async Task The_text_summary_on_the_years_last_day_is_the_years_close()
    {
        await cli.RunAsync(["import", seedPath]);

        var summary = await cli.RunAsync(["summary", "--year", "2024", "--al", "31/12/2024"]);

        Assert.Contains("Cierre del ejercicio 2024", summary.Output, StringComparison.Ordinal);
        Assert.Contains("Cumplimiento 55.0 % | 🔴 rojo", summary.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("en curso", summary.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_in_the_middle_of_the_year_leaves_future_cells_empty()
    {
        await cli.RunAsync(["import", seedPath]);

        var summary = await cli.RunAsync(["summary", "--csv", "--al", "15/06/2024"]);

        Assert.Equal("4,PROGRAMAS DE APOYOS SOCIALES,0,0,0,1,1,0,0,0,,1,,,0,,,0,,,2,1,-1,1,1,50.0,100.0,verde", summary.Output.Split('\n')[4]);
    }

    [Fact]
    public async Task The_text_summary_fits_an_80_column_terminal()
    {
        await cli.RunAsync(["import", seedPath]);

        var summary = await cli.RunAsync(["summary", "--year", "2024"]);

        Assert.Equal(0, summary.Exit);
        Assert.Contains("META PROGRAMADA 20 | META REAL 11 | VARIACIÓN -9", summary.Output, StringComparison.Ordinal);
        Assert.All(summary.Output.Split('\n'), line => Assert.True(line.Length <= 80, line));
    }

    [Fact]
    public async Task A_second_import_changes_nothing_and_says_so()
    {
        await cli.RunAsync(["import", seedPath]);
        var before = test.Fingerprint();

        var second = await cli.RunAsync(["import", seedPath]);

        Assert.Equal(0, second.Exit);
        Assert.Contains("sin cambios", second.Output, StringComparison.Ordinal);
        Assert.Equal(before, test.Fingerprint());
    }

    [Fact]
    public async Task A_broken_file_changes_nothing_says_why_and_exits_non_zero()
    {
        await cli.RunAsync(["import", seedPath]);
        var before = test.Fingerprint();
        var broken = Path.Combine(test.Folder, "roto.txt");
        File.WriteAllBytes(broken, SeedDocuments.WithRow(2, r => [.. r[..6], "quince", .. r[7..]]));

        var result = await cli.RunAsync(["import", broken]);

        Assert.Equal(1, result.Exit);
        Assert.Contains("No se importó nada", result.Error, StringComparison.Ordinal);
        Assert.Contains("«quince» no es un número", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, test.Fingerprint());
    }

    [Fact]
    public async Task A_missing_file_is_named_and_nothing_changes()
    {
        var before = test.Fingerprint();

        var result = await cli.RunAsync(["import", Path.Combine(test.Folder, "no-existe.csv")]);

        Assert.Equal(1, result.Exit);
        Assert.Contains("No encontré el archivo", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, test.Fingerprint());
    }

    [Fact]
    public async Task Summary_without_a_poa_explains_how_to_import_one()
    {
        var result = await cli.RunAsync(["summary"]);

        Assert.Equal(1, result.Exit);
        Assert.Contains("poabot import", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_kind_overrides_the_detected_kind()
    {
        await cli.RunAsync(["import", seedPath]);

        var result = await cli.RunAsync(["activity", "kind", "4", "generica"]);
        var wrong = await cli.RunAsync(["activity", "kind", "4", "fiestas"]);

        Assert.Equal(0, result.Exit);
        Assert.Contains("acciones genéricas", result.Output, StringComparison.Ordinal);
        Assert.Equal(1, wrong.Exit);
    }

    [Fact]
    public async Task Activity_kind_with_a_bad_year_says_so_instead_of_failing()
    {
        await cli.RunAsync(["import", seedPath]);

        var result = await cli.RunAsync(["activity", "kind", "4", "generica", "--year", "dos mil"]);

        Assert.Equal(1, result.Exit);
        Assert.Contains("«dos mil» no es un año", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_writes_a_consistent_copy_that_opens_with_the_same_data()
    {
        await cli.RunAsync(["import", seedPath]);
        var copy = Path.Combine(test.Folder, "copia.db");

        var result = await cli.RunAsync(["backup", copy]);
        var summary = await new CliRunner(copy).RunAsync(["summary", "--csv", "--al", "01/01/2025"]);
        var original = await cli.RunAsync(["summary", "--csv", "--al", "01/01/2025"]);

        Assert.Equal(0, result.Exit);
        Assert.Equal(original.Output, summary.Output);
    }

    [Fact]
    public async Task An_unknown_verb_is_named_and_exits_with_usage()
    {
        var result = await cli.RunAsync(["exportar-todo"]);

        Assert.Equal(2, result.Exit);
        Assert.Contains("exportar-todo", result.Error, StringComparison.Ordinal);
    }
}
