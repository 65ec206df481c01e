using System.Text.Json.Nodes;

namespace Connector.Recipes.Definitions;

/// <summary>
/// How to tell whether a step's create reached the vendor before a crash: a listing to read and a
/// JavaScript expression that recognises the created item.
/// </summary>
public sealed record Reconciliation
{
    public required string Operation { get; init; }

    public JsonObject Inputs { get; init; } = [];

    /// <summary>Dotted path of the list in the listing's output; the trigger's items path when null.</summary>
    public string? Items { get; init; }

    /// <summary>Expression over <c>item</c>, <c>trigger</c>, <c>steps</c> and <c>run</c>.</summary>
    public required string Match { get; init; }
}
