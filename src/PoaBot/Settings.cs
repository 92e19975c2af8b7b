using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PoaBot.Core.Reporting;
using PoaBot.Core.Storage;

namespace PoaBot;

public sealed partial class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>What @BotFather hands out: the bot's number, a colon, the key.</summary>
    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{1,200}$")]
    public static partial Regex TokenShape();

    /// <summary>What Telegram accepts as a webhook's secret_token; 16 characters at least, so that it cannot be guessed.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{16,256}$")]
    public static partial Regex WebhookSecretShape();

    public string? Token { get; set; }

    /// <summary>Webhook mode when set: the public https address (behind the operator's proxy) where Telegram posts updates.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>Telegram sends it in X-Telegram-Bot-Api-Secret-Token with every update; required with <see cref="WebhookUrl"/>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Webhook URLs other than https are accepted on loopback only (tests, a Bot API server on the same machine).</summary>
    public bool WebhookUrlIsValid => WebhookUrl is null || (WebhookUrl.IsAbsoluteUri && (WebhookUrl.Scheme == "https" || (WebhookUrl.Scheme == "http" && WebhookUrl.IsLoopback)));

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
    public int MaxInFlight { get; set; } = 64;

    /// <summary>Long-polling timeout of getUpdates; in webhook mode, how often getWebhookInfo checks the webhook.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Longest wait for one evidence file; a stalled download is given up and the person told.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"sqlite" (the file at <see cref="Path"/>) or "postgresql" (<see cref="ConnectionString"/>, files in <see cref="Folder"/>).</summary>
    public string Provider { get; set; } = "sqlite";

    [Required]
    public string Path { get; set; } = "data/poabot.db";

    /// <summary>The Npgsql connection string, with <see cref="Provider"/> postgresql.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Where evidence, exports and charts are kept: beside the SQLite file unless set; required with PostgreSQL, a folder
    /// every instance reaches (a shared mount).
    /// </summary>
    public string? Folder { get; set; }

    public bool IsPostgres => string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The database these settings name (not yet migrated).</summary>
    public SqlDialect Dialect() => IsPostgres
        ? new PostgresDialect(ConnectionString!, Folder!)
        : new SqliteDialect(Path, string.IsNullOrWhiteSpace(Folder) ? null : Folder);

    /// <summary>The file of <c>poabot local</c> (unless <c>--db</c>): never the bot's own database.</summary>
    [Required]
    public string LocalPath { get; set; } = "data/local.db";

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

    /// <summary>The place line and page header of exports, e.g. «Zapopan, Jalisco».</summary>
    public string? Municipality { get; set; }
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

    public SignatoryOptions Prepared { get; set; } = new();

    public SignatoryOptions Reviewed { get; set; } = new();

    public SignatoryOptions Authorized { get; set; } = new();

    /// <summary>Older setting, used for «Elaboró» when <see cref="Prepared"/> is not set.</summary>
    public string? Responsible { get; set; }

    /// <summary>Older setting, with <see cref="Responsible"/>.</summary>
    public string? Position { get; set; }

    public ReportSignature ToSignature(PoaOptions poa) => new(
        new Signatory(Prepared.Name ?? Responsible, Prepared.Position ?? Position),
        new Signatory(Reviewed.Name, Reviewed.Position),
        new Signatory(Authorized.Name, Authorized.Position),
        poa.Municipality,
        poa.Directorate);
}

public sealed class SignatoryOptions
{
    public string? Name { get; set; }

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
