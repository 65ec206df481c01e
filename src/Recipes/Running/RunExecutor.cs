using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Operations.Invoking;
using Connector.Recipes.Definitions;
using Connector.Recipes.Storage;
using Connector.Runtime.Auth;
using Connector.Runtime.Http;
using Connector.Runtime.Json;
using Connector.Runtime.Scripting;
using Connector.Runtime.Templating;

namespace Connector.Recipes.Running;

/// <summary>
/// Runs the steps of one run, recording each step's start before it acts and its result after, so
/// that a run interrupted at any moment resumes at the unfinished step and never repeats one that
/// succeeded. A create that may have reached the vendor is reconciled before it is tried again.
/// </summary>
internal sealed class RunExecutor(OperationInvoker invoker, RunStore store, RunScripts scripts, TimeProvider time)
{
    public async Task<RunStatus> ExecuteAsync(
        RecipeDefinition recipe,
        RunRecord run,
        Func<string, ConnectionContext> connections,
        CancellationToken cancellationToken)
    {
        store.MarkRun(run.Id, RunStatus.Running);
        var done = store.Steps(run.Id).ToDictionary(s => s.Step, StringComparer.Ordinal);
        var scope = new JsonObject
        {
            ["trigger"] = run.Trigger?.DeepClone(),
            ["steps"] = new JsonObject(),
            ["run"] = new JsonObject { ["id"] = run.Id, ["recipe"] = recipe.Name },
        };
        foreach (var step in recipe.Steps)
        {
            if (done.TryGetValue(step.Key, out var record) && IsSettled(record, step))
            {
                if (record.Status == StepStatus.Stopped)
                {
                    store.MarkRun(run.Id, RunStatus.Stopped);
                    return RunStatus.Stopped;
                }

                scope["steps"]![step.Key] = record.Output?.DeepClone();
                continue;
            }

            StepOutcome outcome;
            try
            {
                outcome = await RunStepAsync(recipe, step, scope, run, record, connections, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (ReauthorizationRequiredException paused)
            {
                store.MarkRun(run.Id, RunStatus.Paused, paused.Message);
                return RunStatus.Paused;
            }

            scope["steps"]![step.Key] = outcome.Output?.DeepClone();
            if (outcome.Status == StepStatus.Stopped)
            {
                store.MarkRun(run.Id, RunStatus.Stopped);
                return RunStatus.Stopped;
            }

            if (outcome.Status == StepStatus.Failed && step.OnError.Mode != ErrorMode.Continue)
            {
                store.MarkRun(run.Id, RunStatus.Failed, $"step '{step.Key}': {outcome.Error}");
                return RunStatus.Failed;
            }
        }

        store.MarkRun(run.Id, RunStatus.Succeeded);
        return RunStatus.Succeeded;
    }

    private async Task<StepOutcome> RunStepAsync(
        RecipeDefinition recipe,
        RecipeStep step,
        JsonObject scope,
        RunRecord run,
        StepRecord? earlier,
        Func<string, ConnectionContext> connections,
        CancellationToken cancellationToken)
    {
        bool skip;
        List<JsonNode?>? elements;
        try
        {
            skip = step.When is not null && !Truthy(scripts.When(recipe, step).Run(Arguments(scope), out _));
            elements = skip || step.ForEach is null ? null : scripts.Elements(recipe, step, Arguments(scope));
        }
        catch (ScriptException error)
        {
            return Settle(run, step, new StepOutcome(StepStatus.Failed, null, error.Message));
        }

        if (skip || elements is { Count: 0 })
        {
            // Nothing to do: a condition that does not hold, or a forEach over nothing.
            var nothing = skip
                ? new StepOutcome(StepStatus.Skipped, null)
                : new StepOutcome(StepStatus.Succeeded, new JsonArray());
            return Settle(run, step, nothing);
        }

        JsonNode input = elements is null
            ? StepInputs.Render(step.Inputs, scope)
            : StepInputs.RenderEach(step.Inputs, scope, elements);
        var progress = elements is null ? null : Progress(earlier);
        if (earlier is { Status: StepStatus.Started } && step.Kind == StepKind.Action && step.Reconcile is not null
            && await ReconcileInterruptedAsync(
                    recipe, step, scope, run, elements, progress, connections, cancellationToken)
                .ConfigureAwait(false) is { } reconciled)
        {
            return reconciled;
        }

        var attempts = step.OnError.Mode == ErrorMode.Retry ? step.OnError.Attempts : 1;
        var failed = earlier is { Status: StepStatus.Failed } ? earlier.Attempts : 0;
        if (failed >= attempts)
        {
            // The process died after recording the last attempt's failure and before failing the run.
            return new StepOutcome(StepStatus.Failed, null, earlier!.Error);
        }

        if (failed > 0)
        {
            // It died while waiting to try again: wait out what is left of that backoff.
            var due = earlier!.FinishedAt + Backoff(step, failed);
            await WaitUntilAsync(due, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = failed + 1; ; attempt++)
        {
            store.StartStep(run.Id, step.Key, step.Index, input);
            var started = time.GetTimestamp();
            var outcome = progress is null
                ? await TryStepAsync(recipe, step, (JsonObject)input, scope, connections, cancellationToken)
                    .ConfigureAwait(false)
                : await TryEachAsync(run, step, (JsonArray)input, progress, connections, cancellationToken)
                    .ConfigureAwait(false);
            store.FinishStep(
                run.Id, step.Key, outcome.Status, outcome.Output, outcome.Error, time.GetElapsedTime(started));
            if (outcome.Status != StepStatus.Failed || attempt >= attempts)
            {
                return outcome;
            }

            await Task.Delay(Backoff(step, attempt), time, cancellationToken).ConfigureAwait(false);
        }
    }

    // A step recorded as failed is settled only when its run goes on past failures; otherwise the run was
    // stopped by a crash before it could retry the step or fail, and the step is not done.
    // A replay carries a failed forEach step over with no attempts, to resume it: that one is not settled either.
    private static bool IsSettled(StepRecord record, RecipeStep step) => record.Status switch
    {
        StepStatus.Started => false,
        StepStatus.Failed => record.Attempts > 0 && step.OnError.Mode == ErrorMode.Continue,
        _ => true,
    };

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: the backoff, doubled each time.</summary>
    private static TimeSpan Backoff(RecipeStep step, int attempt) =>
        step.OnError.Backoff * Math.Pow(2, attempt - 1);

    private async Task WaitUntilAsync(DateTimeOffset? due, CancellationToken cancellationToken)
    {
        var wait = due - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait.Value, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<StepOutcome> TryStepAsync(
        RecipeDefinition recipe,
        RecipeStep step,
        JsonObject input,
        JsonObject scope,
        Func<string, ConnectionContext> connections,
        CancellationToken cancellationToken)
    {
        try
        {
            switch (step.Kind)
            {
                case StepKind.Filter:
                    var holds = Truthy(scripts.Filter(recipe, step).Run(Arguments(scope), out _));
                    return new StepOutcome(
                        holds ? StepStatus.Succeeded : StepStatus.Stopped, new JsonObject { ["passed"] = holds });
                case StepKind.Code:
                    return new StepOutcome(
                        StepStatus.Succeeded, scripts.Code(recipe, step).Run(Arguments(scope), out _));
                case StepKind.Lookup:
                    var recalled = store.Recall(step.Map!, MapKey(step, scope));
                    return recalled is null && step.StopWhenNotFound
                        ? new StepOutcome(StepStatus.Stopped, null)
                        : new StepOutcome(StepStatus.Succeeded, recalled);
                case StepKind.Remember:
                    var value = JsonTemplate.Compile(step.MapValue?.DeepClone()).Render(scope);
                    store.Remember(step.Map!, MapKey(step, scope), value);
                    return new StepOutcome(StepStatus.Succeeded, value);
                default:
                    var op = invoker.Catalog.Get(step.Operation!);
                    var result = await invoker.InvokeAsync(
                            op.Key, input, connections(op.Connector.Key), cancellationToken)
                        .ConfigureAwait(false);
                    var found = result.Output is not (null or JsonArray { Count: 0 });
                    return step.Kind == StepKind.Search && !found && step.StopWhenNotFound
                        ? new StepOutcome(StepStatus.Stopped, null)
                        : new StepOutcome(StepStatus.Succeeded, result.Output);
            }
        }
        catch (Exception error) when (error is OperationException or ScriptException)
        {
            return new StepOutcome(StepStatus.Failed, null, error.Message);
        }
    }

    /// <summary>
    /// Runs a forEach step's action for each element not yet done, recording each result as it comes, so
    /// that neither a retry nor a crash sends an element that succeeded again. An element that fails ends
    /// the step there, unless the step's policy is continue: then its output is <c>{"error": ...}</c>, the
    /// other elements still run, and the step counts as failed.
    /// </summary>
    private async Task<StepOutcome> TryEachAsync(
        RunRecord run,
        RecipeStep step,
        JsonArray inputs,
        JsonArray progress,
        Func<string, ConnectionContext> connections,
        CancellationToken cancellationToken)
    {
        var op = invoker.Catalog.Get(step.Operation!);
        var connection = connections(op.Connector.Key);
        var errors = new List<string>();
        for (var i = progress.Count; i < inputs.Count; i++)
        {
            var input = (JsonObject)inputs[i]!.DeepClone();
            try
            {
                var result = await invoker.InvokeAsync(op.Key, input, connection, cancellationToken)
                    .ConfigureAwait(false);
                progress.Add(result.Output?.DeepClone());
            }
            catch (OperationException error) when (step.OnError.Mode == ErrorMode.Continue)
            {
                errors.Add($"element {i}: {error.Message}");
                progress.Add(new JsonObject { ["error"] = error.Message });
            }
            catch (OperationException error)
            {
                return new StepOutcome(StepStatus.Failed, progress.DeepClone(), $"element {i}: {error.Message}");
            }

            store.RecordProgress(run.Id, step.Key, progress);
        }

        return errors.Count == 0
            ? new StepOutcome(StepStatus.Succeeded, progress.DeepClone())
            : new StepOutcome(StepStatus.Failed, progress.DeepClone(), string.Join("; ", errors));
    }

    // Records a step that settled without acting.
    private StepOutcome Settle(RunRecord run, RecipeStep step, StepOutcome outcome)
    {
        store.StartStep(run.Id, step.Key, step.Index, null);
        store.FinishStep(run.Id, step.Key, outcome.Status, outcome.Output, outcome.Error, TimeSpan.Zero);
        return outcome;
    }

    // What an earlier attempt of a forEach step recorded as done; nothing when it never ran.
    private static JsonArray Progress(StepRecord? earlier) =>
        earlier?.Output is JsonArray done ? (JsonArray)done.DeepClone() : [];

    /// <summary>
    /// After a crash mid-step: looks for what the action in flight (the single one, or the forEach element
    /// after the last recorded) would have made. A single action found is the step's outcome; a forEach element
    /// found is recorded as done, and the step goes on from the next. Null: go on trying.
    /// </summary>
    private async Task<StepOutcome?> ReconcileInterruptedAsync(
        RecipeDefinition recipe,
        RecipeStep step,
        JsonObject scope,
        RunRecord run,
        List<JsonNode?>? elements,
        JsonArray? progress,
        Func<string, ConnectionContext> connections,
        CancellationToken cancellationToken)
    {
        if (progress is not null && progress.Count >= elements!.Count)
        {
            return null;
        }

        var each = progress is null ? null : elements![progress.Count];
        var found = await ReconcileAsync(recipe, step, scope, each, connections, cancellationToken)
            .ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        if (progress is not null)
        {
            progress.Add(found);
            store.RecordProgress(run.Id, step.Key, progress);
            return null;
        }

        store.FinishStep(run.Id, step.Key, StepStatus.Succeeded, found, null, TimeSpan.Zero);
        return new StepOutcome(StepStatus.Succeeded, found);
    }

    /// <summary>Looks for what an interrupted create would have made; its output when found, else null.</summary>
    private async Task<JsonNode?> ReconcileAsync(
        RecipeDefinition recipe,
        RecipeStep step,
        JsonObject scope,
        JsonNode? each,
        Func<string, ConnectionContext> connections,
        CancellationToken cancellationToken)
    {
        var reconcile = step.Reconcile!;
        var listing = invoker.Catalog.Get(reconcile.Operation);
        var inputs = StepInputs.Render(reconcile.Inputs, scope, each);
        var result = await invoker.InvokeAsync(
                listing.Key, inputs, connections(listing.Connector.Key), cancellationToken)
            .ConfigureAwait(false);
        var items = JsonPath.Get(result.Output, reconcile.Items ?? listing.Trigger?.Items) switch
        {
            JsonArray array => [.. array],
            null => new List<JsonNode?>(),
            var single => [single],
        };
        var match = scripts.Match(recipe, step);
        return items
            .FirstOrDefault(item =>
                Truthy(match.Run([item, scope["trigger"], scope["steps"], scope["run"], each], out _)))
            ?.DeepClone();
    }

    private static string MapKey(RecipeStep step, JsonObject scope) =>
        JsonTemplate.Compile(step.MapKey).Render(scope)?.ToString() ?? "";

    private static JsonNode?[] Arguments(JsonObject scope) => [scope["trigger"], scope["steps"], scope["run"]];

    /// <summary>JavaScript's truthiness of a script's result.</summary>
    internal static bool Truthy(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null or JsonValueKind.False => false,
        JsonValueKind.Number => value.GetValue<double>() != 0,
        JsonValueKind.String => value.GetValue<string>().Length > 0,
        _ => true,
    };
}
