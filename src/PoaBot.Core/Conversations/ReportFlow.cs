using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>
/// <c>/reportar</c>: activity → council (only if several) → date → the fields of that kind → optional evidence →
/// confirmation card (Guardar / Corregir / Cancelar) → saved with a folio, and the activity's new progress.
/// </summary>
public static partial class ReportFlow
{
    private const int MaxText = 1000;
    private const int MaxShortText = 200;

    public static void Start(Turn turn, long? activityId)
    {
        var years = ReportableYears(turn);
        if (years.Count == 0)
        {
            turn.Say($"Aún no hay un POA {turn.Today.Year} cargado, así que no puedo registrar reportes. Pida a la Dirección que lo importe.", mainKeyboard: true);
            return;
        }

        if (Access.Councils(turn).Count == 0)
        {
            turn.Say("Usted no tiene consejos asignados, así que no puedo registrar reportes. Pida a la Dirección que le asigne uno.", mainKeyboard: true);
            return;
        }

        turn.State.Reset();
        turn.State.Draft = new Draft();
        var activityYear = activityId is { } a ? new PoaStore(turn.Db).YearOf(a) : null;
        if (activityYear is { } y && years.Contains(y))
        {
            turn.State.Draft.Year = y;
            turn.State.Draft.ActivityId = activityId!.Value;
            turn.State.Step = Step.Activity;
            Go(turn, Step.Council);
            return;
        }

        if (years.Count > 1)
        {
            Prompt(turn, Step.Year);
            return;
        }

        turn.State.Draft.Year = years[0];
        Prompt(turn, Step.Activity);
    }

    /// <summary>
    /// The POA years a report may go to: this year's, and in the first days of January also last year's, while its
    /// Nov/Dic is not locked yet.
    /// </summary>
    private static List<int> ReportableYears(Turn turn)
    {
        var store = new PoaStore(turn.Db);
        var previous = turn.Today.Year - 1;
        var years = new List<int>();
        if (store.Find(previous) is not null && !turn.IsLocked(Bimesters.LastDay(previous, 6)))
        {
            years.Add(previous);
        }

        if (store.Find(turn.Today.Year) is not null)
        {
            years.Add(turn.Today.Year);
        }

        return years;
    }

    /// <summary>The POA year of the report being written.</summary>
    private static int Year(Turn turn) => turn.State.Draft?.Year ?? turn.Today.Year;

    public static void Back(Turn turn)
    {
        var history = turn.State.History;
        if (turn.State.Editing)
        {
            turn.State.Editing = false;
            Prompt(turn, Step.Confirm);
        }
        else if (history.Count > 0)
        {
            var previous = history[^1];
            history.RemoveAt(history.Count - 1);
            Prompt(turn, previous);
        }
        else if (turn.State.Step == Step.Idle)
        {
            turn.Say(Texts.NothingToCancel, mainKeyboard: true);
        }
        else
        {
            Prompt(turn, turn.State.Step);
        }
    }

