namespace Connector.Runtime.Http.RateLimiting;

/// <summary>The requests one budget has seen, and when it has room again. Callers hold the key's lock.</summary>
internal abstract class BudgetWindow(RateBudget budget)
{
    // Windows up to this long keep every request's time (a sliding log); longer ones count per window.
    private static readonly TimeSpan SlidingLimit = TimeSpan.FromMinutes(5);

    public RateBudget Budget { get; } = budget;

    /// <summary>The budget's size: the configured one, lowered when the vendor reports a smaller one.</summary>
    protected int Limit { get; set; } = budget.Limit;

    public static BudgetWindow For(RateBudget budget, TimeSpan margin) => budget.Window <= SlidingLimit
        ? new SlidingWindow(budget, margin)
        : new FixedWindow(budget);

    /// <summary>How long until one more request fits; zero when it fits now.</summary>
    public abstract TimeSpan WaitFor(DateTimeOffset now);

    public abstract void Take(DateTimeOffset now);

    /// <summary>
    /// A request taken at <paramref name="sentAt"/> has been answered (or has failed) at
    /// <paramref name="now"/>. The vendor counted it when it arrived, somewhere in between; holding its place
    /// until the answer keeps a slow or delayed request from being counted out of our window while the
    /// vendor still counts it in its own.
    /// </summary>
    public virtual void Complete(DateTimeOffset sentAt, DateTimeOffset now)
    {
    }

    public abstract int Remaining(DateTimeOffset now);

    /// <summary>
    /// Requests sent within a window and a little before it: the most the vendor can still be counting.
    /// </summary>
    protected abstract int RecentCount(DateTimeOffset now);

    /// <summary>Counts requests the vendor saw that this process did not send (another host, another tool).</summary>
    protected abstract void Reserve(DateTimeOffset now, int count);

    /// <summary>Holds the budget shut until <paramref name="until"/>.</summary>
    protected abstract void Close(DateTimeOffset now, DateTimeOffset until);

    protected abstract DateTimeOffset NextRoom(DateTimeOffset now);

    public void Observe(DateTimeOffset now, Func<string, string?> header, bool rateLimited)
    {
        if (RateLimiter.ReadInt(header, Budget.LimitHeader) is { } limit and > 0)
        {
            Limit = Math.Min(limit, Budget.Limit);
        }

        // The vendor counted this request when it arrived, not when it answered: compare its count with
        // ours over a slightly longer look back, so that our own requests that have just left our window
        // are not mistaken for someone else's.
        var remaining = RateLimiter.ReadInt(header, Budget.RemainingHeader);
        if (remaining is { } left && Limit - left > RecentCount(now))
        {
            Reserve(now, Limit - left - RecentCount(now));
        }

        // A 429 names the spent budget only through its remaining header. One without it is the burst
        // limit: closing a daily budget on it would refuse every request for the rest of the day.
        if (rateLimited && (remaining <= 0 || (remaining is null && Budget.Window <= SlidingLimit)))
        {
            var reset = RateLimiter.ReadInt(header, Budget.ResetHeader);
            Close(now, reset is { } ms and > 0 ? now.AddMilliseconds(ms) : NextRoom(now));
        }
    }

    private sealed class SlidingWindow(RateBudget budget, TimeSpan margin) : BudgetWindow(budget)
    {
        // How long past the window a request is remembered for comparing counts with the vendor's.
        private static readonly TimeSpan LookBack = TimeSpan.FromSeconds(1);

        // Oldest first: when each request was sent, or answered once it was.
        private readonly LinkedList<DateTimeOffset> _sent = new();
        private readonly TimeSpan _window = budget.Window + margin;
        private DateTimeOffset _closedUntil;

        public override TimeSpan WaitFor(DateTimeOffset now)
        {
            Forget(now);
            if (now < _closedUntil)
            {
                return _closedUntil - now;
            }

            var (count, oldest) = InWindow(now);
            return count < Limit ? TimeSpan.Zero : oldest + _window - now;
        }

        protected override int RecentCount(DateTimeOffset now)
        {
            Forget(now);
            return _sent.Count;
        }

        // The requests inside the window, and the oldest of them; the queue also holds the look-back.
        private (int Count, DateTimeOffset Oldest) InWindow(DateTimeOffset now)
        {
            var count = _sent.Count;
            var oldest = DateTimeOffset.MaxValue;
            foreach (var sent in _sent)
            {
                if (sent + _window > now)
                {
                    oldest = sent;
                    break;
                }

                count--;
            }

            return (count, oldest);
        }

        public override void Take(DateTimeOffset now) => _sent.AddLast(now);

        public override void Complete(DateTimeOffset sentAt, DateTimeOffset now)
        {
            var taken = _sent.Find(sentAt);
            if (taken is null || now <= sentAt)
            {
                // Already forgotten, or answered within the same tick.
                return;
            }

            _sent.Remove(taken);
            var after = _sent.Last;
            while (after is not null && after.Value > now)
            {
                after = after.Previous;
            }

            if (after is null)
            {
                _sent.AddFirst(now);
            }
            else
            {
                _sent.AddAfter(after, now);
            }
        }

        public override int Remaining(DateTimeOffset now)
        {
            Forget(now);
            return Math.Max(0, Limit - InWindow(now).Count);
        }

        protected override void Reserve(DateTimeOffset now, int count)
        {
            for (var i = 0; i < count; i++)
            {
                _sent.AddLast(now);
            }
        }

        protected override void Close(DateTimeOffset now, DateTimeOffset until) => _closedUntil = until;

        protected override DateTimeOffset NextRoom(DateTimeOffset now) =>
            InWindow(now) is { Count: > 0 } inWindow ? inWindow.Oldest + _window : now + _window;

        private void Forget(DateTimeOffset now)
        {
            while (_sent.First is { } oldest && oldest.Value + _window + LookBack <= now)
            {
                _sent.RemoveFirst();
            }
        }
    }

    private sealed class FixedWindow(RateBudget budget) : BudgetWindow(budget)
    {
        private DateTimeOffset _start = DateTimeOffset.MinValue;
        private int _used;

        public override TimeSpan WaitFor(DateTimeOffset now)
        {
            Roll(now);
            return _used < Limit ? TimeSpan.Zero : _start + Budget.Window - now;
        }

        public override void Take(DateTimeOffset now)
        {
            Roll(now);
            _used++;
        }

        public override int Remaining(DateTimeOffset now)
        {
            Roll(now);
            return Math.Max(0, Limit - _used);
        }

        protected override void Reserve(DateTimeOffset now, int count)
        {
            Roll(now);
            _used += count;
        }

        protected override int RecentCount(DateTimeOffset now)
        {
            Roll(now);
            return _used;
        }

        protected override void Close(DateTimeOffset now, DateTimeOffset until)
        {
            _start = until - Budget.Window;
            _used = Limit;
        }

        protected override DateTimeOffset NextRoom(DateTimeOffset now) => _start + Budget.Window;

        private void Roll(DateTimeOffset now)
        {
            if (now >= _start + Budget.Window)
            {
                (_start, _used) = (now, 0);
            }
        }
    }
}
