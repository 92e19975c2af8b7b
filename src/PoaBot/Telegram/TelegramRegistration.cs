using global::Telegram.Bot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PoaBot.Telegram;

public static class TelegramRegistration
{
    /// <summary>The Telegram worker: the client, the inbox poller (or webhook) and processor, and the paced outbox sender.</summary>
    public static IServiceCollection AddTelegramWorker(this IServiceCollection services)
    {
        // HttpClient's own logging writes request URLs, which contain the token: no loggers on this client.
        services.AddHttpClient("telegram").RemoveAllLoggers();
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient("telegram");
            http.Timeout = options.PollTimeout + TimeSpan.FromSeconds(30);

            // RetryCount = 0: the outbox sees every 429 and paces it, instead of the client sleeping inside a send.
            return new TelegramBotClient(new TelegramBotClientOptions(options.Token!, options.ApiBaseUrl.ToString().TrimEnd('/')) { RetryCount = 0 }, http);
        });
        services.AddSingleton<WorkSignals>();
        services.AddSingleton<EvidenceDownloader>();
        services.AddSingleton<InboxIntake>();
        services.AddSingleton<SendOutcomes>();
        services.AddSingleton<WebhookReceiver>();

        // Hosted services stop in reverse order: the sender, registered first, stops last, after the poller and the
        // inbox have finished, and sends what is in flight before the host's shutdown timeout.
        services.AddHostedService<OutboxSender>();
        services.AddHostedService<UpdatePoller>();
        services.AddHostedService<InboxProcessor>();
        services.AddHostedService<PoaBot.Reminders.ReminderScheduler>();
        services.AddHostedService<PoaBot.Evidence.EvidenceSweeper>();
        services.AddHostedService<PoaBot.Operations.Housekeeping>();
        services.AddHostedService<WakeUps>();
        return services;
    }
}
