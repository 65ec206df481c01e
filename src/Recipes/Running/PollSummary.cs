using Connector.Recipes.Storage;

namespace Connector.Recipes.Running;

/// <summary>What one poll of a recipe did.</summary>
public sealed record PollSummary(string Recipe, int Fired, IReadOnlyList<(RunRecord Run, RunStatus Status)> Runs)
{
    public int Succeeded => Runs.Count(r => r.Status == RunStatus.Succeeded);

    public int Failed => Runs.Count(r => r.Status == RunStatus.Failed);

    public int Stopped => Runs.Count(r => r.Status == RunStatus.Stopped);

    public int Paused => Runs.Count(r => r.Status == RunStatus.Paused);

    public override string ToString() =>
        $"{Recipe}: {Fired} fired, {Succeeded} succeeded, {Failed} failed, {Stopped} stopped, {Paused} paused";
}
