using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Connector.Sandbox.Checks;

/// <summary>
/// The vendor's request budgets, per location (or company): a sliding burst window (a request counts
/// until exactly one window after it was made) and a count per UTC day. A refused request uses nothing.
/// </summary>
internal sealed class RateLimiter(TimeProvider time, SandboxRateLimits limits)
{
    private const long DayMilliseconds = 86_400_000;

    private readonly ConcurrentDictionary<string, Budget> _budgets = new(StringComparer.Ordinal);
    private volatile SandboxRateLimits _limits = limits;

    public SandboxRateLimits Limits
    {
        get => _limits;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            _limits = value;
        }
    }

    /// <summary>Counts a request against a resource's budgets when they allow it.</summary>
    public RateDecision Take(string resource)
    {
        var limits = _limits;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = (long)limits.BurstWindow.TotalMilliseconds;
        var budget = _budgets.GetOrAdd(resource, _ => new Budget());
        lock (budget)
        {
            while (budget.Stamps.TryPeek(out var oldest) && oldest <= now - window)
            {
                budget.Stamps.Dequeue();
            }

            var day = now / DayMilliseconds;
            if (day != budget.Day)
            {
                budget.Day = day;
                budget.DailyCount = 0;
            }

            var allowed = budget.Stamps.Count < limits.BurstLimit && budget.DailyCount < limits.DailyLimit;
            if (allowed)
            {
                budget.Stamps.Enqueue(now);
                budget.DailyCount++;
            }

            return new RateDecision(
                allowed,
                limits.BurstLimit,
                Math.Max(0, limits.BurstLimit - budget.Stamps.Count),
                window,
                limits.DailyLimit,
                Math.Max(0, limits.DailyLimit - budget.DailyCount),
                ((day + 1) * DayMilliseconds) - now);
        }
    }

    /// <summary>Forgets every count (a reset sandbox starts with full budgets).</summary>
    public void Clear() => _budgets.Clear();

    /// <summary>The vendor's five budget headers, and the daily reset its SDK reads.</summary>
    public static void WriteHeaders(IHeaderDictionary headers, RateDecision decision)
    {
        headers["X-RateLimit-Limit-Daily"] = Text(decision.DailyLimit);
        headers["X-RateLimit-Daily-Remaining"] = Text(decision.DailyRemaining);
        headers["X-RateLimit-Interval-Milliseconds"] = Text(decision.WindowMilliseconds);
        headers["X-RateLimit-Max"] = Text(decision.BurstLimit);
        headers["X-RateLimit-Remaining"] = Text(decision.BurstRemaining);
        headers["X-RateLimit-Daily-Reset"] = Text(decision.DailyResetMilliseconds);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Budget
    {
        public Queue<long> Stamps { get; } = new();

        public long Day { get; set; } = -1;

        public int DailyCount { get; set; }
    }
}
