using System.Globalization;
using System.Text.Json.Serialization;

namespace PoaBot.Core.Conversations;

/// <summary>The question a task is at.</summary>
public enum Step
{
    Idle,

    /// <summary>Writing a report; <see cref="ReportTask.Position"/> says which question.</summary>
    Report,
    ResumeOrDiscard,
    RecordChoice,
    VoidReason,
    AmendField,
    AmendValue,
    AmendReason,
    Deactivate,
    Reassign,
    DeactivateConfirm,
    JustifyChoice,
    JustifyText,
    ReopenChoice,
    ReopenDays,
    ReopenReason,
    InviteRole,
    InviteCouncils,
    CouncilList,
    CouncilName,
    CouncilLocality,
    ImportFile,
    ImportConfirm,

    /// <summary>A person in several directorates chooses where a command goes (<see cref="DirectorateTask"/>).</summary>
    DirectorateChoice,
}

/// <summary>The report being written: where it goes, then the answers to its kind's fields.</summary>
public sealed class Draft
{
    /// <summary>The POA year the report goes to (last year's only in the first days of January).</summary>
    public int? Year { get; set; }

    public long ActivityId { get; set; }

    public long? CouncilId { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>The answers by field key (<see cref="Domain.ReportField.Key"/>): numbers and record ids as invariant text.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];

    /// <summary>The evidence files sent so far, in order (at most <see cref="Storage.EvidenceFile.MaxPerReport"/>).</summary>
    public List<Storage.EvidenceFile> Evidence { get; set; } = [];

    public bool EvidenceAsked { get; set; }
}

/// <summary>
/// Where a conversation stands, saved per chat as JSON: the task under way (a typed record per flow, null when idle),
/// the sequence number its buttons carry, when it last moved, and the question last asked.
/// </summary>
public sealed class ConversationState
{
    public FlowTask? Task { get; set; }

    /// <summary>Grows with every prompt; buttons carry it, so a press of an old button is recognised.</summary>
    public int Seq { get; set; }

    /// <summary>When the task last moved (a report untouched for a day is offered to resume or discard).</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>The directorate the person last chose to work in (one of theirs; else their first).</summary>
    public long? Directorate { get; set; }

    /// <summary>The question last asked, to show again («Atrás» where there is no step before, another page of options).</summary>
    public PagedQuestion? Question { get; set; }

    /// <summary>The saved state could not be read (an older format): the person is told and starts afresh.</summary>
    [JsonIgnore]
    public bool Unreadable { get; set; }

    [JsonIgnore]
    public Step Step => Task?.Step ?? Step.Idle;

    /// <summary>The report being written, if that is the task.</summary>
    [JsonIgnore]
    public ReportTask? Report => Task as ReportTask;

    /// <summary>The task's record, of the type its flow keeps (a stale or forged state reads as a new one).</summary>
    public T Get<T>()
        where T : FlowTask, new() => Task as T ?? new T();

    /// <summary>The hashes of the files this conversation holds: its draft's evidence, a POA waiting for confirmation.</summary>
    public IEnumerable<string?> Files() =>
        [.. Report?.Draft?.Evidence.Select(f => f.Hash) ?? [], Task is ImportTask { Step: Step.ImportConfirm } import ? Path.GetFileName(import.Path)?.Split('.')[0] : null];

    public void Reset()
    {
        Task = null;
        At = null;
        Question = null;
    }
}

/// <summary>A task of a flow and its current question. One record type per flow, with only what that flow keeps.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "flow")]
[JsonDerivedType(typeof(ReportTask), "report")]
[JsonDerivedType(typeof(ChoiceTask), "choice")]
[JsonDerivedType(typeof(VoidTask), "void")]
[JsonDerivedType(typeof(AmendTask), "amend")]
[JsonDerivedType(typeof(ReassignTask), "reassign")]
[JsonDerivedType(typeof(JustifyTask), "justify")]
[JsonDerivedType(typeof(ReopenTask), "reopen")]
[JsonDerivedType(typeof(InviteTask), "invite")]
[JsonDerivedType(typeof(CouncilTask), "council")]
[JsonDerivedType(typeof(ImportTask), "import")]
[JsonDerivedType(typeof(DirectorateTask), "directorate")]
public abstract class FlowTask
{
    public Step Step { get; set; }

