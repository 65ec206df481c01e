using System.Diagnostics;
using Jint;

namespace Connector.Runtime.Scripting;

/// <summary>
/// A time bound that runs only while a script runs, not while its engine is being set up, so that a
/// cold start is never charged to the script.
/// </summary>
internal sealed class RunDeadline : Constraint
{
    private long _deadline = long.MaxValue;

    public void Begin(TimeSpan timeout) =>
        _deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);

    public void End() => _deadline = long.MaxValue;

    public override void Check()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new TimeoutException("The script ran out of time.");
        }
    }

    public override void Reset()
    {
    }
}
