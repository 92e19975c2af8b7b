using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Reminders;

/// <summary>
/// Sends what is due: each reminder once per person, bimester and kind (a database key), through the outbox, in
/// small transactions so a restart in the middle of a fan-out neither repeats nor skips anyone.
/// </summary>
public static class ReminderRun
{
    public const int Chunk = 100;

    /// <summary>Each directorate on its own schedule and thresholds (its settings over the global ones).</summary>
    public static int Execute(Database database, DateTimeOffset now, ReminderSettings settings, BimesterRules rules, SemaforoThresholds thresholds, MunicipalClock clock) =>
        database.Read(db => new DirectorateStore(db).All()).Sum(d => Execute(
            database, d.Id, now, d.Settings?.Schedule(settings) ?? settings, rules, d.Settings?.Thresholds(thresholds) ?? thresholds, clock));

    private static int Execute(Database database, long directorate, DateTimeOffset now, ReminderSettings settings, BimesterRules rules, SemaforoThresholds thresholds, MunicipalClock clock)
    {
        var sent = 0;
        foreach (var moment in ReminderSchedule.Due(now, settings, rules, clock))
        {
            var plans = database.Read(session =>
            {
                var db = session.In(directorate);
                var already = new CalendarStore(db).RemindersSent(moment.Year, moment.Bimester);
                return ReminderPlanner.Plan(db, moment, clock.LocalDate(now), thresholds, rules).Where(p => !already.Contains((p.PersonId, p.Kind))).ToList();
            });
            foreach (var chunk in plans.Chunk(Chunk))
            {
                sent += database.Write(session =>
                {
                    var db = session.In(directorate);
                    var count = 0;
                    foreach (var plan in chunk)
                    {
                        if (new CalendarStore(db).MarkReminded(plan.PersonId, moment.Year, moment.Bimester, plan.Kind, now))
                        {
                            new OutboxStore(db).Enqueue(plan.TelegramId, plan.Reply, now, $"rem:{directorate}:{plan.PersonId}:{moment.Year}:{moment.Bimester}:{plan.Kind}");
                            count++;
                        }
                    }

                    return count;
                });
            }
        }

        return sent;
    }
}
