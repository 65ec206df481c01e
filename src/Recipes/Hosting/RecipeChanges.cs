using Connector.Recipes.Definitions;

namespace Connector.Recipes.Hosting;

/// <summary>What a reload of the recipe files changed in the <see cref="RecipeRegistry"/>.</summary>
/// <param name="Changed">Recipes that are new, or whose file now says something else.</param>
/// <param name="Removed">Names no recipe file holds any more.</param>
/// <param name="Kept">Recipes whose file now has problems: their last good version stays.</param>
public sealed record RecipeChanges(
    IReadOnlyList<RecipeDefinition> Changed,
    IReadOnlyList<string> Removed,
    IReadOnlyList<RecipeDefinition> Kept);
