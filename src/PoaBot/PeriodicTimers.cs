namespace PoaBot;

public static class PeriodicTimers
{
    /// <summary>Waits for the next tick; false when the host stops (no exception to catch in every loop).</summary>
    public static async Task<bool> NextTickAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
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
