using Microsoft.Extensions.Logging;

namespace Connector.Recipes.Tests.Hosting;

/// <summary>
/// A logging provider that keeps every line the host writes, as the console would show it
/// (<c>Level: message</c>), so that a test can wait for the lines a user would read.
/// </summary>
internal sealed class LogLines : ILoggerProvider, ILogger
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<IReadOnlyList<string>, bool> Condition, TaskCompletionSource Met)> _waiters = [];

    /// <summary>The lines so far.</summary>
    public IReadOnlyList<string> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The lines so far that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> With(string text) => [.. All.Where(l => l.Contains(text, StringComparison.Ordinal))];

    /// <summary>
    /// Completes once <paramref name="count"/> lines contain <paramref name="text"/>; fails, quoting
    /// every line, when that takes longer than 30 s.
    /// </summary>
    public async Task WhenAsync(string text, int count = 1)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Condition(IReadOnlyList<string> lines) =>
            lines.Count(l => l.Contains(text, StringComparison.Ordinal)) >= count;
        lock (_gate)
        {
            if (Condition(_lines))
            {
                return;
            }

            _waiters.Add((Condition, met));
        }

        if (await Task.WhenAny(met.Task, Task.Delay(Patience)) != met.Task)
        {
            Assert.Fail($"No {count} line(s) with '{text}' after {Patience}:\n{string.Join('\n', All)}");
        }
    }

    public ILogger CreateLogger(string categoryName) => categoryName.StartsWith("Connector", StringComparison.Ordinal)
        ? this
        : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

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
        lock (_gate)
        {
            _lines.Add($"{logLevel}: {formatter(state, exception)}");
            foreach (var waiter in _waiters.Where(w => w.Condition(_lines)))
            {
                waiter.Met.TrySetResult();
            }

            _waiters.RemoveAll(w => w.Met.Task.IsCompleted);
        }
    }

    public void Dispose()
    {
    }
}
