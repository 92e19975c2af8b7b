using System.CommandLine;
using PoaBot.Core.Domain;
using PoaBot.Core.Reminders;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.CommandLine;

/// <summary><c>poabot remind --dry-run [--fecha dd/mm/aaaa]</c>: who would be reminded that day at the reminder hour, and why. Sends nothing.</summary>
public static class RemindCommand
{
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = CliText.RemindDryRun };

    private static readonly Option<string?> Day = new("--fecha") { HelpName = CliText.Date, Description = CliText.RemindDate };

    public static Verb Verb { get; } = new("remind", CliText.Remind, Run) { DryRun, Day, DirectorateCommand.Option };

    private static int Run(CliContext context)
    {
        if (!context.Args.GetValue(DryRun))
        {
            return context.Fail(CliText.RemindOnlyDryRun);
        }

        if (DirectorateCommand.Find(context) is not { } directorate)
        {
            return 2;
        }

        var clock = context.Get<MunicipalClock>();
        var own = context.Get<Core.Conversations.EngineSettings>().For(directorate);
        var settings = own.Reminders;
        var day = clock.Today;
        if (context.Args.GetValue(Day) is { } text && !DateText.TryParse(text, clock.Today, clock.Today.Year, out day))
        {
            return context.Fail(CliText.NotADate(text, Day.Name, Numbers.Date(DateText.Example(clock.Today.Year, clock.Today))));
        }

        var at = clock.ToInstant(day, settings.At);
        var moments = ReminderSchedule.Due(at, settings, context.Get<BimesterRules>(), clock)
            .Where(m => clock.LocalDate(m.Due) == day)
            .ToList();
        if (moments.Count == 0)
        {
            var next = ReminderSchedule.Upcoming(at, settings, clock).First();
            context.Output.WriteLine(CliText.NoReminder(day, clock.LocalDateTime(next.Due), $"{Bimesters.ShortName(next.Bimester)} {next.Year}"));
            return 0;
        }

        var thresholds = own.Thresholds;
        var rules = context.Get<BimesterRules>();
        context.Get<Database>().Read(session =>
        {
            var db = session.In(directorate.Id);
            foreach (var moment in moments)
            {
                var plans = ReminderPlanner.Plan(db, moment, day, thresholds, rules);
                context.Output.WriteLine(CliText.Reminders(day, settings.At, $"{Bimesters.ShortName(moment.Bimester)} {moment.Year}", moment.DaysBefore, plans.Count));
                foreach (var plan in plans)
                {
                    context.Output.WriteLine($"  • {plan.Name}: {plan.Why}");
                }

                if (plans.Count == 0)
                {
                    context.Output.WriteLine(CliText.NobodyPending);
                }
            }

            return 0;
        });
        return 0;
    }
}
