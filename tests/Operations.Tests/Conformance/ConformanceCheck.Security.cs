using Connector.Operations.Definitions;

namespace Connector.Operations.Tests.Conformance;

/// <summary>The Version header, the scopes and the token types.</summary>
internal sealed partial class ConformanceCheck
{
    private static readonly string[] AgencySchemes = ["Agency-Access", "Agency-Access-Only"];
    private static readonly string[] LocationSchemes = ["Location-Access", "Location-Access-Only", "bearer"];

    private void CompareVersion(VendorOperation vendor)
    {
        var values = vendor.VersionValues();
        var version = _operation.Version;
        if (values is null)
        {
            if (version is not null)
            {
                Differ($"version is '{version}', but the vendor declares no Version header "
                    + $"({vendor.Describe})");
            }
        }
        else if (version is null)
        {
            Differ($"has no version, but the vendor's Version header is '{string.Join("' or '", values)}'");
        }
        else if (values.Count > 0 && !values.Contains(version, StringComparer.Ordinal))
        {
            Differ($"version is '{version}', the vendor's Version header is "
                + $"'{string.Join("' or '", values)}'");
        }
    }

    private void CompareScopes(VendorOperation vendor)
    {
        if (vendor.Scopes.Count > 0)
        {
            CompareScopes(vendor.Scopes, $"the vendor's ({vendor.Describe})");
            return;
        }

        if (!IsKnownGap(GapKind.NoVendorScope))
        {
            Differ($"the vendor names no scope for {vendor.Describe}: list it in KnownGaps with the reason");
        }

        var listed = _row.RequiredScope.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (listed.Length > 0)
        {
            CompareScopes(listed.ToHashSet(StringComparer.Ordinal), "the catalog list's required_scope");
        }
        else
        {
            RequireStatedScopes();
        }
    }

    private void CompareScopes(IReadOnlySet<string> expected, string source)
    {
        if (!_operation.Scopes.ToHashSet(StringComparer.Ordinal).SetEquals(expected))
        {
            Differ($"scopes [{string.Join(", ", _operation.Scopes)}] differ from {source} "
                + $"[{string.Join(", ", expected.Order(StringComparer.Ordinal))}]");
        }
    }

    // Where neither the vendor nor the catalog list names a scope, the definition decides, and its
    // description must say which scope it needs and why.
    private void RequireStatedScopes()
    {
        if (_operation.Scopes.Count == 0)
        {
            Differ("names no scope, and neither does the vendor nor the catalog list: "
                + "state the one it needs");
        }

        foreach (var scope in _operation.Scopes.Where(NotInDescription))
        {
            Differ($"scope '{scope}' is named by neither the vendor nor the catalog list, and the "
                + "description does not explain it");
        }
    }

    private bool NotInDescription(string text) =>
        !_operation.Description.Contains(text, StringComparison.Ordinal);

    private void CompareTokenTypes(VendorOperation vendor)
    {
        var defined = KnownGap.TokenTypesText(_operation.TokenTypes);
        var schemes = vendor.SecuritySchemes;
        if (schemes.Count == 0)
        {
            CompareUndeclaredTokenTypes(vendor, defined);
            return;
        }

        foreach (var unknown in schemes.Except(AgencySchemes).Except(LocationSchemes))
        {
            Differ($"the vendor names the unknown security scheme '{unknown}' ({vendor.Describe})");
        }

        var expected = KnownGap.TokenTypesText(ExpectedTokenTypes(schemes));
        if (defined != expected)
        {
            Differ($"tokenTypes are {defined}, the vendor's security schemes "
                + $"({string.Join(", ", schemes.Order(StringComparer.Ordinal))}) allow {expected}");
        }
    }

    private static IEnumerable<TokenType> ExpectedTokenTypes(IReadOnlySet<string> schemes)
    {
        if (schemes.Overlaps(LocationSchemes))
        {
            yield return TokenType.Location;
        }

        if (schemes.Overlaps(AgencySchemes))
        {
            yield return TokenType.Company;
        }
    }

    private void CompareUndeclaredTokenTypes(VendorOperation vendor, string defined)
    {
        if (FindGap(GapKind.NoVendorTokenType) is not { } gap)
        {
            Differ($"the vendor names no security scheme for {vendor.Describe}: list the token types "
                + "decided in KnownGaps with the reason");
        }
        else if (defined != gap.Subject)
        {
            Differ($"tokenTypes are {defined}, KnownGaps accepts {gap.Subject} ({gap.Reason})");
        }
    }
}
