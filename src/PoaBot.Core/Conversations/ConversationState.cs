using System.Text.Json.Serialization;

namespace PoaBot.Core.Conversations;

/// <summary>Where a conversation stands. Saved per chat as JSON.</summary>
public enum Step
{
    Idle,

    /// <summary>Writing a report; <see cref="ConversationState.Position"/> says which question.</summary>
    Report,
    ResumeOrDiscard,
    RecordChoice,
    VoidReason,
    AmendField,
    AmendValue,
    AmendReason,
    Deactivate,
    Reassign,
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

    public string? EvidenceFileId { get; set; }

    public string? EvidenceHash { get; set; }

    public bool EvidenceIsPhoto { get; set; }

    public bool EvidenceAsked { get; set; }
}

public sealed class ConversationState
{
    public Step Step { get; set; } = Step.Idle;

    /// <summary>Grows with every prompt; buttons carry it, so a press of an old button is recognised.</summary>
    public int Seq { get; set; }

    /// <summary>The question of the report being asked: a field key, or year, activity, council, date, evidence, card…</summary>
    public string? Position { get; set; }

    /// <summary>The report's questions answered so far, for «Atrás».</summary>
    public List<string> History { get; set; } = [];

    public Draft? Draft { get; set; }

    /// <summary>The saved state could not be read (an older format): the person is told and starts afresh.</summary>
    [JsonIgnore]
    public bool Unreadable { get; set; }

    public DateTimeOffset? DraftUpdatedAt { get; set; }

    /// <summary>Set while a single field is corrected from the confirmation card: answering it returns there.</summary>
    public bool Editing { get; set; }

    /// <summary>The step interrupted by the resume question.</summary>
    public Step? Resumed { get; set; }

    public long? TargetId { get; set; }

    public string? AmendField { get; set; }

    public string? AmendValue { get; set; }

    /// <summary>Ids chosen so far in a multiple choice (councils of an invite).</summary>
    public List<long> Selected { get; set; } = [];

    /// <summary>The hashes of the files this conversation holds: its draft's evidence, a POA waiting for confirmation.</summary>
    public IEnumerable<string?> Files() =>
        [Draft?.EvidenceHash, Step == Step.ImportConfirm ? Path.GetFileName(AmendValue)?.Split('.')[0] : null];

    /// <summary>The current question when its options are shown a page at a time (more than <see cref="PagedQuestion.PageSize"/>).</summary>
    public PagedQuestion? Paged { get; set; }

    public void Reset()
    {
        Step = Step.Idle;
        Position = null;
        History.Clear();
        Draft = null;
        DraftUpdatedAt = null;
        Editing = false;
        Resumed = null;
        TargetId = null;
        AmendField = null;
        AmendValue = null;
        Selected.Clear();
        Paged = null;
    }
}

/// <summary>A question with many options (e.g. 120 activities): Telegram refuses more than 100 buttons in one message.</summary>
public sealed class PagedQuestion
{
    public const int PageSize = 10;

    public string Html { get; set; } = "";

    /// <summary>Rows of options, each button as [label, action].</summary>
    public List<List<string[]>> Rows { get; set; } = [];

    public bool Back { get; set; }

    public bool Cancel { get; set; }

    public int Pages => (Rows.Count + PageSize - 1) / PageSize;
}

[JsonSerializable(typeof(ConversationState))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class ConversationJson : JsonSerializerContext;
