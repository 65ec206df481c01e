using System.Collections.Concurrent;
using System.Globalization;

namespace Connector.Runtime.Http.RateLimiting;

/// <summary>
/// Spends a vendor's request budgets per key (a location), waiting before a request rather than
/// being refused after it, and tightening itself from the vendor's rate-limit headers. One instance
/// serves every caller of a connector in the process.
/// </summary>
public sealed class RateLimiter
{
    private readonly IReadOnlyList<RateBudget> _budgets;
    private readonly RateLimiterOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, KeyState> _states = new(StringComparer.Ordinal);

    public RateLimiter(IReadOnlyList<RateBudget> budgets, RateLimiterOptions? options = null, TimeProvider? time = null)
    {
        _budgets = budgets;
        _options = options ?? new RateLimiterOptions();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Waits until every budget of <paramref name="key"/> has room, then spends one request of each. Pass the
    /// lease to <see cref="Complete"/> when the request is answered: its place in the window is then held
    /// from the answer on, since the vendor counted it on arrival, which may be later than it was sent.
    /// </summary>
    /// <exception cref="RateLimitWaitException">
    /// The wait would be longer than <see cref="RateLimiterOptions.MaxWait"/>.
    /// </exception>
    public async ValueTask<RateLease> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        if (!_options.Enabled || _budgets.Count == 0)
        {
            return default;
        }

        var state = _states.GetOrAdd(key, _ => new KeyState(_budgets, _options.SafetyMargin));
        var waited = TimeSpan.Zero;
        while (true)
        {
            var now = _time.GetUtcNow();
            var (wait, budget) = state.TryTake(now);
            if (wait <= TimeSpan.Zero)
            {
                return new RateLease(key, now);
            }

            if (waited + wait > _options.MaxWait)
            {
                throw new RateLimitWaitException(budget!.Name, key, wait);
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            waited += wait;
        }
    }

    /// <summary>
    /// The request of <paramref name="lease"/> was answered, or failed: see <see cref="AcquireAsync"/>.
    /// </summary>
    public void Complete(RateLease lease)
    {
        if (lease.Key is null || !_states.TryGetValue(lease.Key, out var state))
        {
            return;
        }

        var now = _time.GetUtcNow();
        lock (state)
        {
            foreach (var window in state.Windows)
            {
                window.Complete(lease.SentAt, now);
            }
        }
    }

    /// <summary>Takes in what a response says of the budgets left.</summary>
    public void Observe(string key, Func<string, string?> header, bool rateLimited)
    {
        if (!_options.Enabled || _budgets.Count == 0)
        {
            return;
        }

        var state = _states.GetOrAdd(key, _ => new KeyState(_budgets, _options.SafetyMargin));
        var now = _time.GetUtcNow();
        lock (state)
        {
            foreach (var window in state.Windows)
            {
                window.Observe(now, header, rateLimited);
            }
        }
    }

    /// <summary>What is left of each budget of <paramref name="key"/> now, by budget name.</summary>
    public IReadOnlyDictionary<string, int> Remaining(string key)
    {
        var state = _states.GetOrAdd(key, _ => new KeyState(_budgets, _options.SafetyMargin));
        var now = _time.GetUtcNow();
        lock (state)
        {
            return state.Windows.ToDictionary(w => w.Budget.Name, w => w.Remaining(now));
        }
    }

    private sealed class KeyState(IReadOnlyList<RateBudget> budgets, TimeSpan margin)
    {
        public BudgetWindow[] Windows { get; } = [.. budgets.Select(b => BudgetWindow.For(b, margin))];

        public (TimeSpan Wait, RateBudget? Budget) TryTake(DateTimeOffset now)
        {
            lock (this)
            {
                var longest = TimeSpan.Zero;
                RateBudget? blocking = null;
                foreach (var window in Windows)
                {
                    var wait = window.WaitFor(now);
                    if (wait > longest)
                    {
                        (longest, blocking) = (wait, window.Budget);
                    }
                }

                if (longest > TimeSpan.Zero)
                {
                    return (longest, blocking);
                }

                foreach (var window in Windows)
                {
                    window.Take(now);
                }

                return (TimeSpan.Zero, null);
            }
        }
    }

    internal static int? ReadInt(Func<string, string?> header, string? name) =>
        name is not null && header(name) is { } text
        && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? (int)Math.Clamp(value, int.MinValue, int.MaxValue)
            : null;
}
