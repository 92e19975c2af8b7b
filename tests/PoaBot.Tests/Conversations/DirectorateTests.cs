using PoaBot.Core.Conversations;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Tests.Conversations;

/// <summary>Several directorates in one deployment, in the chat: one tap chooses where a report goes; Planeación reads all.</summary>
public sealed class DirectorateTests : IDisposable
{
    private ChatWorld? current;

    public void Dispose() => current?.Dispose();

    private ChatWorld On(string provider) => current = new ChatWorld(provider);

    [Theory, OnSqlite, OnPostgres]
    public void A_person_in_two_directorates_chooses_with_one_tap_and_each_report_gets_that_directorates_folio(string provider)
    {
        var world = On(provider);
        var obras = world.AddDirectorate("DOP", "Obras Públicas", "Consejo Obras");
        var alone = world.Coordinator(2, "Consejo San Juan").Send("/reportar").Said;
        var chat = world.Coordinator(1, "Consejo Centro");
        chat.Send($"/start {world.InviteIn(obras, Roles.Coordinator, "Consejo Obras")}");
        Assert.Contains("Consejo Obras", chat.Said, StringComparison.Ordinal);

        chat.Send("/reportar");

        Assert.StartsWith(DirectorateText.AskWhich, chat.Said, StringComparison.Ordinal);
        Assert.Equal(["1. DPC", "2. DOP · Obras Públicas", Texts.Cancel], chat.Buttons.Select(b => b.Label));
        Assert.Equal(alone, chat.Press("DOP").Said);
        var saved = chat.Press("Reunión").Send("25").Send("Acuerdos").Press("Omitir").Press("Guardar").Said;
        chat.Send("/reportar").Press("DPC").Press("Reunión").Send("12").Send("Acuerdos").Press("Omitir").Press("Guardar");

        var (there, here) = (world.Records()[^2], world.Records()[^1]);
        Assert.Equal(("Consejo Obras", "Consejo Centro"), (there.CouncilName, here.CouncilName));
        Assert.StartsWith("DOP-2024-", there.Folio, StringComparison.Ordinal);
        Assert.StartsWith("DPC-2024-", here.Folio, StringComparison.Ordinal);
        Assert.Contains(there.Folio, saved, StringComparison.Ordinal);

        // Each directorate numbers its folios on its own, from 0001 without a gap (the imported baselines come first).
        foreach (var (directorate, code) in new[] { (1L, "DPC"), (obras, "DOP") })
        {
            var folios = world.Database.Read(db => db.Query<string>(
                "SELECT r.folio FROM record r JOIN council c ON c.id = r.council_id WHERE c.directorate_id = @directorate ORDER BY r.id", new { directorate }).ToList());
            Assert.Equal(folios.Select((_, i) => RecordStore.Folio(2024, i + 1, code)), folios);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_stranger_is_not_told_the_bot_is_of_one_directorate_and_help_shows_a_folio_of_the_persons_own(string provider)
    {
        var world = On(provider);
        var obras = world.AddDirectorate("DOP", "Obras Públicas", "Consejo Obras");
        var stranger = world.Stranger(5).Send("hola");
        Assert.DoesNotContain("Participación Ciudadana", stranger.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("Participación Ciudadana", stranger.Send("/start nada").Said, StringComparison.Ordinal);

        var help = stranger.Send($"/start {world.InviteIn(obras, Roles.Coordinator, "Consejo Obras")}").Send("/ayuda").Said;

        Assert.Contains("/folio DOP-2024-0007 —", help, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_summary_names_its_directorate_only_when_there_are_several(string provider)
    {
        var world = On(provider);
        var chat = world.Coordinator(1, "Consejo Centro");
        var single = chat.Send("/resumen").Said;
        var obras = world.AddDirectorate("DOP", "Obras Públicas", "Consejo Obras");
        var other = world.Stranger(2).Send($"/start {world.InviteIn(obras, Roles.Coordinator, "Consejo Obras")}");

        Assert.StartsWith("📊", single, StringComparison.Ordinal);
        Assert.StartsWith(DirectorateText.Heading("DPC", "") + "📊", chat.Send("/resumen").Said, StringComparison.Ordinal);
        Assert.StartsWith(DirectorateText.Heading("DOP", "Obras Públicas") + "📅", other.Send("/resumen trimestre").Said, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public void While_a_report_is_being_written_a_command_stays_in_its_directorate_and_reportar_offers_it_back(string provider)
    {
        var world = On(provider);
        var obras = world.AddDirectorate("DOP", "Obras Públicas", "Consejo Obras");
        var chat = world.Coordinator(1, "Consejo Centro");
        chat.Send($"/start {world.InviteIn(obras, Roles.Coordinator, "Consejo Obras")}");
        chat.Send("/reportar").Press("DOP").Press("Reunión").Send("25");

        chat.Send("/reportar").Press(ReportText.ResumeButton).Send("Acuerdos").Press("Omitir").Press("Guardar");

        Assert.Equal(("Consejo Obras", 25L), (world.Records().Single().CouncilName, world.Records().Single().Attendees!.Value));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_reopened_bimester_and_its_audit_entry_belong_to_their_directorate_only(string provider)
    {
        var world = On(provider);
        var obras = world.AddDirectorate("DOP", "Obras Públicas", "Consejo Obras");
        var now = world.Time.GetUtcNow();
        world.Database.Write(db => new CalendarStore(db.In(obras)).Reopen(2024, 1, now.AddDays(3), "Faltó un reporte", "Directora", now));

        var (here, there) = world.Database.Read(db => (In(db), In(db.In(obras))));

        Assert.Equal((false, 0), here);
        Assert.Equal((true, 1), there);

        static (bool, int) In(DbSession db) =>
            (new CalendarStore(db).IsReopened(2024, 1, DateTimeOffset.UnixEpoch), new ExportStore(db).Audit(new PoaStore(db).Find(2024)!.Id).Count(a => a.Action == "reopen"));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_person_in_one_directorate_is_never_asked_which_even_when_there_are_several(string provider)
    {
        var world = On(provider);
        world.AddDirectorate("DOP", "Obras Públicas", "Consejo Obras");
        var chat = world.Coordinator(1, "Consejo Centro");

        Assert.DoesNotContain(DirectorateText.AskWhich, chat.Send("/reportar").Said, StringComparison.Ordinal);
        chat.Send("/cancelar").ReportMeeting();

        Assert.StartsWith("DPC-2024-", world.Records().Single().Folio, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_command_allowed_in_only_one_of_the_persons_directorates_goes_there_without_asking(string provider)
    {
        var world = On(provider);
        var obras = world.AddDirectorate("DOP", "Obras Públicas", "Consejo Obras");
        var chat = world.Coordinator(1, "Consejo Centro");
        chat.Send($"/start {world.InviteIn(obras, Roles.Director)}");

        chat.Send("/consejos");

        Assert.Contains("Consejo Obras", chat.Said, StringComparison.Ordinal);
        Assert.DoesNotContain("Consejo Centro", chat.Said, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public void Planeacion_reads_every_directorate_and_writes_nothing_even_from_a_reminders_button(string provider)
    {
        var world = On(provider);
        var obras = world.AddDirectorate("DOP", "Obras Públicas", "Consejo Obras");
        world.Coordinator(1, "Consejo Centro").ReportMeeting();
        var planning = world.Planning();
        Assert.Equal(DirectorateText.PlanningWelcome("Planeación", again: false), planning.Said);
        var before = world.Fingerprint("conversation", "audit");

        planning.Send("/resumen");
        Assert.Equal(["1. DPC", "2. DOP · Obras Públicas", Texts.Cancel], planning.Buttons.Select(b => b.Label));
        Assert.Contains("Avance del POA 2024", planning.Press("DOP").Said, StringComparison.Ordinal);
        planning.Send("/folio " + world.Records().Single().Folio).Press("DPC");
        Assert.Contains(world.Records().Single().Folio, planning.Said, StringComparison.Ordinal);
        Assert.DoesNotContain(planning.Buttons, b => b.Label.Contains("Anular", StringComparison.Ordinal));
        planning.Send("/exportar").Press("DOP");
        var workbook = Assert.Single(planning.Last.Replies).DocumentPath!;
        Assert.Equal((byte)'P', File.ReadAllBytes(workbook)[0]);
        Assert.Equal(Path.Combine(world.Settings.DataFolder, "exportes", "DOP"), Path.GetDirectoryName(workbook));

        Assert.Equal(DirectorateText.ReadOnly, planning.Send("/reportar").Said);
        var activity = world.Database.Read(db => new PoaStore(db.In(obras)).Activities(new PoaStore(db.In(obras)).Find(2024)!.Id)[0].Id);
        planning.PressData($"r:{activity}");
        planning.PressData($"j:{activity}:1");
        Assert.Equal(before, world.Fingerprint("conversation", "audit"));
    }
}
