using Connector.Operations.Definitions;

namespace Connector.Operations.Tests.Conformance;

/// <summary>
/// Compares one operation definition with its row of the catalog list and with the vendor's OpenAPI
/// description of the same method and path. Each difference is one message that starts with the
/// operation key, so a failing test says what to fix where.
/// </summary>
internal sealed partial class ConformanceCheck
{
    private readonly OperationDefinition _operation;
    private readonly CatalogListRow _row;
    private readonly IReadOnlyList<KnownGap> _gaps;
    private readonly HashSet<KnownGap> _usedGaps = [];
    private readonly List<string> _differences = [];

    private ConformanceCheck(OperationDefinition operation, CatalogListRow row)
    {
        _operation = operation;
        _row = row;
        _gaps = KnownGaps.For(operation.Key);
    }

    /// <summary>
    /// Every difference found; empty when the definition conforms. <paramref name="documents"/> gives the
    /// vendor file the catalog list names.
    /// </summary>
    public static IReadOnlyList<string> Run(
        OperationDefinition operation,
        CatalogListRow row,
        Func<string, OpenApiDocument> documents)
    {
        var check = new ConformanceCheck(operation, row);
        check.CompareWithRow();

        var request = operation.Request;
        var vendor = documents(row.SpecFile).FindOperation(request.Method, request.Path);
        if (vendor is null)
        {
            check.Differ($"the vendor has no {request.Method} {request.Path} in {row.SpecFile} "
                + "(the path must match exactly, trailing slash included)");
            return check._differences;
        }

        check.ComparePathParameters(vendor);
        check.CompareQuery(vendor);
        check.CompareBody(vendor);
        check.CompareVersion(vendor);
        check.CompareScopes(vendor);
        check.CompareTokenTypes(vendor);
        check.ReportUnusedGaps();
        return check._differences;
    }

    private void CompareWithRow()
    {
        var where = $"the catalog list ({Path.GetFileName(ConformancePaths.CatalogList)}:{_row.Line})";
        if (!string.Equals(_row.Kind, _operation.Kind.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            Differ($"kind is {_operation.Kind}, {where} says {_row.Kind}");
        }

        var request = $"{_operation.Request.Method} {_operation.Request.Path}";
        CompareText("category", _operation.Category, _row.Category, where);
        CompareText("title", _operation.Title, _row.Title, where);
        CompareText("request", request, $"{_row.Method} {_row.Path}", where);
    }

    private void CompareText(string what, string defined, string listed, string where)
    {
        if (!string.Equals(defined, listed, StringComparison.Ordinal))
        {
            Differ($"{what} is '{defined}', {where} says '{listed}'");
        }
    }

    private bool IsKnownGap(GapKind kind, string? subject = null) => FindGap(kind, subject) is not null;

    /// <summary>The known gap of this kind (and subject, when given), marked as used.</summary>
    private KnownGap? FindGap(GapKind kind, string? subject = null)
    {
        var gap = _gaps.FirstOrDefault(g => g.Kind == kind
            && (subject is null || string.Equals(g.Subject, subject, StringComparison.Ordinal)));
        if (gap is not null)
        {
            _usedGaps.Add(gap);
        }

        return gap;
    }

    // A gap that excused nothing is stale; keeping it would hide the next real difference.
    private void ReportUnusedGaps()
    {
        foreach (var gap in _gaps.Where(g => !_usedGaps.Contains(g)))
        {
            Differ($"known gap '{gap}' no longer holds (the vendor's file or the definition changed): "
                + "remove it from KnownGaps");
        }
    }

    private void Differ(string difference) => _differences.Add($"{_operation.Key}: {difference}");
}
