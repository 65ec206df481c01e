using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Recipes.Tests.Crash;

/// <summary>
/// A logger factory for the sandbox that counts the requests it starts to serve, as ASP.NET Core's
/// hosting diagnostics log them, so that a test can act the moment another process reaches its Nth
/// request. Only the requests that <paramref name="counts"/> accepts (by method and path) are counted;
/// nothing is written anywhere.
/// </summary>
internal sealed class SandboxRequestLog(Func<string, string, bool> counts) : ILoggerFactory, ILogger
{
    private const string Category = "Microsoft.AspNetCore.Hosting.Diagnostics";
    private const int RequestStarting = 1;

    private readonly Lock _gate = new();
    private readonly List<(int Target, TaskCompletionSource Reached)> _waiters = [];
    private int _count;

    /// <summary>Requests counted so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Completes once <paramref name="target"/> requests have been counted.</summary>
    public Task WhenCountAsync(int target)
    {
        lock (_gate)
        {
            if (_count >= target)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, reached));
            return reached.Task;
        }
    }

    /// <summary>
    /// Completes once no request has been counted for <paramref name="quiet"/>: the other process has
    /// nothing left to send, or is waiting (for a retry's backoff, or for its next poll).
    /// </summary>
    public async Task WhenQuietAsync(TimeSpan quiet)
    {
        for (var before = -1; before != Count;)
        {
            before = Count;

            // Real time: the other process works in real time, not on a clock of ours.
            await Task.Delay(quiet);
        }
    }

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? this : NullLogger.Instance;

    public void AddProvider(ILoggerProvider provider)
    {
        // Counting is all this factory does; what other providers would write is not wanted here.
    }

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id != RequestStarting || state is not IReadOnlyList<KeyValuePair<string, object?>> fields)
        {
            return;
        }

        if (counts(Field(fields, "Method"), Field(fields, "Path")))
        {
            Increment();
        }
    }

    public void Dispose()
    {
    }

    private void Increment()
    {
        lock (_gate)
        {
            _count++;
            foreach (var waiter in _waiters.Where(w => w.Target <= _count))
            {
                waiter.Reached.TrySetResult();
            }

            _waiters.RemoveAll(w => w.Target <= _count);
        }
    }

    private static string Field(IReadOnlyList<KeyValuePair<string, object?>> fields, string name) =>
        fields.FirstOrDefault(f => f.Key == name).Value?.ToString() ?? "";
}
