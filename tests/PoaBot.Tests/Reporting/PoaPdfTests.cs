using System.Text.RegularExpressions;
using PoaBot.Core.Domain;
using PoaBot.Core.Import;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;
using PoaBot.Tests.Import;

namespace PoaBot.Tests.Reporting;

/// <summary>The PDF's layout when there is more than fits: rows grow, text wraps, pages continue.</summary>
public sealed partial class PoaPdfTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 12, 31, 18, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase test = new();

    public void Dispose() => test.Dispose();

    [Fact]
    public void The_seed_is_one_table_page_and_one_signature_page()
    {
        PoaImporter.Import(test.Database, PoaDocumentParser.Parse(SeedDocuments.Bytes), "prueba", "poa.txt", Now);

        Assert.Equal(2, Pages(Pdf()));
    }

    [Fact]
    public void Long_justifications_and_many_activities_continue_on_further_pages()
    {
        PoaImporter.Import(test.Database, PoaDocumentParser.Parse(SeedDocuments.WithActivities(24)), "prueba", "poa.txt", Now);
        var text = string.Concat(Enumerable.Repeat("Las lluvias impidieron reunir a los consejos de las localidades altas. ", 14)) +
            "https://transparencia.municipio.gob.mx/participacion/consejos/2024/actas/septiembre-octubre/acta-de-suspension.pdf";
        test.Database.Write(db =>
        {
            foreach (var activity in new PoaStore(db).Activities(1))
            {
                new JustificationStore(db).Save(activity.Id, 5, text, "Directora", Now);
            }
        });

        var pdf = Pdf();

        Assert.True(Pages(pdf) >= 5, $"{Pages(pdf)} pages");
        if (Environment.GetEnvironmentVariable("POABOT_PDF_OUT") is { Length: > 0 } path)
        {
            File.WriteAllBytes(path, pdf);
        }
    }

    private byte[] Pdf()
    {
        var data = test.Database.Read(db => PoaWorkbookData.Load(db, 2024, new DateOnly(2024, 12, 31), SemaforoThresholds.Default, ReportSignature.None))!;
        using var stream = new MemoryStream();
        PoaPdf.Write(stream, data);
        return stream.ToArray();
    }

    private static int Pages(byte[] pdf) => PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();
}
