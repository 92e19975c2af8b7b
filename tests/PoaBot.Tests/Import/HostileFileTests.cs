using System.IO.Compression;
using System.Text;
using PoaBot.Core.Import;
using PoaBot.Tests.CommandLine;
using PoaBot.Tests.Conversations;

namespace PoaBot.Tests.Import;

/// <summary>Hostile files on the command line (<c>import</c>) and in the chat (<c>/importar</c>): refused kindly and early, never a crash.</summary>
public sealed class HostileFileTests : IDisposable
{
    private readonly TestDatabase test = new();

    public void Dispose() => test.Dispose();

    public static TheoryData<string, string> Files() => new()
    {
        { "bomba.xlsx", "al abrirlo" },
        { "incompleto.xlsx", "libro de Excel" },
        { "enorme.csv", "filas" },
        { "muchas.txt", "como máximo 200" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_command_line_refuses_a_hostile_file_with_a_spanish_message_and_imports_nothing(string name, string expected)
    {
        var path = Make(name);

        var (exit, _, error) = await new CliRunner(test.Path).RunAsync(["import", path]);

        Assert.Equal(1, exit);
        Assert.StartsWith("No se importó nada: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(0L, test.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM activity")));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Importar_refuses_a_hostile_file_in_one_message_and_changes_nothing(string name, string expected)
    {
        using var world = new ChatWorld();
        var director = world.Director();
        var before = world.Fingerprint("conversation");

        director.Send("/importar").SendDocument(Make(name));

        Assert.Single(director.Last.Replies);
        Assert.Contains(expected, director.Said, StringComparison.Ordinal);
        Assert.Equal(before, world.Fingerprint("conversation"));
    }

    [Fact]
    public void The_preview_of_a_poa_with_200_activities_and_their_warnings_comes_in_a_few_phone_sized_messages_the_last_one_asking()
    {
        using var world = new ChatWorld();
        var director = world.Director();

        director.Send("/importar").SendDocument(Make("grande.txt", activities: 200));

        var replies = director.Last.Replies;
        Assert.InRange(replies.Count, 2, 5);
        Assert.Contains("Vista previa", replies[0].Html, StringComparison.Ordinal);
        Assert.Contains(replies, r => r.Html.Contains("actividades más", StringComparison.Ordinal));
        Assert.All(replies, r => Assert.True(r.Html.Length <= 1_000, $"{r.Html.Length} characters"));
        Assert.Contains(replies[^1].Buttons.SelectMany(b => b), b => b.Label.Contains("Importar", StringComparison.Ordinal));
    }

    private string Make(string name, int activities = 0)
    {
        var path = Path.Combine(test.Folder, name);
        switch (name)
        {
            case "bomba.xlsx":
                ZipBomb(path);
                break;
            case "incompleto.xlsx":
                MissingSheetPart(path);
                break;
            case "enorme.csv":
                File.WriteAllBytes(path, Poa(50_000));
                break;
            case "muchas.txt":
                File.WriteAllBytes(path, Poa(250));
                break;
            default:
                File.WriteAllBytes(path, Poa(activities));
                break;
        }

        return path;
    }

    private static byte[] Poa(int count) => SeedDocuments.WithActivities(count);

    /// <summary>A workbook whose sheet unpacks to 80 MB (the zip is well under 1 MB).</summary>
    private static void ZipBomb(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Package(zip);
        using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024));
        sheet.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"u8);
        for (var i = 0; i < 80; i++)
        {
            sheet.Write(chunk);
        }

        sheet.Write("</sheetData></worksheet>"u8);
    }

    /// <summary>A workbook whose first sheet points to a part that is not in the file.</summary>
    private static void MissingSheetPart(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Package(zip);
    }

    private static void Package(ZipArchive zip)
    {
        void Entry(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(xml);
        }

        Entry("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """);
        Entry("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Entry("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheets><sheet name="POA" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Entry("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """);
    }
}
