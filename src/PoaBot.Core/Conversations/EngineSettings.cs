using PoaBot.Core.Domain;
using PoaBot.Core.Reminders;

namespace PoaBot.Core.Conversations;

/// <summary>The rules the engine applies, all from settings: semáforo thresholds, locking, the reminder schedule.</summary>
public sealed record EngineSettings(SemaforoThresholds Thresholds, BimesterRules Rules, ReminderSettings Reminders, MunicipalClock Clock);
