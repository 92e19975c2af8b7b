using Microsoft.Extensions.Hosting;
using PoaBot.Core.Domain;
using PoaBot.Core.Storage;

namespace PoaBot.Telegram;

/// <summary>
/// Work committed by any instance on the same database (PostgreSQL's LISTEN/NOTIFY) wakes this one's processor and sender,
/// as its own commits do: new updates, new messages, or a chat another instance held and has now released. On SQLite
/// there is no other instance and this waits for the stop.
/// </summary>
public sealed class WakeUps(Database database, MunicipalClock clock, WorkSignals signals) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await database.Dialect.ListenAsync(
                () =>
                {
                    signals.Inbox.Set();
                    signals.Outbox.Set();
                },
                clock.Time,
                stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
