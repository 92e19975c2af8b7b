using System.Globalization;
using System.Text;
using PoaBot.Core.Domain;
using PoaBot.Core.Reminders;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>The bimester close in the chat: justifications (<c>/justificar</c>), reopening (<c>/reabrir</c>), the schedule (<c>/recordatorios</c>).</summary>
public static class CloseFlow
{
    public static void AskJustification(Turn turn, long activityId, int bimester)
    {
        var activity = new PoaStore(turn.Db).Activity(activityId);
        var year = new PoaStore(turn.Db).YearOf(activityId) ?? 0;
        if (activity is null || bimester is < 1 or > 6)
        {
            turn.Say(CloseText.ActivityGone);
            return;
        }

        var lastDay = Bimesters.LastDay((int)year, bimester);
        if (turn.Today <= lastDay)
        {
            turn.Say(CloseText.NotClosedYet(Bimesters.ShortName(bimester), lastDay.AddDays(1)));
            return;
        }

        if (turn.IsLocked(lastDay))
        {
            turn.Say(CloseText.AlreadyLocked(Bimesters.ShortName(bimester), year));
            return;
        }

        if (Access.JustifyRefusal(turn, activityId, bimester, () => OutOfBand(turn, activity, (int)year, bimester)) is { } refusal)
        {
            // Forged or replayed data changes nothing.
            turn.State.Reset();
            turn.Say(refusal);
            return;
        }

        turn.State.Task = new JustifyTask { ActivityId = activityId, Bimester = bimester };
        var current = new JustificationStore(turn.Db).Text(activityId, bimester);
        turn.Ask(
            Step.JustifyText,
            CloseText.AskJustification(ReportFlow.ActivityLabel(activity), Bimesters.ShortName(bimester), year, current),
            [],
            back: false);
    }

    private static bool OutOfBand(Turn turn, ActivityPlan activity, int year, int bimester)
    {
        var poa = new PoaStore(turn.Db);
        var real = poa.BimesterTotals(poa.PoaIdOf(activity.Id)!.Value, year, bimester).Where(t => t.ActivityId == activity.Id).Sum(t => t.Total);
        return turn.Thresholds.Classify(activity.Prog[bimester - 1], real) is not (Semaforo.Verde or Semaforo.SinPrograma);
    }

    public static void AnswerJustify(Turn turn)
    {
        if (turn.State.Step == Step.JustifyChoice)
        {
            var parts = turn.Action?.Split(':') ?? [];
            if (parts is ["j", var a, var b] && long.TryParse(a, CultureInfo.InvariantCulture, out var activityId) && int.TryParse(b, CultureInfo.InvariantCulture, out var bimester))
            {
                AskJustification(turn, activityId, bimester);
            }
            else
            {
                turn.State.Reset();
                turn.Greet();
            }

            return;
        }

        var text = turn.Text;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 1000)
        {
            turn.Say(CloseText.JustificationText);
            return;
        }

        var (id, bim) = (turn.State.Get<JustifyTask>().ActivityId, turn.State.Get<JustifyTask>().Bimester);
        var activity = new PoaStore(turn.Db).Activity(id);
        var year = new PoaStore(turn.Db).YearOf(id) ?? turn.Today.Year;
        if (activity is null || bim is < 1 or > 6)
        {
            turn.State.Reset();
            turn.Say(CloseText.ActivityGone, mainKeyboard: true);
            return;
        }

        if (turn.IsLocked(Bimesters.LastDay(year, bim)))
        {
            turn.State.Reset();
            turn.Say(ReportFlow.Locked(Bimesters.LastDay(year, bim)), mainKeyboard: true);
            return;
        }

        // Checked again at the moment of writing: someone may have written it, or the role changed, meanwhile.
        if (Access.JustifyRefusal(turn, id, bim, () => OutOfBand(turn, activity, year, bim)) is { } refusal)
        {
            turn.State.Reset();
            turn.Say(refusal, mainKeyboard: true);
            return;
        }

