using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Recipes.Definitions;
using Connector.Recipes.Storage;
using Connector.Runtime.Http;
using Connector.Runtime.Scripting;
using Connector.Runtime.Templating;

namespace Connector.Recipes.Running;

/// <summary>
/// A dry run of one item through a recipe's steps: filters and code run, searches that only read are
/// sent, and every write is shown as the request it would be, with the operation's sample as its output.
/// </summary>
internal sealed class RunPlanner(OperationInvoker invoker, RunScripts scripts, RunStore store)
{
    public async Task<IReadOnlyList<PlannedStep>> PlanAsync(
        RecipeDefinition recipe,
        JsonNode? item,
        Func<string, ConnectionContext> connections,
        CancellationToken cancellationToken)
    {
        var scope = new JsonObject
        {
            ["trigger"] = item?.DeepClone(),
            ["steps"] = new JsonObject(),
            ["run"] = new JsonObject { ["id"] = "dry-run", ["recipe"] = recipe.Name },
        };
        var plan = new List<PlannedStep>();
        foreach (var step in recipe.Steps)
        {
            var (planned, output, stop) = await PlanStepAsync(recipe, step, scope, connections, cancellationToken)
                .ConfigureAwait(false);
            plan.Add(planned);
            scope["steps"]![step.Key] = output?.DeepClone();
            if (stop)
            {
                break;
            }
        }

        return plan;
    }

    private async Task<(PlannedStep, JsonNode?, bool Stop)> PlanStepAsync(
        RecipeDefinition recipe,
        RecipeStep step,
        JsonObject scope,
        Func<string, ConnectionContext> connections,
        CancellationToken cancellationToken)
    {
        JsonNode?[] arguments = [scope["trigger"], scope["steps"], scope["run"]];
        try
        {
            if (step.When is not null && !RunExecutor.Truthy(scripts.When(recipe, step).Run(arguments, out _)))
            {
                return (new PlannedStep(step.Key, "skipped: its when condition does not hold", null), null, false);
            }

            if (step.ForEach is not null)
            {
                return PlanEach(recipe, step, scope, arguments, connections);
            }

            switch (step.Kind)
            {
                case StepKind.Filter:
                    var passed = scripts.Filter(recipe, step).Run(arguments, out _) is JsonValue v
                        && v.GetValueKind() == JsonValueKind.True;
                    return (new PlannedStep(
                            step.Key,
                            passed ? "filter holds: the run goes on" : "filter does not hold: the run would stop here",
                            null),
                        new JsonObject { ["passed"] = passed }, !passed);
                case StepKind.Code:
                    var output = scripts.Code(recipe, step).Run(arguments, out _);
                    return (new PlannedStep(step.Key, $"code returns {output?.ToJsonString() ?? "nothing"}", null),
                        output, false);
                case StepKind.Lookup:
                    var key = JsonTemplate.Compile(step.MapKey).Render(scope)?.ToString() ?? "";
                    var recalled = store.Recall(step.Map!, key);
                    return (new PlannedStep(
                            step.Key, $"{step.Map}[{key}] is {recalled?.ToJsonString() ?? "not known"}", null),
                        recalled, recalled is null && step.StopWhenNotFound);
                case StepKind.Remember:
                    var value = JsonTemplate.Compile(step.MapValue?.DeepClone()).Render(scope);
                    var at = JsonTemplate.Compile(step.MapKey).Render(scope)?.ToString();
                    return (new PlannedStep(
                            step.Key, $"would remember {step.Map}[{at}] = {value?.ToJsonString()}", null),
                        value, false);
            }

            var op = invoker.Catalog.Get(step.Operation!);
            var inputs = JsonTemplate.Compile(step.Inputs.DeepClone()).Render(scope) as JsonObject ?? [];
            var connection = connections(op.Connector.Key);
            if (step.Kind == StepKind.Search && IsReadOnly(op))
            {
                var result = await invoker.InvokeAsync(op.Key, inputs, connection, cancellationToken)
                    .ConfigureAwait(false);
                var found = result.Output is not (null or JsonArray { Count: 0 });
                return (new PlannedStep(
                        step.Key,
                        found ? $"{op.Key} found something (sent: it only reads)" : $"{op.Key} found nothing",
                        null),
                    result.Output, !found && step.StopWhenNotFound);
            }

            var request = invoker.Preview(op.Key, inputs, connection);
            return (new PlannedStep(step.Key, $"would send {op.Key}", request), op.Output.Sample?.DeepClone(), false);
        }
        catch (Exception error) when (error is OperationException or ScriptException)
        {
            return (new PlannedStep(step.Key, $"would fail: {error.Message}", null), null, true);
        }
    }

    // A forEach action: the first element's request stands for the others, which differ only by element.
    private (PlannedStep, JsonNode?, bool Stop) PlanEach(
        RecipeDefinition recipe,
        RecipeStep step,
        JsonObject scope,
        JsonNode?[] arguments,
        Func<string, ConnectionContext> connections)
    {
        var op = invoker.Catalog.Get(step.Operation!);
        var elements = scripts.Elements(recipe, step, arguments);
        if (elements.Count == 0)
        {
            return (new PlannedStep(step.Key, $"would send {op.Key} for each of no elements: nothing", null),
                new JsonArray(), false);
        }

        var inputs = StepInputs.Render(step.Inputs, scope, elements[0]);
        var request = invoker.Preview(op.Key, inputs, connections(op.Connector.Key));
        var samples = new JsonArray([.. elements.Select(_ => op.Output.Sample?.DeepClone())]);
        var described = $"would send {op.Key} {elements.Count} time(s), once per element (the first shown)";
        return (new PlannedStep(step.Key, described, request), samples, false);
    }

    private static bool IsReadOnly(OperationDefinition op) =>
        op.Request.Method == "GET" || op.Kind == OperationKind.Trigger;
}