    /// <summary>Asks the question of a step.</summary>
    public static void Prompt(Turn turn, Step step)
    {
        var draft = turn.State.Draft ??= new Draft();
        switch (step)
        {
            case Step.Activity:
                turn.Ask(step, "¿Qué desea reportar?", Activities(turn).Select(a => new[] { (ActivityLabel(a), $"a:{a.Id}") }));
                break;
            case Step.Council:
                turn.Ask(step, "¿De qué consejo?", Access.Councils(turn).Select(c => new[] { (Html.Shorten(c.Name, 40), $"c:{c.Id}") }));
                break;
            case Step.Date when Year(turn) != turn.Today.Year:
                turn.Ask(step, $"¿Qué día de {Year(turn)} fue? Escriba la fecha, por ejemplo 28/12/{Year(turn)}.", []);
                break;
            case Step.Year:
                var years = ReportableYears(turn);
                turn.Ask(
                    step,
                    $"¿Para qué POA es su reporte? El de {years[0]} acepta reportes hasta el {Numbers.Date(turn.Settings.Rules.LockDate(years[0], 6).AddDays(-1))}.",
                    years.Select(y => new[] { ($"POA {y}", $"y:{y}") }));
                break;
            case Step.Date:
                turn.Ask(step, $"¿Qué día fue? Toque una opción o escriba la fecha (por ejemplo {DateExample(turn)}).",
                [
                    [($"Hoy ({turn.Today:dd/MM})", "d:hoy"), ($"Ayer ({turn.Today.AddDays(-1):dd/MM})", "d:ayer")],
                    [("Otra fecha", "d:otra")],
                ]);
                break;
            case Step.DateText:
                turn.Ask(step, $"Escriba la fecha así: día/mes/año, por ejemplo {DateExample(turn)}, o «ayer».", []);
                break;
            case Step.Attendees:
                turn.Ask(step, "¿Cuántas personas asistieron? Escriba el número, por ejemplo: 25", []);
                break;
            case Step.Agreements:
                turn.Ask(step, "¿Qué acuerdos se tomaron? Escríbalos en un mensaje.\nEjemplo: Gestionar el bacheo de la calle Hidalgo.", []);
                break;
            case Step.Subject:
                turn.Ask(step, "¿Qué se solicita?\nEjemplo: Reparar el alumbrado de la calle Morelos.", []);
                break;
            case Step.Requester:
                turn.Ask(step, "¿Quién lo solicita? Es opcional.\nEjemplo: Sra. María López, vecina de la colonia.", [[(Texts.Skip, "skip")]]);
                break;
            case Step.Area:
                turn.Ask(step, "¿Qué área del municipio debe atenderla?\nEjemplo: Obras Públicas.", []);
                break;
            case Step.PendingRequest:
                PromptPending(turn, draft);
                break;
            case Step.ManagedArea:
                turn.Ask(step, "¿Ante qué dirección o área se gestionó?\nEjemplo: Servicios Públicos.", []);
                break;
            case Step.ProgramChoice:
                turn.Ask(step, "¿Es un programa que otro consejo ya registró? Si es así, tóquelo; si no, toque «Es un programa nuevo».",
                    OtherPrograms(turn, draft).Select(p => new[] { ($"Ya registrado: {Html.Shorten(p.Subject ?? p.Folio, 40)}", $"p:{p.Id}") })
                        .Append([("Es un programa nuevo", "new")]));
                break;
            case Step.ProgramName:
                turn.Ask(step, "¿Cómo se llama el programa?\nEjemplo: Despensas para adultos mayores.", []);
                break;
            case Step.Beneficiaries:
                turn.Ask(step, "¿Cuántas personas se beneficiaron? Escriba el número, por ejemplo: 40", []);
                break;
            case Step.Count:
                turn.Ask(step, "¿Cuántas acciones realizó? Escriba el número, por ejemplo: 3", []);
                break;
            case Step.Description:
                turn.Ask(step, "Describa brevemente lo que hizo.\nEjemplo: Limpieza del parque central con vecinos.", []);
                break;
            case Step.Evidence:
                draft.EvidenceAsked = true;
                turn.Ask(step, "Si tiene una foto o documento como evidencia, envíelo ahora. Si no, toque «Omitir».", [[(Texts.Skip, "skip")]]);
                break;
            case Step.Confirm:
                turn.Ask(step, Card(turn, draft), [[("💾 Guardar", "save")], [("✏️ Corregir", "edit")]]);
                break;
            case Step.EditChoice:
                turn.Ask(step, "¿Qué desea corregir?", EditableSteps(Kind(turn, draft), draft).Select(s => new[] { (FieldName(s), $"f:{s}") })
                    .Append([("Volver a la tarjeta", "card")]), back: false);
                break;
            default:
                turn.Say(Texts.Hello, mainKeyboard: true);
                turn.State.Reset();
                break;
        }
    }

