using Connector.Operations.Catalog;

namespace Connector.Operations.Validation;

/// <summary>Checks that need the whole catalog: references from one operation to another.</summary>
internal static class CatalogRules
{
    public static IEnumerable<DefinitionProblem> Check(OperationCatalog catalog)
    {
        foreach (var operation in catalog.Operations)
        {
            for (var i = 0; i < operation.Inputs.Count; i++)
            {
                if (operation.Inputs[i].DynamicChoices is not { } choices)
                {
                    continue;
                }

                var pointer = $"/inputs/{i}/dynamicChoices/operation";
                if (!catalog.TryGet(choices.Operation, out var listing))
                {
                    yield return new DefinitionProblem(operation.Source.Locate(pointer),
                        $"dynamic choices name '{choices.Operation}', which is not in the catalog");
                }
                else if (listing.Connector != operation.Connector)
                {
                    yield return new DefinitionProblem(operation.Source.Locate(pointer),
                        $"dynamic choices name '{choices.Operation}' of another connector ({listing.Connector.Key})");
                }
            }
        }
    }
}
