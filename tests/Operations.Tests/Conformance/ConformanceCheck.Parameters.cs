using System.Text.Json.Nodes;
using Connector.Operations.Validation;

namespace Connector.Operations.Tests.Conformance;

/// <summary>Path and query parameters.</summary>
internal sealed partial class ConformanceCheck
{
    private void ComparePathParameters(VendorOperation vendor)
    {
        var inPath = OperationRules.PathParameters(_operation.Request.Path).ToList();
        var declared = vendor.In("path").Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in inPath)
        {
            if (_operation.FindInput(name) is null)
            {
                Differ($"path parameter '{{{name}}}' is not an input");
            }

            if (!declared.Contains(name) && !IsKnownGap(GapKind.UndeclaredPathParameter, name))
            {
                Differ($"path parameter '{{{name}}}' is not declared by the vendor ({vendor.Describe}); "
                    + "when the vendor's file omits it, list it in KnownGaps");
            }
        }

        foreach (var name in declared.Except(inPath))
        {
            Differ($"the vendor declares path parameter '{name}', which the path lacks ({vendor.Describe})");
        }
    }

    private void CompareQuery(VendorOperation vendor)
    {
        var vendorQuery = vendor.In("query").ToDictionary(p => p.Name, StringComparer.Ordinal);
        var query = _operation.Request.Query ?? [];
        foreach (var parameter in vendorQuery.Values.Where(p => p.Required))
        {
            if (query.TryGetPropertyValue(parameter.Name, out var value))
            {
                RequireAlwaysSent($"query parameter '{parameter.Name}'", value);
            }
            else
            {
                Differ($"query lacks the parameter '{parameter.Name}' that the vendor requires "
                    + $"({vendor.Describe})");
            }
        }

        foreach (var (name, _) in query.Where(p => !vendorQuery.ContainsKey(p.Key)))
        {
            Differ($"query parameter '{name}' is not a query parameter of the vendor's {vendor.Describe}");
        }
    }

    /// <summary>A value the vendor requires must not depend on an input that may be left out.</summary>
    private void RequireAlwaysSent(string what, JsonNode? value)
    {
        foreach (var reference in Templates.OptionalReferences(_operation, value))
        {
            Differ($"{what} is required by the vendor but comes from '{{{{{reference}}}}}', an optional "
                + "input with no default, so it may be left out");
        }
    }
}
