using PoaBot.Core.Domain;
using PoaBot.Core.People;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot.Core.Conversations;

/// <summary>
/// <c>/reportar</c>: activity → council (only if several) → date → the fields of that kind → optional evidence →
/// confirmation card (Guardar / Corregir / Cancelar) → saved with a folio, and the activity's new progress.
/// </summary>
public static class ReportFlow
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

        if (Councils(turn).Count == 0)
        {
            turn.Say("Usted no tiene consejos asignados, así que no puedo registrar reportes. Pida a la Dirección que le asigne uno.", mainKeyboard: true);
            return;
        }

        turn.State.Reset();
        turn.State.Draft = new Draft();
        var activityYear = activityId is { } a ? (int?)turn.Db.Single<long?>("SELECT p.year FROM poa p JOIN activity x ON x.poa_id = p.id WHERE x.id = @a", new { a }) : null;
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
                turn.Ask(step, "¿De qué consejo?", Councils(turn).Select(c => new[] { (Html.Shorten(c.Name, 40), $"c:{c.Id}") }));
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
                turn.Ask(step, "¿Qué día fue? Toque una opción o escriba la fecha (por ejemplo 15/04/2024).",
                [
                    [($"Hoy ({turn.Today:dd/MM})", "d:hoy"), ($"Ayer ({turn.Today.AddDays(-1):dd/MM})", "d:ayer")],
                    [("Otra fecha", "d:otra")],
                ]);
                break;
            case Step.DateText:
                turn.Ask(step, "Escriba la fecha así: día/mes/año, por ejemplo 15/04/2024.", []);
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
                var council = Councils(turn).FirstOrDefault(c => c.Id == turn.ActionId("c") || (turn.Text is { } n && Spanish.Fold(n) == Spanish.Fold(c.Name)));
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

        if (target == Step.Council && Councils(turn) is [var only])
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

    private static void AnswerDate(Turn turn, Draft draft)
    {
        DateOnly date;
        if (turn.Action == "d:otra")
        {
            Go(turn, Step.DateText);
            return;
        }

        if (turn.Action == "d:hoy")
        {
            date = turn.Today;
        }
        else if (turn.Action == "d:ayer")
        {
            date = turn.Today.AddDays(-1);
        }
        else if (turn.Text is { } text && Numbers.TryParseDate(text, out var typed))
        {
            date = typed;
        }
        else
        {
            Retry(turn, turn.Input.Kind == InputKind.Text
                ? $"No entendí «{Html.Escape(Html.Shorten(turn.Text ?? "", 40))}» como fecha. Escríbala así: 15/04/2024."
                : "Necesito la fecha escrita así: 15/04/2024, o toque Hoy o Ayer.");
            return;
        }

        if (DateProblem(turn, date) is { } problem)
        {
            Retry(turn, problem);
            return;
        }

        draft.Date = date;
        Go(turn, null);
    }

    /// <summary>A date outside the POA's year or in the future is refused kindly.</summary>
    public static string? DateProblem(Turn turn, DateOnly date)
    {
        if (date > turn.Today)
        {
            return $"El {Numbers.Date(date)} todavía no llega. Escriba la fecha de hoy o una anterior.";
        }

        var year = Year(turn);
        if (date.Year != year)
        {
            return year == turn.Today.Year
                ? $"El {Numbers.Date(date)} no es del POA {year}. Escriba una fecha entre el 01/01/{year} y hoy."
                : $"El {Numbers.Date(date)} no es del POA {year}. Escriba una fecha de {year}, por ejemplo 28/12/{year}.";
        }

        return turn.IsLocked(date) ? Locked(date) : null;
    }

    public static string Locked(DateOnly date) =>
        $"El bimestre {Bimesters.ShortName(Bimesters.Of(date))} {date.Year} ya está cerrado y bloqueado, así que no se pueden registrar ni cambiar reportes de esas fechas. " +
        "Si hace falta, pida a la Dirección que lo reabra (/reabrir).";

    private static void AnswerProgram(Turn turn, Draft draft)
    {
        if (turn.Action == "new")
        {
            draft.RefId = null;
            Go(turn, Step.ProgramName);
            return;
        }

        var program = OtherPrograms(turn, draft).FirstOrDefault(p => p.Id == turn.ActionId("p"));
        if (program is null)
        {
            Retry(turn, "Por favor toque el programa ya registrado o «Es un programa nuevo».");
            return;
        }

        draft.RefId = program.Id;
        draft.Subject = program.Subject;
        Go(turn, Step.Beneficiaries);
    }

    private static void AnswerEvidence(Turn turn, Draft draft)
    {
        if (turn.Action == "skip")
        {
            draft.EvidenceFileId = null;
            draft.EvidenceHash = null;
            Go(turn, Step.Confirm);
        }
        else if (turn.Input.Kind is InputKind.Photo or InputKind.Document)
        {
            if (turn.Input.FileProblem is { } problem)
            {
                Retry(turn, problem);
                return;
            }

            draft.EvidenceFileId = turn.Input.FileId;
            draft.EvidenceHash = turn.Input.FileHash;
            draft.EvidenceIsPhoto = turn.Input.Kind == InputKind.Photo;
            Go(turn, Step.Confirm);
        }
        else
        {
            Retry(turn, "Envíe una foto o un documento, o toque «Omitir» si no tiene evidencia.");
        }
    }

    private static void Save(Turn turn, Draft draft)
    {
        var activity = new PoaStore(turn.Db).Activity(draft.ActivityId);
        var council = Councils(turn).FirstOrDefault(c => c.Id == draft.CouncilId);
        if (activity is null || council is null || draft.Date is not { } date || DateProblem(turn, date) is not null)
        {
            turn.State.Reset();
            turn.Say("No pude guardar: el reporte quedó incompleto o ya no es válido. Empiece de nuevo con /reportar, por favor.", mainKeyboard: true);
            return;
        }

        if (activity.Kind == ActivityKind.RequestManaged && !Pending(turn, draft).Any(r => r.Id == draft.RefId))
        {
            turn.Say("Esa solicitud ya no está pendiente (alguien ya registró su gestión). Elija otra, por favor.");
            Prompt(turn, Step.PendingRequest);
            return;
        }

        var record = new RecordStore(turn.Db).Insert(new RecordRow
        {
            ActivityId = activity.Id,
            CouncilId = council.Id,
            Kind = activity.Kind.Code(),
            EventDate = Instants.Format(date),
            Count = activity.Kind switch
            {
                ActivityKind.Generic => draft.Count ?? 1,
                ActivityKind.SocialProgram when draft.RefId is not null => 0,
                _ => 1,
            },
            Attendees = draft.Attendees,
            Agreements = draft.Agreements,
            Subject = draft.Subject,
            Requester = draft.Requester,
            Area = draft.Area,
            Beneficiaries = draft.Beneficiaries,
            RefId = draft.RefId,
            EvidenceFileId = draft.EvidenceFileId,
            EvidenceHash = draft.EvidenceHash,
            EvidenceKind = draft.EvidenceFileId is null ? null : draft.EvidenceIsPhoto ? "photo" : "document",
            CreatedBy = turn.Person.Id,
            CreatedAt = Instants.Format(turn.Now),
        });
        turn.State.Reset();
        var shared = record.Count == 0 ? "\nEste programa ya estaba registrado por otro consejo: queda su participación, sin contarlo dos veces." : "";
        turn.Say($"✅ Guardado con folio <b>{record.Folio}</b>.{shared}\n\n{SummaryFlow.ActivityAfterSave(turn, activity, Bimesters.Of(date))}", mainKeyboard: true);
    }

    private static string Card(Turn turn, Draft draft)
    {
        var activity = new PoaStore(turn.Db).Activity(draft.ActivityId);
        var council = Councils(turn).FirstOrDefault(c => c.Id == draft.CouncilId);
        var lines = new List<string>
        {
            "<b>Revise su reporte</b>",
            $"Actividad: {Html.Escape(activity is null ? "" : ActivityLabel(activity))}",
            $"Consejo: {Html.Escape(council?.Name)}",
            $"Fecha: {(draft.Date is { } d ? Numbers.Date(d) : "")}",
        };
        if (draft.Attendees is { } attendees)
        {
            lines.Add($"Asistentes: {Numbers.Int(attendees)}");
        }

        if (draft.Agreements is { } agreements)
        {
            lines.Add($"Acuerdos: {Html.Escape(agreements)}");
        }

        if (draft.RefId is { } refId && new RecordStore(turn.Db).Get(refId) is { } referenced)
        {
            lines.Add(activity?.Kind == ActivityKind.RequestManaged
                ? $"Solicitud: {referenced.Folio} — {Html.Escape(Html.Shorten(referenced.Subject ?? "", 80))}"
                : $"Programa ya registrado ({referenced.Folio})");
        }

        if (draft.Subject is { } subject && activity?.Kind != ActivityKind.RequestManaged)
        {
            lines.Add($"{(activity?.Kind switch { ActivityKind.SocialProgram => "Programa", ActivityKind.Generic => "Descripción", _ => "Se solicita" })}: {Html.Escape(subject)}");
        }

        if (draft.Requester is { } requester)
        {
            lines.Add($"Solicitante: {Html.Escape(requester)}");
        }

        if (draft.Area is { } area)
        {
            lines.Add($"Área: {Html.Escape(area)}");
        }

        if (draft.Beneficiaries is { } beneficiaries)
        {
            lines.Add($"Beneficiarios: {Numbers.Int(beneficiaries)}");
        }

        if (draft.Count is { } count)
        {
            lines.Add($"Cantidad: {Numbers.Int(count)}");
        }

        lines.Add($"Evidencia: {(draft.EvidenceFileId is null ? "sin evidencia" : "adjunta ✅")}");
        return string.Join('\n', lines);
    }

    private static void PromptPending(Turn turn, Draft draft)
    {
        var pending = Pending(turn, draft);
        if (pending.Count == 0)
        {
            turn.Ask(Step.PendingRequest, "Este consejo no tiene solicitudes pendientes de gestionar. Primero registre la solicitud recibida; después podrá registrar su gestión.", []);
            return;
        }

        var text = pending.Count > 10 ? "¿Qué solicitud se gestionó? (las 10 más antiguas)" : "¿Qué solicitud se gestionó?";
        turn.Ask(Step.PendingRequest, text, pending.Take(10).Select(r => new[] { ($"{r.Folio} · {Html.Shorten(r.Subject ?? "", 30)}", $"p:{r.Id}") }));
    }

    /// <summary>Re-asks the current question after a short explanation; nothing changes.</summary>
    private static void Retry(Turn turn, string why)
    {
        turn.Say(why);
        Prompt(turn, turn.State.Step);
    }

    private static string? FreeText(Turn turn, int max, string example)
    {
        if (turn.Input.Kind != InputKind.Text || turn.Action is not null)
        {
            Retry(turn, $"Necesito la respuesta escrita. Por ejemplo: {Html.Escape(example)}");
            return null;
        }

        var text = turn.Text ?? "";
        if (text.Length == 0)
        {
            Retry(turn, string.Format(System.Globalization.CultureInfo.InvariantCulture, Texts.EmptyText, Html.Escape(example)));
            return null;
        }

        if (text.Length > max)
        {
            Retry(turn, string.Format(System.Globalization.CultureInfo.InvariantCulture, Texts.TooLong, Numbers.Int(max)));
            return null;
        }

        return text;
    }

    private static int? Number(Turn turn, int max, string example, bool allowZero)
    {
        var text = turn.Text;
        if (NumberText.TryParse(text, max, out var value, out var fromWords) && (allowZero || value > 0))
        {
            if (fromWords)
            {
                turn.Say($"Entendí: {Numbers.Int(value)}.");
            }

            return value;
        }

        var why = text switch
        {
            null => $"Necesito un número escrito. Por ejemplo: {example}",
            _ when text.TrimStart().StartsWith('-') => $"El número no puede ser negativo. Escriba, por ejemplo: {example}",
            _ when NumberText.TryParse(text, int.MaxValue, out var big, out _) && big > max => $"{Numbers.Int(big)} parece demasiado. El máximo es {Numbers.Int(max)}; revise el número, por favor.",
            _ when NumberText.TryParse(text, max, out var zero, out _) && zero == 0 => $"Debe ser al menos 1. Escriba, por ejemplo: {example}",
            _ => $"No entendí «{Html.Escape(Html.Shorten(text, 30))}» como un número entero. Escriba solo el número, por ejemplo: {example}",
        };
        Retry(turn, why);
        return null;
    }

    private static ActivityKind Kind(Turn turn, Draft draft) =>
        new PoaStore(turn.Db).Activity(draft.ActivityId)?.Kind ?? ActivityKind.Generic;

    public static IReadOnlyList<ActivityPlan> Activities(Turn turn) =>
        new PoaStore(turn.Db).Find(Year(turn)) is { } poa ? new PoaStore(turn.Db).Activities(poa.Id) : [];

    /// <summary>The councils a person may report for: their own; the director, any.</summary>
    public static IReadOnlyList<CouncilRow> Councils(Turn turn)
    {
        var people = new PeopleStore(turn.Db);
        return turn.Person.IsDirector ? people.Councils() : people.CouncilsOf(turn.Person.Id);
    }

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
