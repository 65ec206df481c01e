using Connector.Operations.Catalog;
using Connector.Operations.Validation;

namespace Connector.Operations.Loading;

/// <summary>The operations that passed every check, and the problems of those that did not.</summary>
public sealed record LoadResult(OperationCatalog Catalog, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
