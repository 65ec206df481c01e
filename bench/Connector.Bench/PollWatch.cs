using System.Collections.Concurrent;
using Quartz;

namespace Connector.Bench;

/// <summary>
/// Listens to the host's Quartz scheduler: when each poll was due, when it started, how long it took, and the
/// polls that Quartz gave up on as misfired.
/// </summary>
internal sealed class PollWatch : IJobListener, ITriggerListener
{
    private readonly ConcurrentDictionary<string, byte> _polled = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly List<PollSample> _samples = [];
    private int _misfired;

    public string Name => "bench-poll-watch";

    /// <summary>Recipes that have finished at least one poll.</summary>
    public int RecipesPolled => _polled.Count;

    public int Misfired => Volatile.Read(ref _misfired);

    /// <summary>The polls that started within [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public IReadOnlyList<PollSample> StartedBetween(DateTimeOffset from, DateTimeOffset to)
    {
        lock (_gate)
        {
            return [.. _samples.Where(s => s.Started >= from && s.Started < to)];
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _samples.Count;
            }
        }
    }

    public Task JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // Kept on the context so that the sample is whole when the poll ends.
        context.Put(Name, DateTimeOffset.UtcNow);
        return Task.CompletedTask;
    }

    public Task JobWasExecuted(
        IJobExecutionContext context,
        JobExecutionException? jobException,
        CancellationToken cancellationToken = default)
    {
        var started = (DateTimeOffset)context.Get(Name)!;
        var sample = new PollSample(context.ScheduledFireTimeUtc ?? started, started, context.JobRunTime);
        lock (_gate)
        {
            _samples.Add(sample);
        }

        _polled.TryAdd(context.JobDetail.Key.Name, 0);
        return Task.CompletedTask;
    }

    public Task JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public Task TriggerMisfired(ITrigger trigger, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _misfired);
        return Task.CompletedTask;
    }

    public Task TriggerFired(
        ITrigger trigger,
        IJobExecutionContext context,
        CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    public Task<bool> VetoJobExecution(
        ITrigger trigger,
        IJobExecutionContext context,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(false);

    public Task TriggerComplete(
        ITrigger trigger,
        IJobExecutionContext context,
        SchedulerInstruction triggerInstructionCode,
        CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
