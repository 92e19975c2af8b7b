using System.Text;
using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Reminders;

/// <summary>A reminder for one person: what to send, and why (for <c>remind --dry-run</c>); <see cref="ToDirector"/> for the digest and the close.</summary>
public sealed record PlannedReminder(long PersonId, long TelegramId, string Name, string Kind, Reply Reply, string Why, bool ToDirector = false);

/// <summary>
/// Who is reminded, with what. An activity is pending for a coordinator when it has PROG this bimester, the
/// municipality's REAL is below PROG, and none of the coordinator's councils has a record for it this bimester.
/// Nobody with nothing pending is reminded. Directors get a digest at the same moments, and at the close a request
/// for the justifications of activities out of the green band.
/// </summary>
public static class ReminderPlanner
{
    public const string Close = "close";

    /// <param name="today">The local date the reminder goes out: a late one says how many days are really left.</param>
    public static IReadOnlyList<PlannedReminder> Plan(DbSession db, ReminderMoment moment, DateOnly today, SemaforoThresholds thresholds, BimesterRules rules)
    {
        var poa = new PoaStore(db).Find(moment.Year);
        if (poa is null)
        {
            return [];
        }

        var b = moment.Bimester;
        var activities = new PoaStore(db).Activities(poa.Id);
        var totals = new PoaStore(db).BimesterTotals(poa.Id, moment.Year, b);
        int Real(ActivityPlan a) => totals.Where(t => t.ActivityId == a.Id).Sum(t => t.Total);
        var people = new PeopleStore(db);
        var everyone = people.All().Where(p => p.Active).ToList();
        var plans = new List<PlannedReminder>();
        var header = Header(moment, today, rules);

        foreach (var person in everyone.Where(p => !p.IsDirector && p.UnreachableSince is null))
        {
            var councils = people.CouncilsOf(person.Id);
            var councilIds = councils.Select(c => c.Id).ToHashSet();
            var pending = activities
                .Where(a => a.Prog[b - 1] > 0 && Real(a) < a.Prog[b - 1])
                .Where(a => !totals.Any(t => t.ActivityId == a.Id && councilIds.Contains(t.CouncilId)))
                .ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            var text = new StringBuilder(header).Append('\n')
                .Append(ReminderText.Pending([.. councils.Select(c => c.Name)]));
            text.AppendJoin("", pending.Select(a => ReminderText.PendingActivity(ProgressText.Activity(a), a.Prog[b - 1], Real(a))));

            var buttons = pending.Select(a => Row(ReminderText.ReportButton(ProgressText.Activity(a)), $"r:{a.Id}")).ToList();
            if (moment.Kind == ReminderMoment.Overdue)
            {
                text.Append(ReminderText.JustifyHint);
                buttons.AddRange(pending.Select(a => Row(ReminderText.JustifyButton(ProgressText.Activity(a)), $"j:{a.Id}:{b}")));
            }

            var why = string.Join("; ", pending.Select(a => ReminderText.PendingWhy(a.Num, a.Prog[b - 1], Real(a))));
            plans.Add(new PlannedReminder(person.Id, person.TelegramId, person.Name, moment.Kind, new Reply(text.ToString()) { Buttons = buttons }, why));
        }

        var digest = Digest(db, moment, header, activities, totals, everyone, thresholds);
        var outOfBand = activities.Where(a => thresholds.Classify(a.Prog[b - 1], Real(a)) is not (Semaforo.Verde or Semaforo.SinPrograma)).ToList();
        foreach (var director in everyone.Where(p => p.IsDirector && p.UnreachableSince is null))
        {
            plans.Add(new PlannedReminder(director.Id, director.TelegramId, director.Name, moment.Kind, new Reply(digest), ReminderText.DigestWhy, ToDirector: true));
            if (moment.Kind == ReminderMoment.Overdue && outOfBand.Count > 0)
            {
                var lights = outOfBand.Select(a => ReminderText.ActivityLight(
                    ProgressText.Activity(a), thresholds.Classify(a.Prog[b - 1], Real(a)), Real(a), a.Prog[b - 1]));
                var text = ReminderText.JustificationsTitle(Bimesters.ShortName(b), moment.Year) + string.Concat(lights);
                plans.Add(new PlannedReminder(director.Id, director.TelegramId, director.Name, Close, new Reply(text)
                {
                    Buttons = outOfBand.Select(a => Row(ReminderText.JustifyButton(ProgressText.Activity(a)), $"j:{a.Id}:{b}")).ToList(),
                }, ReminderText.OutOfBandWhy(outOfBand.Count), ToDirector: true));
            }
        }

        return plans;
    }

    private static IReadOnlyList<Button> Row(string label, string data) => [new Button(label, data)];

    private static string Header(ReminderMoment moment, DateOnly today, BimesterRules rules)
    {
        var name = Bimesters.ShortName(moment.Bimester);
        var last = Bimesters.LastDay(moment.Year, moment.Bimester);
        var left = last.DayNumber + 1 - today.DayNumber;
        return moment.DaysBefore is null
            ? ReminderText.Closed(name, rules.LockDate(moment.Year, moment.Bimester).AddDays(-1))
            : left <= 1 ? ReminderText.LastDay(name, last) : ReminderText.DaysLeft(left, name, last);
    }

    private static string Digest(
        DbSession db,
        ReminderMoment moment,
        string header,
        IReadOnlyList<ActivityPlan> activities,
        IReadOnlyList<(long ActivityId, long CouncilId, int Total)> totals,
        IReadOnlyList<PersonRow> everyone,
        SemaforoThresholds thresholds)
    {
        var b = moment.Bimester;
        var text = new StringBuilder(ReminderText.DigestTitle).Append(header).Append('\n');
        foreach (var a in activities.Where(a => a.Prog[b - 1] > 0 || totals.Any(t => t.ActivityId == a.Id)))
        {
            var real = totals.Where(t => t.ActivityId == a.Id).Sum(t => t.Total);
            text.Append(ReminderText.ActivityLight(ProgressText.Activity(a), thresholds.Classify(a.Prog[b - 1], real), real, a.Prog[b - 1]));
        }

        var silent = new PeopleStore(db).Councils().Where(c => !totals.Any(t => t.CouncilId == c.Id)).Select(c => c.Name).ToList();
        text.Append(ReminderText.SilentCouncils(silent));
        var unreachable = everyone.Where(p => p.UnreachableSince is not null).Select(p => p.Name).ToList();
        text.Append(ReminderText.Unreachable(unreachable));
        return text.ToString();
    }
}
