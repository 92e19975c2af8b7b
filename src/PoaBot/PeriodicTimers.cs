namespace PoaBot;

/// <summary>The loop of every background service that works on the clock.</summary>
public static class PeriodicTimers
{
    /// <summary>
    /// Runs <paramref name="pass"/> now and then every <paramref name="period"/> on <paramref name="time"/> until the host
    /// stops. A pass that fails with an exception <paramref name="expected"/> accepts is <paramref name="reported"/> and the
    /// next one runs on time; any other exception ends the service.
    /// </summary>
    public static async Task Run(
        TimeSpan period, TimeProvider time, Action pass,
        Func<Exception, bool> expected, Action<Exception> reported, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                pass();
            }
            catch (Exception ex) when (expected(ex))
            {
                reported(ex);
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    /// <summary>Waits for the next tick; false when the host stops (no exception to catch in every loop).</summary>
    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
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

    /// <summary>What the log says of a failed pass: the exception's type and message.</summary>
    public static string Describe(Exception ex) => $"{ex.GetType().Name}: {ex.Message}";
}
