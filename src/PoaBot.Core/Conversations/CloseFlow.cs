using System.Globalization;
using System.Text;
using PoaBot.Core.Domain;
using PoaBot.Core.Reminders;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>The bimester close in the chat: justifications (<c>/justificar</c>), reopening (<c>/reabrir</c>), the schedule (<c>/recordatorios</c>).</summary>
public static class CloseFlow
{
    public static void AskJustification(Turn turn, long activityId, int bimester)
    {
        if (JustifyProblem(turn, activityId, bimester) is { } problem)
        {
            turn.Say(problem);
            return;
        }

        var activity = turn.Activity(activityId)!;
        var year = new PoaStore(turn.Db).YearOf(activityId)!.Value;
        turn.State.Task = new JustifyTask { ActivityId = activityId, Bimester = bimester };
        var current = new JustificationStore(turn.Db).Text(activityId, bimester);
        var over = Light(turn, activity, year, bimester) == Semaforo.Sobre;
        var question = CloseText.AskJustification(ProgressText.Activity(activity), Bimesters.ShortName(bimester), year, current, over);
        turn.Ask(Step.JustifyText, question, [], back: false);
    }

    /// <summary>
    /// Why this activity's bimester may not be justified now, or null: the activity is gone, the bimester is not closed yet
    /// or already locked, or the person may not (forged or replayed data changes nothing; someone may have written it or
    /// the role changed meanwhile). Checked when the justification is asked and again at the moment of writing it.
    /// </summary>
    private static string? JustifyProblem(Turn turn, long activityId, int bimester)
    {
        var activity = turn.Activity(activityId);
        if (activity is null || bimester is < 1 or > 6)
        {
            return CloseText.ActivityGone;
        }

        var year = new PoaStore(turn.Db).YearOf(activityId)!.Value;
        var lastDay = Bimesters.LastDay(year, bimester);
        return turn.Today <= lastDay ? CloseText.NotClosedYet(Bimesters.ShortName(bimester), lastDay.AddDays(1))
            : turn.IsLocked(lastDay) ? CloseText.AlreadyLocked(Bimesters.ShortName(bimester), year, turn.Person.IsDirector)
            : Access.JustifyRefusal(turn, activityId, bimester, () => OutOfBand(turn, activity, year, bimester));
    }

    private static bool OutOfBand(Turn turn, ActivityPlan activity, int year, int bimester) =>
        Light(turn, activity, year, bimester) is not (Semaforo.Verde or Semaforo.SinPrograma);

    /// <summary>The activity's semáforo in that bimester alone: real against programmed.</summary>
    private static Semaforo Light(Turn turn, ActivityPlan activity, int year, int bimester)
    {
        var poa = new PoaStore(turn.Db);
        var real = poa.BimesterTotals(poa.PoaIdOf(activity.Id)!.Value, year, bimester).Where(t => t.ActivityId == activity.Id).Sum(t => t.Total);
        return turn.Thresholds.Classify(activity.Prog[bimester - 1], real);
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
        if (JustifyProblem(turn, id, bim) is { } problem)
        {
            turn.Finish(problem);
            return;
        }

        new JustificationStore(turn.Db).Save(id, bim, text, turn.Actor, turn.Now);
        turn.Finish(CloseText.JustificationSaved(Bimesters.ShortName(bim)));
    }

    /// <summary>
    /// <c>/justificar</c>: the activities out of the green band in the closed bimesters of this year and last year that are
    /// not locked; those of locked bimesters are named, with the way to reopen them.
    /// </summary>
    public static void ListJustifications(Turn turn)
    {
        var store = new PoaStore(turn.Db);
        var options = new List<ListEntry>();
        var locked = new List<string>();
        foreach (var poa in Years(turn).Select(y => store.Find(y)!))
        {
            var year = (int)poa.Year;
            var activities = store.Activities(poa.Id);
            foreach (var b in Bimesters.All.Where(b => turn.Today > Bimesters.LastDay(year, b)))
            {
                var totals = store.BimesterTotals(poa.Id, year, b);
                var outOfBand = activities.Where(a => turn.Thresholds.Classify(a.Prog[b - 1], totals.Where(t => t.ActivityId == a.Id).Sum(t => t.Total))
                    is not (Semaforo.Verde or Semaforo.SinPrograma)).ToList();
                if (outOfBand.Count > 0 && turn.IsLocked(Bimesters.LastDay(year, b)))
                {
                    locked.Add($"{Bimesters.ShortName(b)} {year}");
                    continue;
                }

                options.AddRange(outOfBand.Select(a => new ListEntry("", CloseText.JustificationButton(Bimesters.ShortName(b), year, ProgressText.Activity(a)), $"j:{a.Id}:{b}")));
            }
        }

        turn.State.Reset();
        var lockedNote = locked.Count == 0 ? null : CloseText.LockedToJustify(locked);
        if (options.Count == 0)
        {
            turn.Say(lockedNote ?? CloseText.NothingToJustify);
            return;
        }

        turn.AskList(Step.JustifyChoice, CloseText.ChooseJustification, options, footer: lockedNote);
    }

    /// <summary>The POA years whose past bimesters /justificar and /reabrir reach: last year and this year, those imported.</summary>
    private static List<int> Years(Turn turn) =>
        new[] { turn.Today.Year - 1, turn.Today.Year }.Where(y => new PoaStore(turn.Db).Find(y) is not null).ToList();

    public static void ListLocked(Turn turn)
    {
        var locked = Years(turn).SelectMany(y => Bimesters.All.Select(b => (Year: y, Bimester: b)))
            .Where(p => turn.IsLocked(Bimesters.LastDay(p.Year, p.Bimester))).ToList();
        turn.State.Reset();
        if (locked.Count == 0)
        {
            turn.Say(CloseText.NothingLocked(turn.Today.Year - 1, turn.Today.Year));
            return;
        }

        turn.AskList(Step.ReopenChoice, CloseText.ChooseReopen, locked.Select(p => new ListEntry("", $"{Bimesters.ShortName(p.Bimester)} {p.Year}", $"o:{(p.Year * 10) + p.Bimester}")));
    }

    public static void AnswerReopen(Turn turn)
    {
        switch (turn.State.Step)
        {
            case Step.ReopenChoice when turn.ActionId("o") is { } code && code % 10 is >= 1 and <= 6 && code / 10 is >= 2000 and <= 2100:
                turn.State.Task = new ReopenTask { Period = (int)code };
                var question = CloseText.AskReopenDays(Bimesters.ShortName((int)(code % 10)), (int)(code / 10));
                turn.Ask(Step.ReopenDays, question, [], back: false);
                break;
            case Step.ReopenChoice:
                turn.State.Reset();
                turn.Greet();
                break;
            case Step.ReopenDays when NumberText.TryParse(turn.Text, 30, out var days, out _) && days >= 1:
                turn.State.Get<ReopenTask>().Days = days;
                turn.Ask(Step.ReopenReason, CloseText.AskReopenReason, [], back: false);
                break;
            case Step.ReopenDays:
                turn.Say(CloseText.ReopenDaysAgain);
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
                turn.Finish(CloseText.Reopened(Bimesters.ShortName(bimester), year, turn.Settings.Clock.LocalDate(until)));
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

        turn.Say(text.Append(CloseText.ScheduleNext).ToString());
    }
}
