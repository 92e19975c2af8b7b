using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PoaBot.Core.Conversations;
using PoaBot.Core.Domain;
using PoaBot.Core.Reminders;
using PoaBot.Core.Storage;

namespace PoaBot;

public static class ServiceRegistration
{
    /// <summary>Settings, clock and database: what every verb needs.</summary>
    public static IServiceCollection AddPoaBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        // Settings, bound by section and validated at start-up.
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.Token) || TelegramOptions.TokenShape().IsMatch(o.Token), SettingText.BadToken)
            .Validate(o => o.ApiBaseUrl is { IsAbsoluteUri: true, Scheme: "http" or "https" }, SettingText.BadApiBaseUrl)
            .Validate(o => o.WebhookUrlIsValid, SettingText.BadWebhookUrl)
            .Validate(o => o.WebhookUrl is null || (o.WebhookSecret is { } secret && TelegramOptions.WebhookSecretShape().IsMatch(secret)), SettingText.BadWebhookSecret)
            .Validate(o => o.WebhookUrl is null || !string.IsNullOrWhiteSpace(configuration["Urls"]), SettingText.WebhookNeedsUrls)
            .ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section))
            .Validate(o => o.IsPostgres || string.Equals(o.Provider, "sqlite", StringComparison.OrdinalIgnoreCase), StorageText.BadProvider)
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(o.ConnectionString), StorageText.MissingConnectionString)
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(o.Folder), StorageText.MissingFolder)
            .Validate(o => !o.IsPostgres || string.IsNullOrWhiteSpace(configuration["Backup:Folder"]), StorageText.BackupIsPgDump)
            .ValidateOnStart();
        services.AddOptions<PoaOptions>().Bind(configuration.GetSection(PoaOptions.Section))
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), SettingText.BadTimeZone)
            .ValidateOnStart();
        services.AddOptions<SemaforoOptions>().Bind(configuration.GetSection(SemaforoOptions.Section))
            .Validate(o => o.Yellow <= o.Green && o.Green <= o.Over, SettingText.BadSemaforo)
            .ValidateOnStart();
        services.AddOptions<BimesterOptions>().Bind(configuration.GetSection(BimesterOptions.Section)).ValidateOnStart();
        services.AddOptions<InvitesOptions>().Bind(configuration.GetSection(InvitesOptions.Section)).ValidateOnStart();
        services.AddOptions<RemindersOptions>().Bind(configuration.GetSection(RemindersOptions.Section))
            .Validate(o => ReminderSettings.Parse(o.Days, o.At, o.QuietHours) is not null, SettingText.BadReminders)
            .ValidateOnStart();
        services.AddOptions<PoaBot.Operations.BackupOptions>().Bind(configuration.GetSection(PoaBot.Operations.BackupOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PoaBot.Operations.BackupOptions>, PoaBot.Operations.BackupOptionsValidator>();
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IValidateOptions<PoaOptions>, PoaOptionsValidator>();
        services.AddSingleton<IValidateOptions<SemaforoOptions>, SemaforoOptionsValidator>();
        services.AddSingleton<IValidateOptions<BimesterOptions>, BimesterOptionsValidator>();
        services.AddSingleton<IValidateOptions<InvitesOptions>, InvitesOptionsValidator>();

        // Host:ShutdownTimeout (default 30 s): how long a stop may take to finish the sends in flight.
        services.Configure<HostOptions>(configuration.GetSection("Host"));

        // The clock: every "now" comes from TimeProvider; tests replace it.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => MunicipalClock.Create(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<PoaOptions>>().Value.TimeZone));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SemaforoOptions>>().Value;
            return new SemaforoThresholds(o.Green, o.Yellow, o.Over);
        });

        // The rules: locking after the grace days, the reminder schedule.
        services.AddSingleton(sp => new BimesterRules(sp.GetRequiredService<IOptions<BimesterOptions>>().Value.GraceDays));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<RemindersOptions>>().Value;
            return ReminderSettings.Parse(o.Days, o.At, o.QuietHours)!;
        });
        services.AddSingleton(sp => new EngineSettings(
            sp.GetRequiredService<SemaforoThresholds>(), sp.GetRequiredService<BimesterRules>(), sp.GetRequiredService<ReminderSettings>(), sp.GetRequiredService<MunicipalClock>())
        {
            InviteValidFor = sp.GetRequiredService<IOptions<InvitesOptions>>().Value.ValidFor,
            DataFolder = sp.GetRequiredService<Database>().Dialect.DataFolder,
            Signature = sp.GetRequiredService<IOptions<ReportOptions>>().Value.ToSignature(sp.GetRequiredService<IOptions<PoaOptions>>().Value),
        });

        // The conversation engine: pure of the network; the edges (Telegram, terminal) send its replies.
        services.AddSingleton<ConversationEngine>();

        // The database (the SQLite file, or PostgreSQL), migrated when first used.
        services.AddSingleton(sp =>
        {
            var database = new Database(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Dialect());
            database.Migrate();
            return database;
        });
        return services;
    }
}
