using Microsoft.Extensions.Hosting;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>
/// Work committed by any instance on the same database (PostgreSQL's LISTEN/NOTIFY) wakes this one's processor or sender,
/// as its own commits do; on SQLite there is no other instance and this waits for the stop.
/// </summary>
public sealed class WakeUps(Database database, WorkSignals signals) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await database.Dialect.ListenAsync(kind => (kind == "inbox" ? signals.Inbox : signals.Outbox).Set(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