    /// <summary>The record a question belongs to: asking it keeps the task when the task is of that type, else starts it.</summary>
    public static FlowTask For(Step step) => step switch
    {
        Step.Report or Step.ResumeOrDiscard => new ReportTask(),
        Step.VoidReason => new VoidTask(),
        Step.AmendField or Step.AmendValue or Step.AmendReason => new AmendTask(),
        Step.Reassign or Step.DeactivateConfirm => new ReassignTask(),
        Step.JustifyText => new JustifyTask(),
        Step.ReopenDays or Step.ReopenReason => new ReopenTask(),
        Step.InviteCouncils => new InviteTask(),
        Step.CouncilName or Step.CouncilLocality => new CouncilTask(),
        Step.ImportFile or Step.ImportConfirm => new ImportTask(),
        Step.DirectorateChoice => new DirectorateTask(),
        _ => new ChoiceTask(),
    };
}

/// <summary>A report being written: its draft, the question asked, the questions answered (for «Atrás»).</summary>
public sealed class ReportTask : FlowTask
{
    public Draft Draft { get; set; } = new();

    /// <summary>The question being asked: a field key, or year, activity, council, date, evidence, card…</summary>
    public string? Position { get; set; }

    public List<string> History { get; set; } = [];

    /// <summary>Set while a single field is corrected from the confirmation card: answering it returns there.</summary>
    public bool Editing { get; set; }

    /// <summary>Where the report goes on once its date, found in a locked bimester, is changed (a resumed draft keeps all it had).</summary>
    public string? Then { get; set; }
}

/// <summary>A choice among buttons that keeps nothing yet: a list of records, people, bimesters, the role of an invite.</summary>
public sealed class ChoiceTask : FlowTask;

public sealed class VoidTask : FlowTask
{
    public long RecordId { get; set; }
}

public sealed class AmendTask : FlowTask
{
    public long RecordId { get; set; }

    /// <summary>The field's key (<see cref="Domain.ReportField.Key"/>) and the new value, as stored.</summary>
    public string? Field { get; set; }

    public string? Value { get; set; }
}

/// <summary>Deactivating a person: who, then to whom their councils pass (0: to no one), then the confirmation.</summary>
public sealed class ReassignTask : FlowTask
{
    public long PersonId { get; set; }

    public long? SuccessorId { get; set; }
}

public sealed class JustifyTask : FlowTask
{
    public long ActivityId { get; set; }

    public int Bimester { get; set; }
}

public sealed class ReopenTask : FlowTask
{
    /// <summary>Year × 10 + bimester.</summary>
    public int Period { get; set; }

    public int Days { get; set; }
}

public sealed class InviteTask : FlowTask
{
    public List<long> Councils { get; set; } = [];
}

/// <summary>The command that waits for the choice of a directorate, as typed (its name and what followed).</summary>
public sealed class DirectorateTask : FlowTask
{
    public string Name { get; set; } = "";

    public string Arg { get; set; } = "";
}

public sealed class CouncilTask : FlowTask
{
    public string? Name { get; set; }
}

public sealed class ImportTask : FlowTask
{
    /// <summary>The POA file waiting for confirmation, and the name it was sent with.</summary>
    public string? Path { get; set; }

    public string? Name { get; set; }
}

/// <summary>
/// A question and its options; many options (e.g. 120 activities, 40 pending requests) are shown a page at a time:
/// Telegram refuses more than 100 buttons in one message, and a phone shows about 1,000 characters at once.
/// A list (<see cref="Items"/> set) also shows a line per option in the message and may be answered by typing an
/// option's number or its folio.
/// </summary>
public sealed partial class PagedQuestion
{
    public const int PageSize = 10;

    /// <summary>The most characters one page's message may have.</summary>
    public const int MaxChars = 1000;

    public string Html { get; set; } = "";

    /// <summary>Rows of options, each button as [label, action]; in a list, one row per item (empty for an item that can only be read).</summary>
    public List<List<string[]>> Rows { get; set; } = [];

