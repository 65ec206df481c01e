using Connector.Operations.Catalog;
using Connector.Operations.Definitions;
using Connector.Operations.Validation;
using Connector.Recipes.Definitions;
using Connector.Recipes.Running;
using Connector.Runtime.Scripting;
using Connector.Runtime.Templating;

namespace Connector.Recipes.Loading;

/// <summary>What a recipe's schema cannot say: that its operations exist and fit, and its references resolve.</summary>
internal static class RecipeRules
{
    public static IReadOnlyList<DefinitionProblem> Check(RecipeDefinition recipe, OperationCatalog catalog)
    {
        var problems = new List<DefinitionProblem>();
        void Fail(string pointer, string message) =>
            problems.Add(new DefinitionProblem(recipe.Source.Locate(pointer), message));

        if (!catalog.TryGet(recipe.Trigger.Operation, out var trigger))
        {
            Fail("/trigger/operation", $"no operation '{recipe.Trigger.Operation}' in the catalog");
        }
        else if (trigger.Kind != OperationKind.Trigger)
        {
            Fail("/trigger/operation", $"'{trigger.Key}' is an action; a recipe's trigger must be a trigger operation");
        }
        else
        {
            CheckInputs(trigger, recipe.Trigger.Inputs, "/trigger/inputs", [], Fail);
            if (recipe.Trigger.Dedupe == DedupeMode.Change
                && trigger.Trigger!.Updated is null
                && recipe.Trigger.Fields.Count == 0)
            {
                Fail(
                    "/trigger/dedupe",
                    $"'{trigger.Key}' has no updated field: "
                    + "name the fields whose change counts (trigger.fields)");
            }
        }

        if (recipe.Trigger.Removals && recipe.Trigger.Dedupe != DedupeMode.Change)
        {
            Fail(
                "/trigger/removals",
                "removals need dedupe: change, which reads every page; an id poll stops at the first item seen");
        }

        var earlier = new List<string>();
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            var at = $"/steps/{i}";
            if (earlier.Contains(step.Key))
            {
                Fail($"{at}/key", $"step key '{step.Key}' is used twice");
            }

            CheckStep(step, at, catalog, earlier, recipe, Fail);
            CheckConditions(step, at, recipe, Fail);
            earlier.Add(step.Key);
        }

        return problems;
    }

    private static void CheckStep(
        RecipeStep step,
        string at,
        OperationCatalog catalog,
        List<string> earlier,
        RecipeDefinition recipe,
        Action<string, string> fail)
    {
        if (step.Operation is { } key)
        {
            var field = step.Kind == StepKind.Search ? "search" : "action";
            if (!catalog.TryGet(key, out var op))
            {
                fail($"{at}/{field}", $"no operation '{key}' in the catalog");
            }
            else
            {
                if (step.Kind == StepKind.Action && op.Kind != OperationKind.Action)
                {
                    fail($"{at}/action", $"'{key}' is a trigger; use it as a search step, or pick an action");
                }
                else
                {
                    CheckInputs(op, step.Inputs, $"{at}/inputs", earlier, fail, step.ForEach is not null);
                }
            }
        }

        if (step.Map is not null)
        {
            var field = step.Kind == StepKind.Lookup ? "lookup" : "remember";
            var template = new System.Text.Json.Nodes.JsonObject
            {
                ["key"] = step.MapKey,
                ["value"] = step.MapValue?.DeepClone(),
            };
            CheckReferences(template, $"{at}/{field}", earlier, fail);
        }

        if (step.Script is { } script)
        {
            var (name, parameters) = step.Kind == StepKind.Filter
                ? ("filter", RunScripts.FilterParameters)
                : ("code", RunScripts.CodeParameters);
            Compile(
                step.Kind == StepKind.Filter ? $"return ({script});" : script,
                parameters,
                recipe,
                $"{at}/{name}",
                $"steps.{step.Key}.{name}",
                fail);
        }

        if (step.Reconcile is { } reconcile)
        {
            if (!catalog.TryGet(reconcile.Operation, out var listing))
            {
                fail($"{at}/reconcile/operation", $"no operation '{reconcile.Operation}' in the catalog");
            }
            else
            {
                CheckInputs(listing, reconcile.Inputs, $"{at}/reconcile/inputs", earlier, fail,
                    step.ForEach is not null);
            }

            Compile($"return ({reconcile.Match});", RunScripts.MatchParameters, recipe, $"{at}/reconcile/match",
                $"steps.{step.Key}.reconcile.match", fail);
        }
    }

    private static void CheckConditions(
        RecipeStep step,
        string at,
        RecipeDefinition recipe,
        Action<string, string> fail)
    {
        if (step.When is { } when)
        {
            Compile($"return ({when});", RunScripts.FilterParameters, recipe, $"{at}/when",
                $"steps.{step.Key}.when", fail);
        }

        if (step.ForEach is { } each)
        {
            if (step.Kind != StepKind.Action)
            {
                fail($"{at}/forEach", "forEach repeats an action; this step is not an action step");
            }

            Compile($"return ({each});", RunScripts.FilterParameters, recipe, $"{at}/forEach",
                $"steps.{step.Key}.forEach", fail);
        }
    }

    private static void CheckInputs(
        OperationDefinition op,
        System.Text.Json.Nodes.JsonObject inputs,
        string at,
        List<string> earlier,
        Action<string, string> fail,
        bool each = false)
    {
        foreach (var (name, value) in inputs)
        {
            if (op.FindInput(name) is null)
            {
                fail(
                    $"{at}/{name}",
                    $"'{op.Key}' has no input '{name}' "
                    + $"(inputs: {string.Join(", ", op.Inputs.Select(i => i.Key))})");
                continue;
            }

            CheckReferences(value, $"{at}/{name}", earlier, fail, each);
        }
    }

    private static void CheckReferences(
        System.Text.Json.Nodes.JsonNode? template,
        string at,
        List<string> earlier,
        Action<string, string> fail,
        bool each = false)
    {
        foreach (var reference in JsonTemplate.Compile(template?.DeepClone()).References)
        {
            var root = reference.Split('.');
            var known = root[0] switch
            {
                "trigger" or "run" => true,
                "steps" => root.Length > 1 && earlier.Contains(root[1]),
                "each" => each,
                _ => false,
            };
            if (!known)
            {
                fail(at, root[0] == "each"
                    ? $"'{{{{{reference}}}}}': 'each' is the element of a forEach, and this step has none"
                    : $"'{{{{{reference}}}}}' refers to neither trigger, run, nor an earlier step");
            }
        }
    }

    private static void Compile(
        string body,
        IReadOnlyList<string> parameters,
        RecipeDefinition recipe,
        string pointer,
        string name,
        Action<string, string> fail)
    {
        try
        {
            var location = recipe.Source.Locate(pointer);
            CompiledScript.Compile(
                body,
                parameters,
                new ScriptOrigin(recipe.Name, name, recipe.Source.File, location.Line));
        }
        catch (ScriptException error)
        {
            fail(pointer, $"{name}: {error.Problem}");
        }
    }
}
