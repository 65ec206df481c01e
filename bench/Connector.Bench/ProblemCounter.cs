using Microsoft.Extensions.Logging;

namespace Connector.Bench;

/// <summary>
/// A logger provider that writes nothing and counts warnings and errors (a failed poll, a paused recipe),
/// keeping the first one to show.
/// </summary>
internal sealed class ProblemCounter : ILoggerProvider, ILogger
{
    private int _count;
    private string? _first;

    public int Count => Volatile.Read(ref _count);

    public string? First => Volatile.Read(ref _first);

    public ILogger CreateLogger(string categoryName) => this;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        Interlocked.Increment(ref _count);
        Interlocked.CompareExchange(ref _first, formatter(state, exception), null);
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public void Dispose()
    {
    }
}
