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
        var poa = store.Current(turn.Today.Year);
        if (poa is null)
        {
            turn.Say(ProgressText.NoPoa(turn.Today.Year, turn.Directorate.Name), mainKeyboard: true);
            return;
        }

        var blocks = view switch
        {
            SummaryView.Councils => PerCouncil(turn.Db, poa, turn.Today),
            SummaryView.Quarters => Quarterly(store, poa, turn.Today, turn.Thresholds),
            _ => Table(turn, store, poa),
        };

        if (new DirectorateStore(turn.Db).All().Count > 1)
        {
            blocks = blocks.Select((b, i) => i == 0 ? DirectorateText.Heading(turn.Directorate.Code, turn.Settings.Signature.Directorate ?? "") + b : b);
        }

        var others = Commands.Where(c => c.Key != view && (turn.Person.IsDirector || c.Key != SummaryView.Councils)).Select(c => c.Value);
        turn.Say(Html.Messages([.. blocks, ProgressText.OtherViews(others)], MessageLength), mainKeyboard: true);
    }

    /// <summary>The POA table, with what the person's councils reported for a coordinator, in blocks of one activity.</summary>
    private static IEnumerable<string> Table(Turn turn, PoaStore store, PoaRow poa)
    {
        var (today, thresholds) = (turn.Today, turn.Thresholds);
        var councils = turn.Person.IsDirector ? [] : new PeopleStore(turn.Db).CouncilsOf(turn.Person.Id).Select(c => c.Id).ToList();
        var mine = councils.Count > 0 ? store.Progress(poa, today, thresholds, councils) : null;
        var table = Render(poa, today, store.Progress(poa, today, thresholds), mine, new JustificationStore(turn.Db).ForPoa(poa.Id));
        return table.Split("\n\n").Select((b, i) => i == 0 ? b : "\n\n" + b);
    }

    /// <summary>Longest message of a summary: a screenful on a phone.</summary>
    public const int MessageLength = 1000;

    private static readonly Dictionary<SummaryView, string> Commands = new()
    {
        [SummaryView.Activities] = "/resumen",
        [SummaryView.Quarters] = "/resumen trimestre",
        [SummaryView.Councils] = "/resumen consejos",
    };

    public static string Render(
        PoaRow poa, DateOnly asOf, IReadOnlyList<ActivityProgress> rows, IReadOnlyList<ActivityProgress>? mine, IReadOnlyList<JustificationRow>? justifications = null)
    {
        var header = ProgressText.Title((int)poa.Year, asOf);
        var full = new StringBuilder(header);
        foreach (var a in rows)
        {
            full.Append('\n').Append(ProgressText.Heading(ProgressText.Activity(a.Num, a.Name, a.Kind)));
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

            var justified = justifications?.Where(j => j.ActivityNum == a.Num) ?? [];
            full.AppendJoin("", justified.Select(j => ProgressText.Justification(Bimesters.ShortName((int)j.Bimester), j.Text)));
        }

        if (full.Length <= MaxLength)
        {
            return full.ToString().TrimEnd();
        }

        // Many activities: one line each, still within one message.
        var compact = new StringBuilder(header).Append('\n');
        foreach (var a in rows)
        {
            var line = $"{Html.Escape(ProgressText.Activity(a.Num, a.Name, a.Kind))}: {Numbers.Int(a.RealAcum)}/{Numbers.Int(a.Goal)} {a.Semaforo.Emoji()}\n";
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
        return ProgressText.Heading(ProgressText.Activity(activity)) +
            ProgressText.Bimester(Bimesters.ShortName(bimester), cell.Real ?? 0, cell.Prog) +
            ProgressText.Year(a.RealAcum, a.Goal, a.AvancePct) +
            Semaforo(a);
    }

    /// <summary>Every council, those with nothing reported first: a header, then a block per council.</summary>
    private static IEnumerable<string> PerCouncil(DbSession db, PoaRow poa, DateOnly asOf)
    {
        var councils = CouncilReport.Load(db, poa, asOf);
        var header = new StringBuilder(ProgressText.CouncilsTitle((int)poa.Year, asOf));
        var activities = councils.Count > 0 ? new PoaStore(db).Activities(poa.Id) : [];
        header.AppendJoin("", activities.Select(a => Html.Escape(ProgressText.Activity(a)) + "\n"));

        header.Append(councils.Count == 0
            ? ProgressText.NoCouncils
            : ProgressText.CouncilCount(councils.Count, councils.Count(c => c.NothingReported)));
        var blocks = councils.Select(c =>
            $"\n<b>{Html.Escape(Html.Shorten(c.Council, 80))}</b>{(c.Locality.Length > 0 ? " · " + Html.Escape(Html.Shorten(c.Locality, 40)) : "")}\n" +
            (c.NothingReported ? "" : string.Join(" · ", c.Activities.Select(a => $"{Html.Escape(a.Num)}: {Numbers.Int(a.Real)}")) + " · ") +
            $"{CouncilReport.LastReportPhrase(c)}\n");
        return [header.ToString(), .. blocks];
    }

    /// <summary>Each activity's ended quarters: REAL in the quarter, the year so far against PROG_acum, the semáforo.</summary>
    private static IEnumerable<string> Quarterly(PoaStore store, PoaRow poa, DateOnly asOf, SemaforoThresholds thresholds)
    {
        var rows = QuarterlyReport.Rows((int)poa.Year, asOf, date => store.Progress(poa, date, thresholds));
        var header = ProgressText.QuartersTitle((int)poa.Year, asOf) +
            (rows.Count == 0 ? ProgressText.NoQuarterEnded : "");
        var blocks = rows.GroupBy(r => r.AtQuarterEnd.Num).Select(g =>
            "\n" + ProgressText.Heading(ProgressText.Activity(g.Key, g.First().AtQuarterEnd.Name, g.First().AtQuarterEnd.Kind)) +
            string.Concat(g.Select(r =>
                ProgressText.Quarter(r.Quarter, r.Real, r.AtQuarterEnd.RealAcum, r.AtQuarterEnd.ProgAcum, Semaforo(r.AtQuarterEnd)))));
        return [header, .. blocks];
    }

    private static string Semaforo(ActivityProgress a) => ProgressText.Light(a.Semaforo, a.ProgAcum, a.RealAcum);

    private static string Signed(int value) => value > 0 ? "+" + Numbers.Int(value) : Numbers.Int(value);
}
