using PoaBot.Core.People;

namespace PoaBot.Tests.EndToEnd;

public sealed class CommandMenuEndToEndTests
{
    [Fact]
    public async Task A_director_registered_while_the_bot_runs_gets_the_director_menu_and_loses_it_when_deactivated()
    {
        await using var bot = await LiveBot.StartAsync();
        var coordinator = await bot.RegisterAsync(8101);
        var director = await bot.RegisterAsync(8102, Roles.Director);

        await Until(() => Menu(bot, director.Id).Contains("coordinadores"));
        Assert.Empty(Menu(bot, coordinator.Id));
        Assert.DoesNotContain("coordinadores", bot.Fake.GetCommands("all_private_chats").Select(c => c.Key));

        bot.Database.Write(db =>
        {
            var people = new PeopleStore(db);
            people.Deactivate(people.ByTelegramId(director.Id)!.Id, null, "prueba", DateTimeOffset.UtcNow);
        });
        await coordinator.SayAsync("/ayuda", "");

        await Until(() => Menu(bot, director.Id).Count == 0);
    }

    [Fact]
    public async Task Planeacion_gets_a_menu_of_what_it_may_read_without_reportar()
    {
        await using var bot = await LiveBot.StartAsync();
        var planning = await bot.RegisterAsync(8103, Roles.Planning);

        await Until(() => Menu(bot, planning.Id).Count > 0);

        Assert.Contains("resumen", Menu(bot, planning.Id));
        Assert.DoesNotContain("reportar", Menu(bot, planning.Id));
        Assert.DoesNotContain("coordinadores", Menu(bot, planning.Id));
    }

    [Fact]
    public async Task At_start_up_the_bot_sets_its_spanish_description_and_short_description()
    {
        await using var bot = await LiveBot.StartAsync();

        await bot.Fake.WaitForCallsAsync("setMyDescription", 1, LiveBot.Patience);
        await bot.Fake.WaitForCallsAsync("setMyShortDescription", 1, LiveBot.Patience);
        Assert.True(PoaBot.Core.Conversations.TransportText.Description.Length <= 512 && PoaBot.Core.Conversations.TransportText.ShortDescription.Length <= 120);
    }

    private static List<string> Menu(LiveBot bot, long chatId) => bot.Fake.GetCommands($"chat:{chatId}").Select(c => c.Key).ToList();

    /// <summary>Waits for the bot to catch up (a deadline for a hung bot, not a timing assertion).</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); !condition(); await Task.Delay(50))
        {
            Assert.True(DateTime.UtcNow < deadline, "the menu never changed");
        }
    }
}