        new JustificationStore(turn.Db).Save(id, bim, text, turn.Actor, turn.Now);
        turn.State.Reset();
        turn.Say(CloseText.JustificationSaved(Bimesters.ShortName(bim)), mainKeyboard: true);
    }

    public static void ListJustifications(Turn turn)
    {
        var store = new PoaStore(turn.Db);
        var options = new List<(string, string)>();
        foreach (var poa in new[] { turn.Today.Year - 1, turn.Today.Year }.Select(store.Find).OfType<PoaRow>())
        {
            var activities = store.Activities(poa.Id);
            foreach (var b in Bimesters.All.Where(b => turn.Today > Bimesters.LastDay((int)poa.Year, b) && !turn.IsLocked(Bimesters.LastDay((int)poa.Year, b))))
            {
                var totals = store.BimesterTotals(poa.Id, (int)poa.Year, b);
                foreach (var a in activities)
                {
                    var real = totals.Where(t => t.ActivityId == a.Id).Sum(t => t.Total);
                    if (turn.Thresholds.Classify(a.Prog[b - 1], real) is not (Semaforo.Verde or Semaforo.SinPrograma))
                    {
                        options.Add((CloseText.JustificationButton(Bimesters.ShortName(b), (int)poa.Year, ReportFlow.ActivityLabel(a)), $"j:{a.Id}:{b}"));
                    }
                }
            }
        }

        turn.State.Reset();
        if (options.Count == 0)
        {
            turn.Say(CloseText.NothingToJustify);
            return;
        }

        turn.Ask(Step.JustifyChoice, CloseText.ChooseJustification, options.Select(o => new[] { o }), back: false);
    }

    public static void ListLocked(Turn turn)
    {
        // Last year's bimesters too while this year's first bimester runs (to finish Nov/Dic in January).
        var years = Bimesters.Of(turn.Today) == 1 ? new[] { turn.Today.Year - 1, turn.Today.Year } : [turn.Today.Year];
        var locked = years.SelectMany(y => Bimesters.All.Select(b => (Year: y, Bimester: b)))
            .Where(p => turn.IsLocked(Bimesters.LastDay(p.Year, p.Bimester))).ToList();
        turn.State.Reset();
        if (locked.Count == 0)
        {
            turn.Say(CloseText.NothingLocked(turn.Today.Year));
            return;
        }

        turn.Ask(Step.ReopenChoice, CloseText.ChooseReopen, locked.Select(p => new[] { ($"{Bimesters.ShortName(p.Bimester)} {p.Year}", $"o:{(p.Year * 10) + p.Bimester}") }), back: false);
    }

    public static void AnswerReopen(Turn turn)
    {
        switch (turn.State.Step)
        {
            case Step.ReopenChoice:
                if (turn.ActionId("o") is { } code && code % 10 is >= 1 and <= 6 && code / 10 is >= 2000 and <= 2100)
                {
                    turn.State.Task = new ReopenTask { Period = (int)code };
                    turn.Ask(Step.ReopenDays, CloseText.AskReopenDays(Bimesters.ShortName((int)(code % 10)), (int)(code / 10)), [], back: false);
                }
                else
                {
                    turn.State.Reset();
                    turn.Greet();
                }

                break;
            case Step.ReopenDays:
                if (NumberText.TryParse(turn.Text, 30, out var days, out _) && days >= 1)
                {
                    turn.State.Get<ReopenTask>().Days = days;
                    turn.Ask(Step.ReopenReason, CloseText.AskReopenReason, [], back: false);
                }
                else
                {
                    turn.Say(CloseText.ReopenDaysAgain);
                }

                break;
            default:
                if (string.IsNullOrWhiteSpace(turn.Text) || turn.Text.Length > 500)
                {
                    turn.Say(CloseText.ReopenReasonAgain);
                    return;
                }

                var reopen = turn.State.Get<ReopenTask>();
                var (year, bimester) = (reopen.Period / 10, reopen.Period % 10);
                var until = turn.Now.AddDays(reopen.Days);
                new CalendarStore(turn.Db).Reopen(year, bimester, until, turn.Text, turn.Actor, turn.Now);
                turn.State.Reset();
                turn.Say(CloseText.Reopened(Bimesters.ShortName(bimester), year, turn.Settings.Clock.LocalDate(until)), mainKeyboard: true);
                break;
        }
    }

    public static void Schedule(Turn turn)
    {
        var settings = turn.Settings.Reminders;
        var clock = turn.Settings.Clock;
        var text = new StringBuilder(ReminderText.Schedule(settings.DaysBefore, settings.At, settings.QuietStart, settings.QuietEnd, turn.Settings.Rules.GraceDays));
        foreach (var moment in ReminderSchedule.Upcoming(turn.Now, settings, clock).Take(3))
        {
            var plans = ReminderPlanner.Plan(turn.Db, moment, clock.LocalDate(moment.Due), turn.Thresholds, turn.Settings.Rules);
            var coordinators = plans.Count(p => !p.ToDirector);
            text.Append(ReminderText.Upcoming(clock.LocalDateTime(moment.Due), Bimesters.ShortName(moment.Bimester), moment.Year, moment.DaysBefore, coordinators));
        }

        turn.Say(text.ToString());
    }
}
