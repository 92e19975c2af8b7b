using System.Text;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;

namespace PoaBot.Tests.Import;

public class PoaDocumentParserTests
{
    private static readonly PoaDocument Seed = PoaDocumentParser.Parse(SeedDocuments.Bytes);

    [Fact]
    public void The_seed_is_the_directorates_poa_2024()
    {
        Assert.Equal(2024, Seed.Year);
        Assert.Equal("DIRECCIÓN DE PARTICIPACIÓN CIUDADANA", Seed.Directorate);
        Assert.Equal(["1", "2", "3", "4"], Seed.Activities.Select(a => a.Num));
    }

    [Fact]
    public void The_seeds_programmed_targets_are_read_per_bimester()
    {
        Assert.Equal([0, 1, 0, 0, 9, 10], Seed.Activities[0].Prog);
        Assert.Equal([0, 15, 0, 0, 15, 0], Seed.Activities[1].Prog);
        Assert.Equal([0, 0, 7, 0, 0, 8], Seed.Activities[2].Prog);
        Assert.Equal([0, 1, 0, 1, 0, 0], Seed.Activities[3].Prog);
        Assert.Equal([20, 30, 15, 2], Seed.Activities.Select(a => a.MetaProgramada));
    }

    [Fact]
    public void The_seeds_real_cells_are_read_per_bimester()
    {
        Assert.Equal([0, 1, 0, 0, 0, 10], Seed.Activities[0].Real);
        Assert.Equal([0, 11, 0, 0, 0, 0], Seed.Activities[1].Real);
        Assert.Equal([0, 0, 8, 0, 0, 0], Seed.Activities[2].Real);
        Assert.Equal([0, 1, 0, 1, 0, 0], Seed.Activities[3].Real);
    }

    [Fact]
    public void Activity_kinds_are_detected_from_the_names()
    {
        Assert.Equal(
            [ActivityKind.Meeting, ActivityKind.RequestReceived, ActivityKind.RequestManaged, ActivityKind.SocialProgram],
            Seed.Activities.Select(a => ActivityKinds.Detect(a.Name)));
        Assert.Equal(ActivityKind.Training, ActivityKinds.Detect("CAPACITACIONES A CONSEJEROS"));
        Assert.Equal(ActivityKind.Training, ActivityKinds.Detect("Talleres de participación"));
        Assert.Equal(ActivityKind.Meeting, ActivityKinds.Detect("REUNIONES DE CAPACITACIÓN"));
        Assert.Equal(ActivityKind.Generic, ActivityKinds.Detect("LIMPIEZA DE ESPACIOS PÚBLICOS"));
    }

    [Fact]
    public void A_variance_written_with_the_sign_after_the_number_is_read()
    {
        Assert.Equal(1, Seed.Activities[2].VarWritten[2]);
    }

