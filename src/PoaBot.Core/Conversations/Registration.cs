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

        var people = new PeopleStore(db);
        var result = people.Redeem(payload, input.UserId, input.Name, input.At);
        if (result != RedeemResult.Registered)
        {
            return new TurnResult([new Reply(result switch
            {
                RedeemResult.Used => Texts.InviteUsed,
                RedeemResult.Expired => Texts.InviteExpired,
                _ => Texts.InviteInvalid,
            })]);
        }

        var person = people.ByTelegramId(input.UserId)!;
        var councils = people.CouncilsOf(person.Id);
        var text = Texts.Welcome(person.Name, person.IsDirector)
            + (councils.Count > 0 ? Texts.YourCouncils([.. councils.Select(c => c.Name)]) : "");
        return new TurnResult([new Reply(text) { MainKeyboard = true }]);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Payload();
}