    public static void Answer(Turn turn)
    {
        var draft = turn.State.Draft ??= new Draft();
        var step = turn.State.Step;
        switch (step)
        {
            case Step.Year:
                if (turn.ActionId("y") is { } chosen && ReportableYears(turn).Contains((int)chosen))
                {
                    draft.Year = (int)chosen;
                    Go(turn, Step.Activity);
                }
                else
                {
                    Retry(turn, "Por favor toque el año del POA.");
                }

                break;
            case Step.Activity:
                var activity = Activities(turn).FirstOrDefault(a => a.Id == turn.ActionId("a") || (turn.Text is { } t && t == a.Num.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                if (activity is null)
                {
                    Retry(turn, "Por favor toque una de las actividades de la lista.");
                    return;
                }

                draft.ActivityId = activity.Id;
                Go(turn, null);
                break;
            case Step.Council:
                var council = Access.Councils(turn).FirstOrDefault(c => c.Id == turn.ActionId("c") || (turn.Text is { } n && Spanish.Fold(n) == Spanish.Fold(c.Name)));
                if (council is null)
                {
                    Retry(turn, "Por favor toque uno de los consejos de la lista.");
                    return;
                }

                draft.CouncilId = council.Id;
                Go(turn, null);
                break;
            case Step.Date or Step.DateText:
                AnswerDate(turn, draft);
                break;
            case Step.Attendees:
                if (Number(turn, 10_000, "25", allowZero: false) is { } attendees)
                {
                    draft.Attendees = attendees;
                    Go(turn, null);
                }

                break;
            case Step.Agreements:
                if (FreeText(turn, MaxText, "Gestionar el bacheo de la calle Hidalgo.") is { } agreements)
                {
                    draft.Agreements = agreements;
                    Go(turn, null);
                }

                break;
            case Step.Subject or Step.ProgramName or Step.Description:
                if (FreeText(turn, MaxText, step == Step.ProgramName ? "Despensas para adultos mayores." : "Reparar el alumbrado de la calle Morelos.") is { } subject)
                {
                    draft.Subject = subject;
                    Go(turn, null);
                }

                break;
            case Step.Requester:
                if (turn.Action == "skip")
                {
                    draft.Requester = null;
                    Go(turn, null);
                }
                else if (FreeText(turn, MaxShortText, "Sra. María López, vecina.") is { } requester)
                {
                    draft.Requester = requester;
                    Go(turn, null);
                }

                break;
            case Step.Area or Step.ManagedArea:
                if (FreeText(turn, MaxShortText, "Obras Públicas.") is { } area)
                {
                    draft.Area = area;
                    Go(turn, null);
                }

                break;
            case Step.PendingRequest:
                var pending = Pending(turn, draft).FirstOrDefault(r => r.Id == turn.ActionId("p"));
                if (pending is null)
                {
                    Retry(turn, "Por favor toque una de las solicitudes pendientes de la lista.");
                    return;
                }

                if (draft.Date is { } managed && ManagedTooEarly(pending, managed) is { } early)
                {
                    Retry(turn, $"{early} Elija otra solicitud, o toque «Atrás» para cambiar la fecha de la gestión.");
                    return;
                }

                draft.RefId = pending.Id;
                Go(turn, null);
                break;
            case Step.ProgramChoice:
                AnswerProgram(turn, draft);
                break;
            case Step.Beneficiaries:
                if (Number(turn, 1_000_000, "40", allowZero: true) is { } beneficiaries)
                {
                    draft.Beneficiaries = beneficiaries;
                    Go(turn, null);
                }

                break;
            case Step.Count:
                if (Number(turn, 1_000, "3", allowZero: false) is { } count)
                {
                    draft.Count = count;
                    Go(turn, null);
                }

                break;
            case Step.Evidence:
                AnswerEvidence(turn, draft);
                break;
            case Step.Confirm:
                if (turn.Action == "save")
                {
                    Save(turn, draft);
                }
                else if (turn.Action == "edit")
                {
                    Prompt(turn, Step.EditChoice);
                }
                else
                {
                    Retry(turn, "Toque «Guardar» para guardar, «Corregir» para cambiar algo o «Cancelar».");
                }

                break;
            case Step.EditChoice:
                var field = turn.Action is { } a && a.StartsWith("f:", StringComparison.Ordinal) && Enum.TryParse<Step>(a[2..], out var s) ? s : (Step?)null;
                if (field is { } f && EditableSteps(Kind(turn, draft), draft).Contains(f))
                {
                    turn.State.Editing = true;
                    Prompt(turn, f);
                }
                else if (turn.Action == "card")
                {
                    Prompt(turn, Step.Confirm);
                }
                else
                {
                    Retry(turn, "Toque lo que desea corregir.");
                }

                break;
            default:
                turn.State.Reset();
                turn.Say(Texts.Hello, mainKeyboard: true);
                break;
        }
    }

    /// <summary>Moves to the next step (or back to the card when correcting one field), remembering where we were for «Atrás».</summary>
    private static void Go(Turn turn, Step? next)
    {
        var state = turn.State;
        if (state.Editing && next != Step.DateText)
        {
            state.Editing = false;
            Prompt(turn, Step.Confirm);
            return;
        }

        var target = next ?? NextAfter(turn, state.Step, state.Draft!);
        if (!state.Editing && state.Step != Step.DateText)
        {
            state.History.Add(state.Step);
        }

        if (target == Step.Council && Access.Councils(turn) is [var only])
        {
            state.Draft!.CouncilId = only.Id;
            target = Step.Date;
        }

        Prompt(turn, target);
    }

    private static Step NextAfter(Turn turn, Step step, Draft draft) => step switch
    {
        Step.Activity => Step.Council,
        Step.Council => Step.Date,
        Step.Date or Step.DateText => FirstField(turn, draft),
        Step.Attendees => Step.Agreements,
        Step.Subject when Kind(turn, draft) == ActivityKind.RequestReceived => Step.Requester,
        Step.Requester => Step.Area,
        Step.PendingRequest => Step.ManagedArea,
        Step.ProgramChoice => draft.RefId is null ? Step.ProgramName : Step.Beneficiaries,
        Step.ProgramName => Step.Beneficiaries,
        Step.Count => Step.Description,
        Step.Agreements or Step.Area or Step.ManagedArea or Step.Beneficiaries or Step.Description or Step.Subject => Step.Evidence,
        _ => Step.Confirm,
    };

    private static Step FirstField(Turn turn, Draft draft) => Kind(turn, draft) switch
    {
        ActivityKind.Meeting => Step.Attendees,
        ActivityKind.RequestReceived => Step.Subject,
        ActivityKind.RequestManaged => Step.PendingRequest,
        ActivityKind.SocialProgram => OtherPrograms(turn, draft).Count > 0 ? Step.ProgramChoice : Step.ProgramName,
        _ => Step.Count,
    };

    private static IEnumerable<Step> EditableSteps(ActivityKind kind, Draft draft) =>
        new[] { Step.Date }.Concat(kind switch
        {
            ActivityKind.Meeting => [Step.Attendees, Step.Agreements],
            ActivityKind.RequestReceived => [Step.Subject, Step.Requester, Step.Area],
            ActivityKind.RequestManaged => [Step.PendingRequest, Step.ManagedArea],
            ActivityKind.SocialProgram => draft.RefId is null ? [Step.ProgramName, Step.Beneficiaries] : [Step.Beneficiaries],
            _ => new[] { Step.Count, Step.Description },
        }).Append(Step.Evidence);

    private static string FieldName(Step step) => step switch
    {
        Step.Date => "Fecha",
        Step.Attendees => "Asistentes",
        Step.Agreements => "Acuerdos",
        Step.Subject => "Qué se solicita",
        Step.Requester => "Quién solicita",
        Step.Area or Step.ManagedArea => "Área",
        Step.PendingRequest => "Solicitud",
        Step.ProgramName => "Nombre del programa",
        Step.Beneficiaries => "Beneficiarios",
        Step.Count => "Cantidad",
        Step.Description => "Descripción",
        _ => "Evidencia",
    };

    private static ActivityKind Kind(Turn turn, Draft draft) =>
        new PoaStore(turn.Db).Activity(draft.ActivityId)?.Kind ?? ActivityKind.Generic;

    public static IReadOnlyList<ActivityPlan> Activities(Turn turn) =>
        new PoaStore(turn.Db).Find(Year(turn)) is { } poa ? new PoaStore(turn.Db).Activities(poa.Id) : [];

    private static IReadOnlyList<RecordRow> Pending(Turn turn, Draft draft) =>
        draft.CouncilId is { } id ? new RecordStore(turn.Db).PendingRequests([id]) : [];

    private static IReadOnlyList<RecordRow> OtherPrograms(Turn turn, Draft draft) =>
        new RecordStore(turn.Db).Programs(draft.ActivityId).Where(p => p.CouncilId != draft.CouncilId).ToList();

    public static string ActivityLabel(ActivityPlan a) => a.Kind switch
    {
        ActivityKind.Meeting => $"{a.Num}. Reunión de consejo",
        ActivityKind.RequestReceived => $"{a.Num}. Solicitud recibida",
        ActivityKind.RequestManaged => $"{a.Num}. Solicitud gestionada",
        ActivityKind.SocialProgram => $"{a.Num}. Programa social",
        _ => $"{a.Num}. {Html.Shorten(a.Name, 40)}",
    };
}
