using Connector.Operations.Definitions;

namespace Connector.Operations.Tests.Conformance;

/// <summary>
/// Every GHL operation definition agrees with the catalog list (ghl-operations.tsv) and with the vendor's
/// OpenAPI description of its method and path, short of the holes listed in <see cref="KnownGaps"/>.
/// </summary>
public sealed class DefinitionConformanceTests
{
    // The catalog list's own totals: a change to the list shows here first.
    private const int ListedOperations = 126;
    private const int ListedTriggers = 55;
    private const int ListedActions = 71;
    private const int ListedCategories = 14;

    public static TheoryData<string> OperationKeys => new(ConformanceData.OperationKeys);

    [Theory]
    [MemberData(nameof(OperationKeys))]
    public void Definition_AgreesWithTheCatalogListAndTheVendorDescription(string key)
    {
        var differences = ConformanceData.Differences(key);

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void Catalog_HoldsExactlyTheOperationsOfTheCatalogList()
    {
        var rows = ConformanceData.CatalogList.Rows;
        var operations = ConformanceData.GhlOperations.ToList();
        var listed = rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var defined = operations.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var differences = new List<string>();

        differences.AddRange(listed.Except(defined).Order(StringComparer.Ordinal)
            .Select(k => $"{k}: listed, but the catalog has no such operation"));
        differences.AddRange(defined.Except(listed).Order(StringComparer.Ordinal)
            .Select(k => $"{k}: in the catalog, but not in the catalog list"));
        Count(differences, "operations", ListedOperations, rows.Count, operations.Count);
        Count(differences, "triggers", ListedTriggers, rows.Count(r => r.Kind == "trigger"),
            operations.Count(o => o.Kind == OperationKind.Trigger));
        Count(differences, "actions", ListedActions, rows.Count(r => r.Kind == "action"),
            operations.Count(o => o.Kind == OperationKind.Action));
        Count(differences, "categories", ListedCategories, rows.Select(r => r.Category).Distinct().Count(),
            operations.Select(o => o.Category).Distinct().Count());

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public void KnownGaps_EachNameAListedOperationOnceWithAReason()
    {
        var problems = KnownGaps.All
            .Where(g => ConformanceData.CatalogList.Find(g.Key) is null)
            .Select(g => $"known gap '{g}' names no operation of the catalog list")
            .Concat(KnownGaps.All.Where(g => string.IsNullOrWhiteSpace(g.Reason))
                .Select(g => $"known gap '{g}' gives no reason"))
            .Concat(KnownGaps.All.GroupBy(g => (g.Key, g.Kind, g.Subject)).Where(g => g.Count() > 1)
                .Select(g => $"known gap '{g.First()}' is listed {g.Count()} times"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static void Count(List<string> differences, string what, int expected, int listed, int defined)
    {
        if (listed != expected)
        {
            differences.Add($"the catalog list has {listed} {what}, not {expected}");
        }

        if (defined != listed)
        {
            differences.Add($"the catalog has {defined} {what}, the catalog list {listed}");
        }
    }
}
