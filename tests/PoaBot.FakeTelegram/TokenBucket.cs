namespace PoaBot.FakeTelegram;

/// <summary>A classic token bucket; not thread safe (callers hold the server lock).</summary>
internal sealed class TokenBucket
{
    private readonly double _capacity;
    private readonly double _perSecond;
    private double _tokens;
    private DateTimeOffset _last;

    public TokenBucket(double capacity, double perSecond, DateTimeOffset now)
    {
        _capacity = Math.Max(1, capacity);
        _perSecond = Math.Max(0.001, perSecond);
        _tokens = _capacity;
        _last = now;
    }

    /// <summary>Seconds until one token is available (0 when one is available now).</summary>
    public double SecondsUntilAvailable(DateTimeOffset now)
    {
        Refill(now);
        return _tokens >= 1 ? 0 : (1 - _tokens) / _perSecond;
    }

    public void Take(DateTimeOffset now)
    {
        Refill(now);
        _tokens -= 1;
    }

    private void Refill(DateTimeOffset now)
    {
        var elapsed = (now - _last).TotalSeconds;
        if (elapsed > 0)
        {
            _tokens = Math.Min(_capacity, _tokens + (elapsed * _perSecond));
            _last = now;
        }
    }
}
