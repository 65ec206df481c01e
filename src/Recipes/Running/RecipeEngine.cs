using System.Text.Json.Nodes;
using Connector.Operations.Invoking;
using Connector.Recipes.Definitions;
using Connector.Recipes.Storage;
using Connector.Runtime.Scripting;

namespace Connector.Recipes.Running;

/// <summary>
/// Polls recipes and runs what they fire. One per process: the invoker it uses shares rate budgets
/// across every recipe.
/// </summary>
public sealed class RecipeEngine
{
    private readonly TriggerPoller _poller;
    private readonly RunExecutor _executor;
    private readonly RunPlanner _planner;
    private readonly Func<RecipeDefinition, string, ConnectionContext> _connections;

    /// <param name="connections">The connection a recipe uses for a connector (key), ready to invoke with.</param>
    public RecipeEngine(
        OperationInvoker invoker,
        RunStore store,
        Func<RecipeDefinition, string, ConnectionContext> connections,
        ScriptLimits? limits = null,
        TimeProvider? time = null)
    {
        Store = store;
        _connections = connections;
        _poller = new TriggerPoller(invoker, store);
        var scripts = new RunScripts(limits ?? ScriptLimits.Default);
        _executor = new RunExecutor(invoker, store, scripts, time ?? TimeProvider.System);
        _planner = new RunPlanner(invoker, scripts, store);
        Invoker = invoker;
    }

    public RunStore Store { get; }

    public OperationInvoker Invoker { get; }

    /// <summary>Polls the trigger once and queues a run for each item that fires.</summary>
    public Task<IReadOnlyList<RunRecord>> PollAsync(
        RecipeDefinition recipe,
        CancellationToken cancellationToken = default) =>
        _poller.PollAsync(recipe, TriggerConnection(recipe), cancellationToken);

    /// <summary>What the trigger would fire now, without remembering it.</summary>
    public Task<IReadOnlyList<PolledItem>> PreviewPollAsync(
        RecipeDefinition recipe,
        CancellationToken cancellationToken = default) =>
        _poller.FindAsync(recipe, TriggerConnection(recipe), cancellationToken);

    /// <summary>A dry run of <paramref name="item"/> through the recipe's steps; nothing that writes is sent.</summary>
    public Task<IReadOnlyList<PlannedStep>> PlanAsync(
        RecipeDefinition recipe,
        JsonNode? item,
        CancellationToken cancellationToken = default) =>
        _planner.PlanAsync(recipe, item, connector => _connections(recipe, connector), cancellationToken);

    /// <summary>Runs (or resumes) one queued run of the recipe.</summary>
    public Task<RunStatus> RunAsync(
        RecipeDefinition recipe,
        RunRecord run,
        CancellationToken cancellationToken = default) =>
        _executor.ExecuteAsync(recipe, run, connector => _connections(recipe, connector), cancellationToken);

    /// <summary>Runs every unfinished run of the recipe, oldest first, including those a crash interrupted.</summary>
    public async Task<IReadOnlyList<(RunRecord Run, RunStatus Status)>> RunPendingAsync(
        RecipeDefinition recipe,
        CancellationToken cancellationToken = default)
    {
        var results = new List<(RunRecord, RunStatus)>();
        foreach (var run in Store.Unfinished(recipe.Name))
        {
            var status = await RunAsync(recipe, run, cancellationToken).ConfigureAwait(false);
            results.Add((run, status));
            if (status == RunStatus.Paused)
            {
                break;
            }
        }

        return results;
    }

    /// <summary>Polls once, then runs what fired (and what an earlier process left unfinished).</summary>
    public async Task<PollSummary> PollAndRunAsync(
        RecipeDefinition recipe,
        CancellationToken cancellationToken = default)
    {
        var fired = await PollAsync(recipe, cancellationToken).ConfigureAwait(false);
        var runs = await RunPendingAsync(recipe, cancellationToken).ConfigureAwait(false);
        return new PollSummary(recipe.Name, fired.Count, runs);
    }

    /// <summary>Queues a replay of <paramref name="runId"/> from its failed step, and runs it.</summary>
    public async Task<RunRecord> ReplayAsync(
        RecipeDefinition recipe,
        string runId,
        CancellationToken cancellationToken = default)
    {
        var replay = Store.Replay(runId);
        await _executor.ExecuteAsync(recipe, replay, connector => _connections(recipe, connector), cancellationToken)
            .ConfigureAwait(false);
        return Store.Find(replay.Id)!;
    }

    private ConnectionContext TriggerConnection(RecipeDefinition recipe) =>
        _connections(recipe, Invoker.Catalog.Get(recipe.Trigger.Operation).Connector.Key);
}
