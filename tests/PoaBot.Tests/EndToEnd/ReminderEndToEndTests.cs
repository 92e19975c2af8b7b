using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PoaBot.Core.People;

namespace PoaBot.Tests.EndToEnd;

public sealed class ReminderEndToEndTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_due_reminder_reaches_the_coordinator_through_the_real_host_and_its_button_starts_the_report(string provider)
    {
        var year = DateTime.UtcNow.Year;
        // 25 December, 09:30 in Mexico City: seven days before Nov/Dic closes.
        var time = new FakeTimeProvider(new DateTimeOffset(year, 12, 25, 15, 30, 0, TimeSpan.Zero));
        await using var bot = await LiveBot.StartAsync(
            services: s => s.AddSingleton<TimeProvider>(time),
            beforeStart: b =>
            {
                b.Database.Write(db =>
                {
                    var people = new PeopleStore(db);
                    var payload = people.CreateInvite(Roles.Coordinator, [people.Council("Consejo Centro")!.Id], time.GetUtcNow(), TimeSpan.FromDays(1));
                    people.Redeem(payload, 7001, "Ana", time.GetUtcNow());
                });
                b.Fake.RegisterUser(7001);
            }, provider: provider);

        var reminder = await bot.Fake.WaitForMessageAsync(7001, m => m.Text.Contains("Faltan 7 días para que cierre el bimestre Nov/Dic", StringComparison.Ordinal), LiveBot.Patience);

        Assert.Contains("3. Solicitud gestionada: programado 8, reportado 0, faltan 8", reminder.Text, StringComparison.Ordinal);
        var mark = bot.Fake.MessageCount;
        bot.Fake.PressButton(7001, reminder.MessageId, reminder.InlineKeyboard.SelectMany(r => r).First(b => b.Text.Contains("Solicitud gestionada", StringComparison.Ordinal)).CallbackData);
        await bot.Fake.WaitForMessageSinceAsync(mark, 7001, m => m.Text.Contains("solicitudes pendientes", StringComparison.Ordinal));
        Assert.Single(bot.Fake.MessagesTo(7001), m => m.Text.Contains("Faltan 7 días", StringComparison.Ordinal));
    }
}
