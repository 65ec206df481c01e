using Connector.Operations.Catalog;
using Connector.Operations.Loading;

namespace Connector.Cli;

/// <summary>Loads the catalog the commands work with, refusing to run on definitions with problems.</summary>
internal static class CatalogSource
{
    public static OperationCatalog Load(string? path)
    {
        var folder = path ?? DefinitionsFolder.Locate();
        if (!Directory.Exists(folder))
        {
            throw new CommandException(
                $"no definitions folder at '{folder}' (set --definitions or {DefinitionsFolder.Variable})");
        }

        var result = DefinitionLoader.Load(folder);
        if (!result.IsValid)
        {
            var first = result.Problems[0];
            throw new CommandException(
                $"{result.Problems.Count} problem(s) in the definitions, the first: {first}. "
                + "Run `connector validate` for all.");
        }

        return result.Catalog;
    }
}
