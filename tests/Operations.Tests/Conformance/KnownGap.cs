using Connector.Operations.Definitions;

namespace Connector.Operations.Tests.Conformance;

/// <summary>
/// A hole in the vendor's description of one operation, and the reason the definition is right anyway.
/// The <c>Subject</c> says what the gap is about: the path parameter, the schema name, or the token
/// types accepted instead (as <see cref="TokenTypesText"/> writes them); it is empty for a missing scope.
/// </summary>
internal sealed record KnownGap(string Key, GapKind Kind, string Subject, string Reason)
{
    public static KnownGap UndeclaredPathParameter(string key, string parameter, string reason) =>
        new(key, GapKind.UndeclaredPathParameter, parameter, reason);

    public static KnownGap EmptyBodySchema(string key, string schema, string reason) =>
        new(key, GapKind.EmptyBodySchema, schema, reason);

    public static KnownGap NoVendorScope(string key, string reason) =>
        new(key, GapKind.NoVendorScope, "", reason);

    public static KnownGap NoVendorTokenType(string key, TokenType[] accepted, string reason) =>
        new(key, GapKind.NoVendorTokenType, TokenTypesText(accepted), reason);

    /// <summary>Token types as the YAML writes them, in one order, for comparing and quoting.</summary>
    public static string TokenTypesText(IEnumerable<TokenType> types) =>
        "[" + string.Join(", ", types.Distinct().Order().Select(Yaml)) + "]";

    public override string ToString() =>
        Subject.Length == 0 ? $"{Key}: {Kind}" : $"{Key}: {Kind} {Subject}";

    private static string Yaml(TokenType type) => type == TokenType.Company ? "company" : "location";
}
