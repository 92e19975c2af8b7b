using PoaBot.Core.Import;
using PoaBot.Core.Reporting;
using PoaBot.Core.Samples;
using PoaBot.Tests.CommandLine;

namespace PoaBot.Tests.Reporting;

public sealed class ExportCommandTests : IDisposable
{
    private readonly TestDatabase test = new();
    private readonly CliRunner cli;
    private readonly string seedPath;

    public ExportCommandTests()
    {
        cli = new CliRunner(test.Path);
        seedPath = Path.Combine(test.Folder, "poa 2024.txt");
        File.WriteAllBytes(seedPath, SampleData.PoaBytes());
    }

    public void Dispose() => test.Dispose();

    [Theory]
    [InlineData("01/01/2025")]
    [InlineData("15/06/2024")]
    public async Task Export_csv_writes_what_summary_csv_prints(string date)
    {
        await cli.RunAsync(["import", seedPath]);
        var file = Path.Combine(test.Folder, "poa.csv");

        var export = await cli.RunAsync(["export", "--csv", file, "--year", "2024", "--al", date]);
        var summary = await cli.RunAsync(["summary", "--csv", "--year", "2024", "--al", date]);

        Assert.Equal(0, export.Exit);
        Assert.Contains("CSV del POA 2024", export.Output, StringComparison.Ordinal);
        Assert.Equal(summary.Output, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Export_pdf_writes_a_legal_landscape_table_page_and_a_signature_page_with_embedded_fonts()
    {
        await cli.RunAsync(["import", seedPath]);
        var file = Path.Combine(test.Folder, "poa.pdf");

        var export = await cli.RunAsync(["export", "--pdf", file, "--year", "2024", "--al", "31/12/2024"]);

        Assert.Equal(0, export.Exit);
        Assert.Contains("PDF del POA 2024, cierre del ejercicio 2024", export.Output, StringComparison.Ordinal);
        var pdf = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file));
        Assert.StartsWith("%PDF-", pdf, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(pdf, @"/Type\s*/Page(?![s\w])"));
        Assert.Contains("/MediaBox[0 0 1008 612]", pdf, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_xlsx_writes_a_workbook_the_importer_reads()
    {
        await cli.RunAsync(["import", seedPath]);
        var file = Path.Combine(test.Folder, "poa.xlsx");

        var export = await cli.RunAsync(["export", "--xlsx", file, "--al", "01/01/2025"]);

        Assert.Equal(0, export.Exit);
        Assert.Contains("Libro de Excel del POA 2024", export.Output, StringComparison.Ordinal);
        await using var stream = File.OpenRead(file);
        var document = PoaDocumentParser.Parse(PoaWorkbook.ReadTable(stream));
        Assert.Equal([20, 30, 15, 2], document.Activities.Select(a => a.MetaProgramada));
        Assert.Empty(Directory.GetFiles(test.Folder, "*.tmp"));
    }

    [Fact]
    public async Task The_directorate_setting_names_the_workbook_and_the_summary_and_without_it_the_imported_name_does()
    {
        await cli.RunAsync(["import", seedPath]);
        var file = Path.Combine(test.Folder, "poa.xlsx");
        var setting = new Dictionary<string, string?> { ["Poa:Directorate"] = " DIRECCIÓN DE PRUEBA " };

        await cli.RunAsync(["export", "--xlsx", file], extra: setting);
        var named = await cli.RunAsync(["summary"], extra: setting);
        var imported = await cli.RunAsync(["summary"]);

        await using var stream = File.OpenRead(file);
        Assert.Equal("DIRECCIÓN DE PRUEBA", PoaDocumentParser.Parse(PoaWorkbook.ReadTable(stream)).Directorate);
        Assert.Contains("DIRECCIÓN DE PRUEBA", named.Output, StringComparison.Ordinal);
        Assert.Contains("DIRECCIÓN DE PARTICIPACIÓN CIUDADANA", imported.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("DIRECCIÓN DE PRUEBA", imported.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_both_files_when_asked_for_both()
    {
        await cli.RunAsync(["import", seedPath]);
        var xlsx = Path.Combine(test.Folder, "poa.xlsx");
        var csv = Path.Combine(test.Folder, "poa.csv");

        var export = await cli.RunAsync(["export", "--xlsx", xlsx, "--csv", csv]);

        Assert.Equal(0, export.Exit);
        Assert.True(File.Exists(xlsx) && File.Exists(csv));
    }

    [Fact]
    public async Task Chart_writes_a_png_per_two_activities()
    {
        await cli.RunAsync(["import", seedPath]);
        var file = Path.Combine(test.Folder, "avance.png");

        var chart = await cli.RunAsync(["chart", file, "--year", "2024", "--al", "15/06/2024"]);

        Assert.Equal(0, chart.Exit);
        Assert.Contains("2 páginas", chart.Output, StringComparison.Ordinal);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await File.ReadAllBytesAsync(file))[..4]);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await File.ReadAllBytesAsync(Path.Combine(test.Folder, "avance-2.png")))[..4]);
    }

    [Theory]
    [InlineData("export", "--xlsx", "x.xlsx", "--year", "dos mil")]
    [InlineData("export", "--csv", "x.csv", "--year", "dos mil")]
    [InlineData("chart", "x.png", "--year", "dos mil")]
    public async Task A_broken_year_is_refused_in_spanish(params string[] args)
    {
        await cli.RunAsync(["import", seedPath]);

        var result = await cli.RunAsync([.. args.Select(a => a.EndsWith(".xlsx", StringComparison.Ordinal) || a.EndsWith(".csv", StringComparison.Ordinal) || a.EndsWith(".png", StringComparison.Ordinal) ? Path.Combine(test.Folder, a) : a)]);

        Assert.Equal(1, result.Exit);
        Assert.Contains("«dos mil» no es un año", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(test.Folder, "x.*"));
    }

    [Theory]
    [InlineData("export", "--xlsx", "x.xlsx")]
    [InlineData("export", "--csv", "x.csv")]
    [InlineData("chart", "x.png")]
    public async Task A_missing_poa_is_explained_in_spanish(params string[] args)
    {
        var result = await cli.RunAsync([.. args.Select(a => a.Contains('.', StringComparison.Ordinal) ? Path.Combine(test.Folder, a) : a), "--year", "2031"]);

        Assert.Equal(1, result.Exit);
        Assert.Contains("No hay POA 2031. Impórtelo con: poabot import ARCHIVO", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_without_a_file_says_how_to_name_one()
    {
        await cli.RunAsync(["import", seedPath]);

        var none = await cli.RunAsync(["export"]);
        var bare = await cli.RunAsync(["export", "--xlsx"]);

        Assert.Equal((1, 1), (none.Exit, bare.Exit));
        Assert.Contains("poabot export --xlsx ARCHIVO.xlsx", none.Error, StringComparison.Ordinal);
        Assert.Contains("poabot export --xlsx ARCHIVO.xlsx", bare.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_never_writes_over_the_database()
    {
        await cli.RunAsync(["import", seedPath]);
        var before = test.Fingerprint();

        var result = await cli.RunAsync(["export", "--xlsx", test.Path]);

        Assert.Equal(1, result.Exit);
        Assert.Contains("es la base de datos", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, test.Fingerprint());
    }
}
