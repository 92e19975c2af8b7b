using System.Text;
using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>What <c>/resumen</c> shows: per activity, per council (<c>/resumen consejos</c>, the director's) or per quarter.</summary>
public enum SummaryView
{
    Activities,
    Councils,
    Quarters,
}

/// <summary><c>/resumen</c>: programmed vs real as of today, per activity; <c>/resumen consejos</c> per council (director).</summary>
public static class SummaryFlow
{
    /// <summary>Telegram's limit is 4096; stay below it with room for the transport.</summary>
    public const int MaxLength = 4000;

    /// <summary>The POA table (with the person's councils for a coordinator), or the Dirección's view by council.</summary>
    public static void Show(Turn turn, SummaryView view)
    {
        var store = new PoaStore(turn.Db);
        var poa = store.Find(turn.Today.Year) ?? store.Years().Where(y => y < turn.Today.Year).Select(y => store.Find(y)).LastOrDefault();
        if (poa is null)
        {
            turn.Say(ProgressText.NoPoa(turn.Today.Year), mainKeyboard: true);
            return;
        }

        if (view == SummaryView.Councils)
        {
            foreach (var message in PerCouncil(turn.Db, poa, turn.Today))
            {
                turn.Say(message);
            }

            return;
        }

        if (view == SummaryView.Quarters)
        {
            var quarters = QuarterlyReport.Rows((int)poa.Year, turn.Today, date => store.Progress(poa, date, turn.Thresholds));
            foreach (var message in Quarterly(poa, turn.Today, quarters))
            {
                turn.Say(message, mainKeyboard: true);
            }

            return;
        }

        var rows = store.Progress(poa, turn.Today, turn.Thresholds);
        IReadOnlyList<ActivityProgress>? mine = null;
        if (!turn.Person.IsDirector)
        {
            var councils = new PeopleStore(turn.Db).CouncilsOf(turn.Person.Id).Select(c => c.Id).ToList();
            mine = councils.Count > 0 ? store.Progress(poa, turn.Today, turn.Thresholds, councils) : null;
        }

        var justifications = new JustificationStore(turn.Db).ForPoa(poa.Id);
        turn.Say(Render(poa, turn.Today, rows, mine, justifications), mainKeyboard: true);
    }

    public static string Render(
        PoaRow poa, DateOnly asOf, IReadOnlyList<ActivityProgress> rows, IReadOnlyList<ActivityProgress>? mine, IReadOnlyList<JustificationRow>? justifications = null)
    {
        var header = ProgressText.Title((int)poa.Year, asOf, yearEnded: asOf >= new DateOnly((int)poa.Year, 12, 31));
        var full = new StringBuilder(header);
        foreach (var a in rows)
        {
            full.Append('\n').Append(ProgressText.Activity(a.Num, Html.Sentence(a.Name)));
            if (a.OpenBimester is { } open)
            {
                full.Append(ProgressText.OpenBimester(Bimesters.ShortName(open.Bimester), open.Real ?? 0, open.Prog));
            }

            full.Append(ProgressText.Year(a.RealAcum, a.Goal, a.AvancePct));
            full.Append(ProgressText.Variance(Signed(a.RealAcum - a.ProgAcum), a.ProgAcum));
            full.Append(Semaforo(a)).Append('\n');
            if (mine?.FirstOrDefault(m => m.Num == a.Num) is { } own)
            {
                full.Append(ProgressText.YourCouncils(own.RealAcum, a.RealAcum));
            }

            foreach (var j in justifications?.Where(j => j.ActivityNum == a.Num) ?? [])
            {
                full.Append(ProgressText.Justification(Bimesters.ShortName((int)j.Bimester), j.Text));
            }
        }

        if (full.Length <= MaxLength)
        {
            return full.ToString().TrimEnd();
        }

        // Many activities: one line each, still within one message.
        var compact = new StringBuilder(header).Append('\n');
        foreach (var a in rows)
        {
            var line = $"{a.Num}. {Html.Escape(Html.Shorten(Html.Sentence(a.Name), 30))}: {Numbers.Int(a.RealAcum)}/{Numbers.Int(a.Goal)} {a.Semaforo.Emoji()}\n";
            if (compact.Length + line.Length > MaxLength - 60)
            {
                compact.Append(ProgressText.ListGoesOn);
                break;
            }

            compact.Append(line);
        }

        return compact.ToString().TrimEnd();
    }

    /// <summary>The saved record's activity, right after saving: its bimester and the year so far.</summary>
    public static string ActivityAfterSave(Turn turn, ActivityPlan activity, int bimester)
    {
        var store = new PoaStore(turn.Db);
        var poa = store.Find(store.YearOf(activity.Id)!.Value)!;
        var a = store.Progress(poa, turn.Today, turn.Thresholds).First(p => p.Num == activity.Num);
        var cell = a.Bimesters[bimester - 1];
        return $"<b>{Html.Escape(ReportFlow.ActivityLabel(activity))}</b>\n" +
            ProgressText.Bimester(Bimesters.ShortName(bimester), cell.Real ?? 0, cell.Prog) +
            ProgressText.Year(a.RealAcum, a.Goal, a.AvancePct) +
            Semaforo(a);
    }

    /// <summary>Longest message of the per-council view: a screenful on a phone.</summary>
    public const int CouncilMessageLength = 1000;

    /// <summary>Every council, those with nothing reported first, in messages of at most <see cref="CouncilMessageLength"/> characters.</summary>
    private static IReadOnlyList<string> PerCouncil(DbSession db, PoaRow poa, DateOnly asOf)
    {
        var councils = CouncilReport.Load(db, poa, asOf);
        var header = new StringBuilder(ProgressText.CouncilsTitle((int)poa.Year, Numbers.AsOfPhrase((int)poa.Year, asOf)));
        foreach (var a in councils.Count > 0 ? councils[0].Activities : [])
        {
            header.Append($"{Html.Escape(a.Num)} = {Html.Escape(Html.Shorten(Html.Sentence(a.Activity), 45))}\n");
        }

        header.Append(councils.Count == 0
            ? ProgressText.NoCouncils
            : ProgressText.CouncilCount(councils.Count, councils.Count(c => c.NothingReported)));
        var blocks = councils.Select(c =>
            $"\n<b>{Html.Escape(Html.Shorten(c.Council, 80))}</b>{(c.Locality.Length > 0 ? " · " + Html.Escape(Html.Shorten(c.Locality, 40)) : "")}\n" +
            (c.NothingReported ? "" : string.Join(" · ", c.Activities.Select(a => $"{Html.Escape(a.Num)}: {Numbers.Int(a.Real)}")) + " · ") +
            $"{CouncilReport.LastReportPhrase(c)}\n");
        return Html.Messages([header.ToString(), .. blocks], CouncilMessageLength);
    }

    /// <summary>Each activity's ended quarters: REAL in the quarter, the year so far against PROG_acum, the semáforo.</summary>
    private static IReadOnlyList<string> Quarterly(PoaRow poa, DateOnly asOf, IReadOnlyList<QuarterRow> rows)
    {
        var header = ProgressText.QuartersTitle((int)poa.Year, Numbers.AsOfPhrase((int)poa.Year, asOf)) +
            (rows.Count == 0 ? ProgressText.NoQuarterEnded : "");
        var blocks = rows.GroupBy(r => r.AtQuarterEnd.Num).Select(g =>
            $"\n<b>{Html.Escape(g.Key)}. {Html.Escape(Html.Shorten(Html.Sentence(g.First().AtQuarterEnd.Name), 70))}</b>\n" +
            string.Concat(g.Select(r =>
                ProgressText.Quarter(r.Quarter, r.Real, r.AtQuarterEnd.RealAcum, r.AtQuarterEnd.ProgAcum, Semaforo(r.AtQuarterEnd)))));
        return Html.Messages([header, .. blocks], MaxLength);
    }

    private static string Semaforo(ActivityProgress a) =>
        a.ProgAcum == 0 ? a.Semaforo.Words(0) : ProgressText.Compliance(a.Semaforo.Words(a.ProgAcum), a.CumplimientoPct);


    private static string Signed(int value) => value > 0 ? "+" + Numbers.Int(value) : Numbers.Int(value);
}
