using System.Text;
using PoaBot.Core.Conversations;
using PoaBot.Core.People;
using PoaBot.Tests.Import;

namespace PoaBot.Tests.Conversations;

public sealed class DirectorToolsTests : IDisposable
{
    private readonly ChatWorld world = new();
    private readonly string folder = Directory.CreateTempSubdirectory("poabot-files-").FullName;

    public void Dispose()
    {
        world.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private string File(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Invitar_with_buttons_gives_a_single_use_link_for_the_chosen_councils()
    {
        var director = world.Director();

        director.Send("/invitar").Press("Coordinador").Press("Consejo Centro").Press("Consejo San Juan").Press("Consejo San Juan").Press("Consejo El Rosario").Press("Listo");

        Assert.Contains("coordinador(a) de Consejo El Rosario, Consejo Centro", director.Said.Replace("Consejo Centro, Consejo El Rosario", "Consejo El Rosario, Consejo Centro", StringComparison.Ordinal), StringComparison.Ordinal);
        var payload = director.Said.Split("/start ")[1].Trim();
        var luis = new Chat(world, 55, "Luis").Send($"/start {payload}");
        Assert.Contains("Consejo Centro, Consejo El Rosario", luis.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_button_typed_in_words_works_as_tapped()
    {
        var director = world.Director();

        director.Send("/invitar").Send("coordinador").Send("Consejo Centro").Send("listo");

        Assert.Contains("Invitación para coordinador(a) de Consejo Centro", director.Said, StringComparison.Ordinal);
        var ana = world.Coordinator(56, "Consejo Centro");
        ana.Send("/reportar").Send("reunion de consejo").Send("25").Send("Bacheo").Send("omitir").Send("Guardar");
        Assert.Contains("Guardado con folio", ana.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitar_without_councils_asks_for_at_least_one()
    {
        var director = world.Director();

        director.Send("/invitar").Press("Coordinador").Press("Listo");

        Assert.Contains("Elija al menos un consejo", director.Said, StringComparison.Ordinal);
    }

    [Fact]
    public void Consejos_lists_and_adds_a_council()
    {
        var director = world.Director();

        director.Send("/consejos");
        Assert.Contains("Consejos (3)", director.Said, StringComparison.Ordinal);
        director.Press("Agregar").Send("Consejo Las Flores").Send("Colonia Las Flores");

        Assert.Contains("Consejo «Consejo Las Flores» agregado", director.Said, StringComparison.Ordinal);
        Assert.NotNull(world.Database.Read(db => new PeopleStore(db).Council("Consejo Las Flores")));
    }

    [Fact]
    public void Coordinadores_shows_councils_last_report_and_whether_they_can_be_reached()
    {
        var ana = world.Coordinator(1, "Consejo Centro");
        ana.ReportMeeting();
        world.Database.Write(db => new PeopleStore(db).MarkUnreachable(1, world.Time.GetUtcNow()));
        var director = world.Director();

        director.Send("/coordinadores");

        Assert.Contains("Coord 1</b> — coordinador(a), ⚠️ no se le pueden enviar mensajes; último reporte 15/04/2024", director.Said, StringComparison.Ordinal);
        Assert.Contains("Consejo Centro", director.Said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/invitar")]
    [InlineData("/consejos")]
    [InlineData("/importar")]
    [InlineData("/coordinadores")]
    [InlineData("/justificar")]
    [InlineData("/reabrir")]
    [InlineData("/recordatorios")]
    [InlineData("/exportar")]
    [InlineData("/grafica")]
    public void A_coordinator_cannot_use_director_commands(string command)
    {
        var ana = world.Coordinator(1, "Consejo Centro");

        ana.Send(command);

        Assert.Equal(PoaBot.Core.Conversations.Texts.DirectorOnly, ana.Said);
    }

    [Fact]
    public void Importar_shows_a_preview_with_the_warnings_and_imports_only_after_confirmation()
    {
        var director = world.Director();
        string Targets() => world.Database.Read(db => db.Scalar<string>("SELECT group_concat(prog) FROM activity_target"));
        var before = Targets();
        var changed = File("poa-v2.txt", SeedDocuments.WithRow(4, r => [.. r[..6], "0", .. r[7..16], "1", .. r[17..]]));

        director.Send("/importar").SendDocument(changed);

        Assert.Contains("Vista previa de «poa-v2.txt»", director.Said, StringComparison.Ordinal);
        Assert.Contains("Realineación", director.Said, StringComparison.Ordinal);
        Assert.Contains("META REAL 2024 dice 1", director.Said, StringComparison.Ordinal);
        Assert.Equal(before, Targets());
        director.Press("Importar");

        Assert.NotEqual(before, Targets());

        Assert.Contains("reprogramación 1 → 0", director.Said, StringComparison.Ordinal);
        Assert.Contains(world.Database.Read(db => new PoaBot.Core.Storage.AuditStore(db).All()), a => a.Action == "reprogram" && a.Actor.StartsWith("Directora", StringComparison.Ordinal));
    }

    public static TheoryData<string, FileProblem?, byte[], string> BadUploads => new()
    {
        { "foto.jpg", null, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0], "No encontré el encabezado del POA" },
        { "acta.pdf", FileProblem.TooBig, [], "20 MB y Telegram no me deja descargarlo. Envíe una foto o un archivo más ligero, o toque «✖️ Cancelar»" },
        { "otra.csv", null, Encoding.UTF8.GetBytes("nombre,correo\nAna,ana@example.com\n"), "No encontré el encabezado del POA" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public void A_bad_upload_gets_a_clear_answer_and_changes_nothing(string name, FileProblem? problem, byte[] bytes, string expected)
    {
        var director = world.Director();
        director.Send("/importar");
        var before = world.Database.Read(db => db.Scalar<string>("SELECT group_concat(prog) FROM activity_target"));

        director.SendDocument(File(name, bytes), problem);

        Assert.Contains(expected, director.Said, StringComparison.Ordinal);
        Assert.Equal(before, world.Database.Read(db => db.Scalar<string>("SELECT group_concat(prog) FROM activity_target")));
        Assert.Equal(1, world.Database.Read(db => db.Scalar<long>("SELECT count(*) FROM poa")));
    }

    [Fact]
    public void Exportar_and_grafica_answer_the_director_with_the_files()
    {
        var director = world.Director();

        director.Send("/exportar");
        var xlsx = Assert.Single(director.Last.Replies).DocumentPath!;
        director.Send("/grafica");
        var pngs = director.Last.Replies.Select(r => r.DocumentPath!).ToList();

        Assert.EndsWith("POA-2024-al-15-04-2024.xlsx", xlsx, StringComparison.Ordinal);
        Assert.Equal((byte)'P', System.IO.File.ReadAllBytes(xlsx)[0]);
        Assert.Equal(2, pngs.Count);
        Assert.All(pngs, png => Assert.Equal(0x89, System.IO.File.ReadAllBytes(png)[0]));
        Assert.Contains("Página 2 de 2", director.Last.Replies[1].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Exportar_pdf_answers_the_director_with_the_signable_pdf()
    {
        var director = world.Director();

        director.Send("/exportar pdf");
        var reply = Assert.Single(director.Last.Replies);

        Assert.EndsWith("POA-2024-al-15-04-2024.pdf", reply.DocumentPath, StringComparison.Ordinal);
        Assert.Contains("para firmar", reply.Html, StringComparison.Ordinal);
        Assert.Equal("%PDF"u8.ToArray(), System.IO.File.ReadAllBytes(reply.DocumentPath!)[..4]);
    }

    [Fact]
    public void An_exported_xlsx_sent_to_importar_imports_the_same_poa_and_changes_nothing()
    {
        var director = world.Director();
        director.Send("/exportar");
        var xlsx = director.Last.Replies[0].DocumentPath!;
        string Targets() => world.Database.Read(db => db.Scalar<string>("SELECT group_concat(prog) FROM activity_target"));
        var before = Targets();

        director.Send("/importar").SendDocument(xlsx).Press("Importar");

        Assert.Contains("POA 2024", director.Said, StringComparison.Ordinal);
        Assert.Equal(before, Targets());
    }

    [Fact]
    public void A_photo_sent_to_importar_is_refused_kindly()
    {
        var director = world.Director();

        director.Send("/importar").SendPhoto();

        Assert.Contains("necesito el archivo del POA como documento", director.Said, StringComparison.Ordinal);
    }
}
