using System.Text.RegularExpressions;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary><c>/start &lt;payload&gt;</c>: registers a person with the invite's role and councils.</summary>
public static partial class Registration
{
    public static TurnResult Start(DbSession db, Input input, string payload)
    {
        if (!Payload().IsMatch(payload))
        {
            return new TurnResult([new Reply(Texts.InviteInvalid)]);
        }

        var directorate = new PeopleStore(db).InviteDirectorate(payload);
        var result = new PeopleStore(db).Redeem(payload, input.UserId, input.Name, input.At);
        if (result != RedeemResult.Registered)
        {
            return new TurnResult([new Reply(result switch
            {
                RedeemResult.Used => Texts.InviteUsed,
                RedeemResult.Expired => Texts.InviteExpired,
                _ => Texts.InviteInvalid,
            })]);
        }

        // The welcome speaks of the invite's directorate (the planning office's: the first).
        var people = new PeopleStore(db.In(directorate ?? new DirectorateStore(db).Of(input.UserId)[0].Id));
        return new TurnResult([new Reply(Registered(people, input.UserId)) { MainKeyboard = true }]);
    }

    /// <summary>What a person just registered is told: the welcome, and their councils.</summary>
    public static string Registered(PeopleStore people, long telegramId)
    {
        var person = people.ByTelegramId(telegramId)!;
        var councils = people.CouncilsOf(person.Id);
        return Welcome(person, again: false) + (councils.Count > 0 ? Texts.YourCouncils([.. councils.Select(c => c.Name)]) : "");
    }

    /// <summary>What a person is told on registering, or on /start later: their role, and what they can do.</summary>
    public static string Welcome(PersonRow person, bool again) =>
        person.IsPlanning ? DirectorateText.PlanningWelcome(person.Name, again) : Texts.Welcome(person.Name, person.IsDirector, again);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Payload();
}