    /// <summary>A list's items, one per row of <see cref="Rows"/>; null for a plain question.</summary>
    public List<ListItem>? Items { get; set; }

    /// <summary>Typing an item's number or folio chooses it.</summary>
    public bool Numbered { get; set; }

    /// <summary>Text after the items, on every page.</summary>
    public string? Footer { get; set; }

    /// <summary>Rows of buttons shown on every page after the options («Listo», «No reasignar»…).</summary>
    public List<List<string[]>>? Fixed { get; set; }

    /// <summary>The page last shown.</summary>
    public int Page { get; set; }

    public bool Back { get; set; }

    public bool Cancel { get; set; }

    /// <summary>The first row of each page: at most <see cref="PageSize"/> rows, and as many lines as fit <see cref="MaxChars"/>.</summary>
    public List<int> Starts()
    {
        // The blank lines between the parts, and the «Página 2 de 3» line.
        var budget = MaxChars - Html.Length - (Footer?.Length ?? 0) - Texts.PageOf(99, 99).Length - 6;
        var starts = new List<int> { 0 };
        var (count, used) = (0, 0);
        for (var i = 0; i < Rows.Count; i++)
        {
            var line = (Items?[i].Line.Length ?? 0) + 1;
            if (count == PageSize || (count > 0 && used + line > budget))
            {
                starts.Add(i);
                (count, used) = (0, 0);
            }

            count++;
            used += line;
        }

        return starts;
    }

    /// <summary>
    /// The action of the one button whose words a typed text says, capitals, accents, emoji, «(a)» and a leading number aside
    /// («listo» for «Listo», «guardar» for «💾 Guardar», «reunion de consejo» for «1. Reunión de consejo»); else null.
    /// </summary>
    public string? Labelled(string text)
    {
        var typed = Words(text);
        var matches = Rows.Concat(Fixed ?? []).SelectMany(r => r).Where(b => typed.Length > 1 && Words(b[0]) == typed).Select(b => b[1]).Distinct().ToList();
        return matches.Count == 1 ? matches[0] : null;

        static string Words(string label) =>
            string.Join(' ', Domain.Spanish.Fold(Decorations().Replace(label.Trim(), " "))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string([.. w.Where(char.IsLetterOrDigit)])).Where(w => w.Length > 0));
    }

    /// <summary>A list's leading number («1. »), and the «(a)» of «Coordinador(a)».</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,3}\. |\([^)]*\)")]
    private static partial System.Text.RegularExpressions.Regex Decorations();

    /// <summary>
    /// The item a typed text names, as the list shows it: «7» the seventh item, or the item of folio number 7 when the list
    /// has no seventh; «0007», «2024-0007» and «DPC-2024-0007» that folio. -1 when the text is a number or a folio not in the
    /// list; null when it is neither.
    /// </summary>
    public int? Find(string text)
    {
        if (Items is null)
        {
            return null;
        }

        var typed = text.Trim().TrimStart('#').ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        int Index(Func<ListItem, bool> match) => Items.FindIndex(i => match(i));
        if (int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var position = typed.StartsWith('0') ? -1 : Index(i => i.Number == number);
            return position >= 0 ? position : Index(i => FolioParts(i.Folio) is { } f && f.Number == number);
        }

        return FolioParts(typed) is { } folio ? Index(i => FolioParts(i.Folio) == folio) : null;
    }

    /// <summary>«DPC-2024-0007», «2024-0007» → (2024, 7).</summary>
    internal static (int Year, int Number)? FolioParts(string? folio)
    {
        var parts = folio?.Split('-') ?? [];
        return parts.Length is 2 or 3
            && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && parts[^2].Length == 4
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (year, number)
            : null;
    }
}

/// <summary>One item of a list: its line in the message, its number, and its folio when it is a record.</summary>
public sealed class ListItem
{
    public string Line { get; set; } = "";

    public int Number { get; set; }

    public string? Folio { get; set; }
}

[JsonSerializable(typeof(ConversationState))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class ConversationJson : JsonSerializerContext;
