namespace Connector.Operations.Tests.Conformance;

/// <summary>The kinds of hole in the vendor's files that a definition has to work around.</summary>
internal enum GapKind
{
    /// <summary>The vendor's path has a <c>{name}</c> segment it does not declare as a parameter.</summary>
    UndeclaredPathParameter,

    /// <summary>The vendor's request schema has no properties, so the body keys cannot be checked.</summary>
    EmptyBodySchema,

    /// <summary>The vendor's security block names no scope.</summary>
    NoVendorScope,

    /// <summary>The vendor's file names no security scheme, so it says nothing about token types.</summary>
    NoVendorTokenType,
}
