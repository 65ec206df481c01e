namespace Connector.Recipes.Definitions;

/// <summary>How a recipe decides that an item is new.</summary>
public enum DedupeMode
{
    /// <summary>Each item fires once, the first time its id is seen.</summary>
    Id,

    /// <summary>An item fires again whenever it changes (its updated field, or a hash of chosen fields).</summary>
    Change,
}
