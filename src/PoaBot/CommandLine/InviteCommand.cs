using System.CommandLine;
using Microsoft.Extensions.Options;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot invite --role coordinador --council NAME…</c> / <c>--role director</c>: a single-use, expiring link.</summary>
public static class InviteCommand
{
    private static readonly Option<string?> Role = new("--role") { HelpName = CliText.Role, Description = CliText.InviteRole };

    private static readonly Option<string[]> Councils = new("--council") { HelpName = CliText.Name, Description = CliText.InviteCouncils, AllowMultipleArgumentsPerToken = true };

    public static Verb Verb { get; } = new("invite", CliText.Invite, Run) { Role, Councils, DirectorateCommand.Option };

    private static int Run(CliContext context)
    {
        var role = context.Args.GetValue(Role)?.ToLowerInvariant();
        if (role is null || !Roles.IsValid(role))
        {
            return context.Fail(CliText.InviteWhichRole);
        }

        // Planeación reads every directorate: its invite names none.
        var directorate = role == Roles.Planning ? new DirectorateRow { Id = 1 } : DirectorateCommand.Find(context);
        if (directorate is null)
        {
            return 2;
        }

        var names = context.Args.GetValue(Councils) ?? [];
        if (role == Roles.Coordinator && names.Length == 0)
        {
            return context.Fail(CliText.InviteNeedsCouncil);
        }

        var validFor = context.Get<IOptions<InvitesOptions>>().Value.ValidFor;
        var now = context.Get<MunicipalClock>().Now;
        string? missing = null;
        var (payload, username) = context.Get<Database>().Write(session =>
        {
            var db = session.In(directorate.Id);
            var people = new PeopleStore(db);
            var councils = names.Select(n => (Name: n, Council: people.Council(n))).ToList();
            missing = councils.FirstOrDefault(c => c.Council is null).Name;
            return missing is null
                ? (people.CreateInvite(role, councils.Select(c => c.Council!.Id).ToList(), now, validFor), new AppSettings(db).Get(AppSettings.BotUsername))
                : (null, null);
        });
        if (payload is null)
        {
            return context.Fail(CliText.NoSuchCouncil(missing!));
        }

        var clock = context.Get<MunicipalClock>();
        context.Output.WriteLine(CliText.Invitation(role, clock.LocalDate(now + validFor), payload, username));

        return 0;
    }
}
