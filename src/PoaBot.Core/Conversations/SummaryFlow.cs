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
            turn.Say($"Aún no hay un POA {turn.Today.Year} cargado. Pida a la Dirección que lo importe.", mainKeyboard: true);
            return;
        }

        IEnumerable<string> blocks;
        if (view == SummaryView.Councils)
        {
            blocks = PerCouncil(turn.Db, poa, turn.Today);
        }
        else if (view == SummaryView.Quarters)
        {
            blocks = Quarterly(poa, turn.Today, QuarterlyReport.Rows((int)poa.Year, turn.Today, date => store.Progress(poa, date, turn.Thresholds)));
        }
        else
        {
            var rows = store.Progress(poa, turn.Today, turn.Thresholds);
            IReadOnlyList<ActivityProgress>? mine = null;
            if (!turn.Person.IsDirector)
            {
                var councils = new PeopleStore(turn.Db).CouncilsOf(turn.Person.Id).Select(c => c.Id).ToList();
                mine = councils.Count > 0 ? store.Progress(poa, turn.Today, turn.Thresholds, councils) : null;
            }

            var justifications = new JustificationStore(turn.Db).ForPoa(poa.Id);
            blocks = Render(poa, turn.Today, rows, mine, justifications).Split("\n\n").Select((b, i) => i == 0 ? b : "\n\n" + b);
        }

        foreach (var message in Html.Messages([.. blocks, OtherViews(view, turn.Person.IsDirector)], MessageLength))
        {
            turn.Say(message, mainKeyboard: true);
        }
    }

    /// <summary>Longest message of a summary: a screenful on a phone.</summary>
    public const int MessageLength = 1000;

    private static readonly Dictionary<SummaryView, string> Commands = new()
    {
        [SummaryView.Activities] = "/resumen",
        [SummaryView.Quarters] = "/resumen trimestre",
        [SummaryView.Councils] = "/resumen consejos",
    };

    /// <summary>«Vea también: /resumen trimestre · /resumen consejos»: the other views this person may ask for.</summary>
    private static string OtherViews(SummaryView view, bool director) =>
        "\n\nVea también: " + string.Join(" · ", Commands.Where(c => c.Key != view && (director || c.Key != SummaryView.Councils)).Select(c => c.Value));

    public static string Render(
        PoaRow poa, DateOnly asOf, IReadOnlyList<ActivityProgress> rows, IReadOnlyList<ActivityProgress>? mine, IReadOnlyList<JustificationRow>? justifications = null)
    {
        var header = $"📊 <b>Avance del POA {poa.Year}</b>{(asOf >= new DateOnly((int)poa.Year, 12, 31) ? ": cierre del ejercicio" : $" al {Numbers.Date(asOf)}")}\n";
        var full = new StringBuilder(header);
        foreach (var a in rows)
        {
            full.Append('\n').Append($"<b>{Html.Escape(ProgressText.Activity(a.Num, a.Name, a.Kind))}</b>\n");
            if (a.OpenBimester is { } open)
            {
                full.Append($"{Bimesters.ShortName(open.Bimester)} (en curso): {ProgressText.OfProgrammed(open.Real ?? 0, open.Prog)}\n");
            }

            full.Append(ProgressText.Year(a)).Append('\n');
            full.Append(ProgressText.Var(a)).Append('\n');
            full.Append(ProgressText.Light(a)).Append('\n');
            if (mine?.FirstOrDefault(m => m.Num == a.Num) is { } own)
            {
                full.Append($"Sus consejos: {Numbers.Int(own.RealAcum)} de {Numbers.Int(a.RealAcum)}\n");
            }

            foreach (var j in justifications?.Where(j => j.ActivityNum == a.Num) ?? [])
            {
                full.Append($"📝 {Bimesters.ShortName((int)j.Bimester)}: {Html.Escape(Html.Shorten(j.Text, 120))}\n");
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
            var line = $"{Html.Escape(ProgressText.Activity(a.Num, a.Name, a.Kind))}: {Numbers.Int(a.RealAcum)}/{Numbers.Int(a.Goal)} {a.Semaforo.Emoji()}\n";
            if (compact.Length + line.Length > MaxLength - 60)
            {
                compact.Append("… (la lista sigue; pida el reporte completo a la Dirección)");
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
        return $"<b>{Html.Escape(ProgressText.Activity(activity))}</b>\n" +
            $"{Bimesters.ShortName(bimester)}: {ProgressText.OfProgrammed(cell.Real ?? 0, cell.Prog)}\n" +
            ProgressText.Year(a) + "\n" +
            ProgressText.Light(a);
    }

    /// <summary>Every council, those with nothing reported first: a header, then a block per council.</summary>
    private static IEnumerable<string> PerCouncil(DbSession db, PoaRow poa, DateOnly asOf)
    {
        var councils = CouncilReport.Load(db, poa, asOf);
        var header = new StringBuilder($"🏘 <b>Avance por consejo, POA {poa.Year}</b>: {Numbers.AsOfPhrase((int)poa.Year, asOf)}\n");
        foreach (var a in councils.Count > 0 ? new PoaStore(db).Activities(poa.Id) : [])
        {
            header.Append(Html.Escape(ProgressText.Activity(a))).Append('\n');
        }

        header.Append(councils.Count == 0
            ? "\nAún no hay consejos registrados."
            : $"\n{Numbers.Int(councils.Count)} consejos; {Numbers.Int(councils.Count(c => c.NothingReported))} sin reportes en el año.\n");
        var blocks = councils.Select(c =>
            $"\n<b>{Html.Escape(Html.Shorten(c.Council, 80))}</b>{(c.Locality.Length > 0 ? " · " + Html.Escape(Html.Shorten(c.Locality, 40)) : "")}\n" +
            (c.NothingReported ? "" : string.Join(" · ", c.Activities.Select(a => $"{Html.Escape(a.Num)}: {Numbers.Int(a.Real)}")) + " · ") +
            $"{CouncilReport.LastReportPhrase(c)}\n");
        return [header.ToString(), .. blocks];
    }

    /// <summary>Each activity's ended quarters: REAL in the quarter, the year so far against PROG_acum, the semáforo.</summary>
    private static IEnumerable<string> Quarterly(PoaRow poa, DateOnly asOf, IReadOnlyList<QuarterRow> rows)
    {
        var header = $"📅 <b>Avance trimestral del POA {poa.Year}</b>: {Numbers.AsOfPhrase((int)poa.Year, asOf)}\n" +
            (rows.Count == 0 ? "\nAún no termina ningún trimestre del año." : "");
        var blocks = rows.GroupBy(r => r.AtQuarterEnd.Num).Select(g =>
            $"\n<b>{Html.Escape(ProgressText.Activity(g.Key, g.First().AtQuarterEnd.Name, g.First().AtQuarterEnd.Kind))}</b>\n" +
            string.Concat(g.Select(r =>
                $"T{r.Quarter}: {Numbers.Int(r.Real)} en el trimestre · en el año {ProgressText.OfProgrammed(r.AtQuarterEnd.RealAcum, r.AtQuarterEnd.ProgAcum)} · {ProgressText.Light(r.AtQuarterEnd)}\n")));
        return [header, .. blocks];
    }

}
