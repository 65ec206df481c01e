using System.Collections.Concurrent;
using Connector.Operations.Definitions;
using Connector.Operations.Loading;

namespace Connector.Operations.Tests.Conformance;

/// <summary>The definitions, the catalog list and the vendor's files, each read once for all tests.</summary>
internal static class ConformanceData
{
    private static readonly Lazy<LoadResult> LoadedDefinitions =
        new(() => DefinitionLoader.Load(ConformancePaths.Definitions));

    private static readonly Lazy<CatalogList> LoadedCatalogList =
        new(() => CatalogList.Read(ConformancePaths.CatalogList));

    private static readonly ConcurrentDictionary<string, Lazy<OpenApiDocument>> Documents =
        new(StringComparer.Ordinal);

    public static LoadResult Definitions => LoadedDefinitions.Value;

    public static CatalogList CatalogList => LoadedCatalogList.Value;

    /// <summary>The GHL operations of the definitions: what the catalog list and the vendor's files describe.</summary>
    public static IEnumerable<OperationDefinition> GhlOperations =>
        Definitions.Catalog.Operations.Where(o => o.Connector.Key == "ghl");

    /// <summary>The keys of the catalog list, then those only the definitions have, each once.</summary>
    public static IEnumerable<string> OperationKeys =>
        CatalogList.Rows.Select(r => r.Key)
            .Concat(GhlOperations.Select(o => o.Key))
            .Distinct(StringComparer.Ordinal);

    /// <summary>A vendor file by its name in the catalog list, such as <c>apps/contacts.json</c>.</summary>
    public static OpenApiDocument Document(string specFile) => Documents
        .GetOrAdd(specFile, file => new(() => OpenApiDocument.Read(ConformancePaths.OpenApi, file)))
        .Value;

    /// <summary>Every difference of the operation of that key from the vendor and the list.</summary>
    public static IReadOnlyList<string> Differences(string key)
    {
        var row = CatalogList.Find(key);
        if (row is null)
        {
            return [$"{key}: the catalog list ({Path.GetFileName(CatalogList.File)}) has no row for it"];
        }

        return Definitions.Catalog.TryGet(key, out var operation)
            ? ConformanceCheck.Run(operation, row, Document)
            : WhyNotLoaded(key);
    }

    // The loader leaves a definition with problems out of the catalog; its problems say why.
    private static List<string> WhyNotLoaded(string key) => Definitions.Problems
        .Where(p => Path.GetFileNameWithoutExtension(p.Location.File) == key)
        .Select(p => $"{key}: {p}")
        .DefaultIfEmpty($"{key}: no definition in {ConformancePaths.Definitions} (expected {key}.yaml)")
        .ToList();
}