    [Fact]
    public void The_extra_cell_of_the_data_rows_is_realigned_and_reported()
    {
        var note = Assert.Single(Seed.Realignment);
        Assert.Contains("una celda más", note.Message, StringComparison.Ordinal);
        Assert.Contains("entre JULIO/AGOSTO y SEPT/OCTUBRE", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Activity_1s_real_cells_against_its_meta_real_are_reported_with_the_likely_cause()
    {
        var warning = Assert.Single(Seed.Warnings, w => w.ActivityNum == "1" && w.Message.Contains("META REAL 2024 dice 1", StringComparison.Ordinal));
        Assert.Contains("suman 11", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Nov/Dic", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", "Sep/Oct: VAR. escrita 9, pero REAL − PROG = -9")]
    [InlineData("2", "Sep/Oct: VAR. escrita 0, pero REAL − PROG = -15")]
    [InlineData("3", "Nov/Dic: VAR. escrita 0, pero REAL − PROG = -8")]
    public void Var_cells_that_differ_from_real_minus_prog_are_reported(string activity, string expected) =>
        Assert.Contains(Seed.Warnings, w => w.ActivityNum == activity && w.Message.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Var_written_0_in_several_unreported_bimesters_is_one_line_per_activity()
    {
        var document = PoaDocumentParser.Parse(SeedDocuments.WithRow(2, r => [.. r[..8], "0", .. r[9..]]));

        var warning = Assert.Single(document.Warnings, w => w.ActivityNum == "2" && w.Message.Contains("VAR. escrita 0", StringComparison.Ordinal));
        Assert.Contains("Actividad 2, Mar/Abr y Sep/Oct: VAR. escrita 0, pero REAL − PROG = -4 y -15", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_council_title_with_other_years_does_not_set_the_poas_year()
    {
        var document = PoaDocumentParser.Parse(Encoding.UTF8.GetBytes("H. AYUNTAMIENTO CONSTITUCIONAL 2021-2024\n" + SeedDocuments.Text));

        Assert.Equal(2024, document.Year);
    }

    [Fact]
    public void The_year_comes_from_meta_real_when_the_title_has_none_and_a_file_without_either_is_refused()
    {
        var untitled = SeedDocuments.Text.Replace("PROGRAMA OPERATIVO ANUAL 2024", "PROGRAMA OPERATIVO ANUAL", StringComparison.Ordinal);
        var yearless = untitled.Replace("META REAL 2024", "META REAL", StringComparison.Ordinal).Replace("2024", "", StringComparison.Ordinal);

        Assert.Equal(2024, PoaDocumentParser.Parse(Encoding.UTF8.GetBytes("H. AYUNTAMIENTO 2021-2024\n" + untitled)).Year);
        var error = Assert.Throws<PoaImportException>(() => PoaDocumentParser.Parse(Encoding.UTF8.GetBytes("H. AYUNTAMIENTO 2021-2027\n" + yearless)));
        Assert.Contains("PROGRAMA OPERATIVO ANUAL 2024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_semicolon_separated_csv_reads_the_same()
    {
        var csv = string.Join("\r\n", SeedDocuments.Rows.Select(r => string.Join(';', r.Select(c => c.Contains(';', StringComparison.Ordinal) ? $"\"{c}\"" : c))));

        var document = PoaDocumentParser.Parse(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(Seed.Activities.Select(a => a.Name), document.Activities.Select(a => a.Name));
        Assert.Equal(Seed.Activities.Select(a => a.Prog), document.Activities.Select(a => a.Prog));
    }

    [Fact]
    public void Consistent_activities_get_no_warning() =>
        Assert.DoesNotContain(Seed.Warnings, w => w.ActivityNum == "4");

    [Fact]
    public void The_same_layout_as_quoted_csv_with_line_breaks_in_cells_reads_the_same()
    {
        var csv = SeedDocuments.AsCsv(c => c.StartsWith("Promover", StringComparison.Ordinal) ? c.Replace(" a través", ",\na través", StringComparison.Ordinal) : c);

        var document = PoaDocumentParser.Parse(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(Seed.Activities.Select(a => a.Prog.Sum()), document.Activities.Select(a => a.Prog.Sum()));
        Assert.Equal([0, 1, 0, 0, 9, 10], document.Activities[0].Prog);
        Assert.Contains("\n", document.Activities[0].Objective, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16-bom")]
    [InlineData("windows-1252")]
    [InlineData("utf-8-bom")]
    public void Re_encoded_files_read_the_same(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = encoding switch
        {
            "utf-16" => new UnicodeEncoding(false, false).GetBytes(SeedDocuments.AsCsv()),
            "utf-16-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(SeedDocuments.Text)],
            "windows-1252" => Encoding.GetEncoding(1252).GetBytes(SeedDocuments.Text),
            _ => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(SeedDocuments.AsCsv())],
        };

        var document = PoaDocumentParser.Parse(bytes);

        Assert.Equal("DIRECCIÓN DE PARTICIPACIÓN CIUDADANA", document.Directorate);
        Assert.Equal(Seed.Activities.Select(a => a.Name), document.Activities.Select(a => a.Name));
        Assert.Equal([0, 0, 7, 0, 0, 8], document.Activities[2].Prog);
    }

    [Fact]
    public void Rows_without_the_extra_cell_are_read_as_labelled_and_not_realigned()
    {
        var fixedRows = SeedDocuments.Rows.Select(r => r.Length == 25 && int.TryParse(r[0], out _) ? r.Take(15).Concat(r.Skip(16)).ToArray() : r);
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', fixedRows.Select(r => string.Join('\t', r))));

        var document = PoaDocumentParser.Parse(bytes);

        Assert.Empty(document.Realignment);
        Assert.Equal([0, 1, 0, 0, 9, 10], document.Activities[0].Prog);
        Assert.Equal(20, document.Activities[0].MetaProgramada);
    }

    public static TheoryData<string, byte[], string> BrokenFiles => new()
    {
        { "empty", [], "vacío" },
        { "no header", Encoding.UTF8.GetBytes("hola\tmundo\n1\t2\t3\n"), "No encontré el encabezado" },
        { "text where a number must be", SeedDocuments.WithRow(2, r => [.. r[..6], "quince", .. r[7..]]), "«quince» no es un número" },
        { "negative target", SeedDocuments.WithRow(4, r => [.. r[..6], "-1", .. r[7..22], "0", .. r[23..]]), "negativa" },
        { "no year", Encoding.UTF8.GetBytes(SeedDocuments.Text.Replace("2024", "", StringComparison.Ordinal)), "año" },
        { "two extra cells", SeedDocuments.WithRow(1, r => [.. r, "5"]), "celdas más" },
        { "no position adds up", SeedDocuments.WithRow(3, r => [.. r[..22], "99", .. r[23..]]), "ninguna posición" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_file_is_refused_with_a_spanish_reason(string why, byte[] bytes, string expected)
    {
        var error = Assert.Throws<PoaImportException>(() => PoaDocumentParser.Parse(bytes));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{why}: {error.Message}");
    }

    [Fact]
    public void An_extra_cell_that_fits_several_places_with_different_readings_is_refused_as_ambiguous()
    {
        // One row only, PROG 5 in Mar/Abr and an extra zero cell: the cell could sit before or after the 5 with different REAL/VAR.
        var text =
            "PROGRAMA OPERATIVO ANUAL 2025\n" +
            "Núm. Prog.\tACTIVIDADES\tOBJETIVOS\tAÑO\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\tMETA PROGRAMADA\tMETA REAL 2025\tVARIACIÓN\n" +
            "\t\t\tENERO/FEBRERO\t\t\tMARZO/ABRIL\t\t\tMAYO/JUNIO\t\t\tJULIO/AGOSTO\t\t\tSEPT/OCTUBRE\t\t\tNOV/DICIEMBRE\n" +
            "\t\t\tPROG\tREAL\tVAR.\tPROG\tREAL\tVAR.\tPROG\tREAL\tVAR.\tPROG\tREAL\tVAR.\tPROG\tREAL\tVAR.\tPROG\tREAL\tVAR.\n" +
            "1\tREUNIONES\tobj\t0\t0\t0\t5\t3\t3\t-2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t5\t4\t-1\n";

        var error = Assert.Throws<PoaImportException>(() => PoaDocumentParser.Parse(Encoding.UTF8.GetBytes(text)));

        Assert.Contains("ambiguo", error.Message, StringComparison.Ordinal);
    }
}
