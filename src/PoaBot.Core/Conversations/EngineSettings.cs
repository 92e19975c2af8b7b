using PoaBot.Core.Domain;
using PoaBot.Core.Reminders;

namespace PoaBot.Core.Conversations;

/// <summary>The rules the engine applies, all from settings: semáforo thresholds, locking, the reminder schedule.</summary>
public sealed record EngineSettings(SemaforoThresholds Thresholds, BimesterRules Rules, ReminderSettings Reminders, MunicipalClock Clock)
{
    /// <summary>How long an invite made in the chat stays valid (<c>Invites:ValidFor</c>).</summary>
    public TimeSpan InviteValidFor { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The folder of the database; exports are written beside it.</summary>
    public string DataFolder { get; init; } = Path.GetTempPath();

    /// <summary>Signature block and heading of reports (<c>Report:*</c>, <c>Poa:Municipality</c>, <c>Poa:Directorate</c>).</summary>
    public Reporting.ReportSignature Signature { get; init; } = Reporting.ReportSignature.None;

    /// <summary>The settings of one directorate: its own thresholds, schedule, signatories and name over the global ones.</summary>
    public EngineSettings For(Storage.DirectorateRow directorate) => this with
    {
        Thresholds = directorate.Settings?.Thresholds(Thresholds) ?? Thresholds,
        Reminders = directorate.Settings?.Schedule(Reminders) ?? Reminders,
        Signature = (directorate.Settings?.Signature(Signature) ?? Signature) with
        {
            Directorate = directorate.Name.Length > 0 ? directorate.Name : Signature.Directorate,
        },
    };
}
