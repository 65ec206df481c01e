namespace Connector.Sandbox;

/// <summary>
/// Failures queued for the next requests: each injected fault answers that many requests, in the order
/// they were injected, in place of their real responses. Off (empty) by default. Requests to the
/// sandbox's own admin routes (<c>/_sandbox/...</c>) are never faulted. Safe to use from any thread.
/// </summary>
public sealed class SandboxFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<(SandboxFault Fault, int Remaining)> _queue = new();

    // Read without the lock on every request, so that a sandbox without faults never contends for it.
    private int _pending;

    /// <summary>How many requests are still to be faulted.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>Makes the next <paramref name="count"/> requests (after those already queued) fail so.</summary>
    public void Inject(SandboxFault fault, int count = 1)
    {
        if (!Enum.IsDefined(fault))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown fault.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _queue.Enqueue((fault, count));
            _pending += count;
        }
    }

    /// <summary>Drops every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _pending = 0;
        }
    }

    internal bool TryTake(out SandboxFault fault)
    {
        fault = default;
        if (Volatile.Read(ref _pending) == 0)
        {
            return false;
        }

        lock (_gate)
        {
            if (!_queue.TryPeek(out var head))
            {
                return false;
            }

            fault = head.Fault;
            _queue.Dequeue();
            _pending--;
            if (head.Remaining > 1)
            {
                // Put the rest back at the front: rebuild keeps the order without a deque type.
                var rest = _queue.ToArray();
                _queue.Clear();
                _queue.Enqueue((head.Fault, head.Remaining - 1));
                foreach (var entry in rest)
                {
                    _queue.Enqueue(entry);
                }
            }

            return true;
        }
    }
}
