using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PoaBot;

public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    public string? Token { get; set; }

    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://api.telegram.org");

    /// <summary>Overall pace of outgoing messages (Telegram allows about 30 per second).</summary>
    [Range(1, 100_000)]
    public int MessagesPerSecond { get; set; } = 30;

    /// <summary>Pace per chat (about 1 per second), with a short burst so a two-part answer is not held back.</summary>
    [Range(1, 100_000)]
    public int ChatMessagesPerSecond { get; set; } = 1;

    [Range(1, 100)]
    public int ChatBurst { get; set; } = 3;

    /// <summary>Most sends in flight at once, which is also the most messages a killed process (SIGKILL) can send twice.</summary>
    [Range(1, 256)]
    public int MaxInFlight { get; set; } = 16;

    /// <summary>Long-polling timeout of getUpdates.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Longest wait for one evidence file; a stalled download is given up and the person told.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required]
    public string Path { get; set; } = "data/poabot.db";

    /// <summary>Done inbox rows and finished outbox rows older than this many days are deleted (hourly).</summary>
    [Range(1, 36500)]
    public int KeepDays { get; set; } = 90;
}

public sealed class PoaOptions
{
    public const string Section = "Poa";

    [Required]
    public string TimeZone { get; set; } = "America/Mexico_City";

    public string? Directorate { get; set; }
}

public sealed class SemaforoOptions
{
    public const string Section = "Semaforo";

    [Range(0, 1000)]
    public decimal Green { get; set; } = 90;

    [Range(0, 1000)]
    public decimal Yellow { get; set; } = 70;

    [Range(0, 1000)]
    public decimal Over { get; set; } = 110;
}

public sealed class BimesterOptions
{
    public const string Section = "Bimester";

    [Range(0, 60)]
    public int GraceDays { get; set; } = 5;
}

public sealed class InvitesOptions
{
    public const string Section = "Invites";

    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan ValidFor { get; set; } = TimeSpan.FromDays(7);
}

public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>Null means the default [7, 1] (a default array here would be appended to, not replaced, by configuration binding).</summary>
    public int[]? DaysBefore { get; set; }

    public IReadOnlyList<int> Days => DaysBefore is { Length: > 0 } days ? days : [7, 1];

    [Required]
    public string At { get; set; } = "09:00";

    [Required]
    public string QuietHours { get; set; } = "21:00-08:00";
}

public sealed class ReportOptions
{
    public const string Section = "Report";

    public string? Responsible { get; set; }

    public string? Position { get; set; }
}

[OptionsValidator]
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>;

[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;

[OptionsValidator]
public sealed partial class PoaOptionsValidator : IValidateOptions<PoaOptions>;

[OptionsValidator]
public sealed partial class SemaforoOptionsValidator : IValidateOptions<SemaforoOptions>;

[OptionsValidator]
public sealed partial class BimesterOptionsValidator : IValidateOptions<BimesterOptions>;

[OptionsValidator]
public sealed partial class InvitesOptionsValidator : IValidateOptions<InvitesOptions>;
