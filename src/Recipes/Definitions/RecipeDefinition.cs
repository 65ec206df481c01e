using Connector.Operations.Definitions;

namespace Connector.Recipes.Definitions;

/// <summary>A recipe: a trigger, and the steps that run for each item it fires.</summary>
public sealed record RecipeDefinition
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public bool Enabled { get; init; } = true;

    /// <summary>Connector key to the name of the stored connection its operations use.</summary>
    public IReadOnlyDictionary<string, string> Connections { get; init; } = new Dictionary<string, string>();

    public required RecipeTrigger Trigger { get; init; }

    public required IReadOnlyList<RecipeStep> Steps { get; init; }

    /// <summary>Where the recipe was read from.</summary>
    public DefinitionSource Source { get; init; } = DefinitionSource.None;

    /// <summary>
    /// The connection the operations of <paramref name="connector"/> use; the connector's key when none is named.
    /// </summary>
    public string ConnectionFor(string connector) =>
        Connections.TryGetValue(connector, out var name) ? name : connector;
}
