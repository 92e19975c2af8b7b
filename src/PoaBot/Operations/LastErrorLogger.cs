using Microsoft.Extensions.Logging;

namespace PoaBot.Operations;

/// <summary>Keeps the last Error-level log line (already free of the token) for <c>status</c>.</summary>
public sealed class LastErrorLoggerProvider(Heartbeats beats, TimeProvider time) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new LastErrorLogger(beats, time);

    public void Dispose()
    {
    }

    private sealed class LastErrorLogger(Heartbeats beats, TimeProvider time) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var message = formatter(state, null);
                beats.Error(message.Length > 300 ? message[..300] : message, time.GetUtcNow());
            }
        }
    }
}
