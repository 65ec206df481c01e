using Connector.Operations.Catalog;
using Connector.Operations.Loading;

namespace Connector.Operations.Tests.Support;

/// <summary>The shipped catalog, loaded once for the tests that read it.</summary>
public static class ShippedCatalog
{
    private static readonly Lazy<OperationCatalog> Catalog = new(() =>
    {
        var result = DefinitionLoader.Load(Repository.Definitions);
        return result.IsValid
            ? result.Catalog
            : throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    });

    public static OperationCatalog Instance => Catalog.Value;
}
