using Connector.Operations.Catalog;
using Connector.Operations.Loading;

namespace Connector.Sandbox.Tests.Support;

/// <summary>The repository's catalog, loaded once for every test.</summary>
internal static class TestCatalog
{
    private static readonly Lazy<OperationCatalog> Loaded = new(() =>
    {
        var result = DefinitionLoader.Load(RepositoryPaths.Definitions);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        return result.Catalog;
    });

    public static OperationCatalog Value => Loaded.Value;
}
