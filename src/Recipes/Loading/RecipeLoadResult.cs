using Connector.Operations.Validation;
using Connector.Recipes.Definitions;

namespace Connector.Recipes.Loading;

/// <summary>The recipes that passed every check, and the problems of those that did not.</summary>
public sealed record RecipeLoadResult(
    IReadOnlyList<RecipeDefinition> Recipes,
    IReadOnlyList<DefinitionProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
