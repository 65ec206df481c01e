using System.Text.Json.Nodes;

namespace Connector.Recipes.Definitions;

/// <summary>One step of a recipe.</summary>
public sealed record RecipeStep
{
    public required string Key { get; init; }

    public required StepKind Kind { get; init; }

    /// <summary>The operation of an action or search step.</summary>
    public string? Operation { get; init; }

    /// <summary>Templated inputs of the operation.</summary>
    public JsonObject Inputs { get; init; } = [];

    /// <summary>The condition of a filter step, or the body of a code step.</summary>
    public string? Script { get; init; }

    /// <summary>Lookup and remember steps: the map, shared by every recipe of the store.</summary>
    public string? Map { get; init; }

    /// <summary>Lookup and remember steps: the key, templated.</summary>
    public string? MapKey { get; init; }

    /// <summary>Remember steps: the value, templated.</summary>
    public JsonNode? MapValue { get; init; }

    /// <summary>Search and lookup steps: whether the run stops when nothing is found.</summary>
    public bool StopWhenNotFound { get; init; }

    /// <summary>
    /// A JavaScript condition over trigger, steps and run; when it is false the step is skipped and the run
    /// goes on. Null: the step always runs.
    /// </summary>
    public string? When { get; init; }

    /// <summary>
    /// Action steps: a JavaScript expression giving an array; the action runs once per element, which the
    /// inputs read as <c>{{each.field}}</c>. Null: the action runs once.
    /// </summary>
    public string? ForEach { get; init; }

    public ErrorPolicy OnError { get; init; } = ErrorPolicy.Halt;

    public Reconciliation? Reconcile { get; init; }

    /// <summary>Where the step starts in its file, for messages.</summary>
    public int Index { get; init; }
}
