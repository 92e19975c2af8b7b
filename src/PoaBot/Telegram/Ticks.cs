namespace PoaBot.Telegram;

public static class Ticks
{
    /// <summary>Waits for the timer's next tick; false when the host is stopping.</summary>
    public static async Task<bool> Next(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
