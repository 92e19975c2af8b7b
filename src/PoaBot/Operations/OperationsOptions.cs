using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PoaBot.Operations;

/// <summary>Scheduled backups: once a day at <see cref="At"/> (local time) into <see cref="Folder"/>, keeping the newest <see cref="Keep"/>.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>No folder, no scheduled backups.</summary>
    public string? Folder { get; set; }

    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan At { get; set; } = new(3, 0, 0);

    [Range(1, 3650)]
    public int Keep { get; set; } = 14;
}

[OptionsValidator]
public sealed partial class BackupOptionsValidator : IValidateOptions<BackupOptions>;
