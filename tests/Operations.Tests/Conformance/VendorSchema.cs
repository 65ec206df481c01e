namespace Connector.Operations.Tests.Conformance;

/// <summary>
/// What a vendor request schema says about its top level: its <c>Name</c> in the file (or
/// "(inline schema)"), its properties and required fields, and for an array the schema of its
/// <c>Items</c> (null otherwise).
/// </summary>
internal sealed record VendorSchema(
    string Name,
    IReadOnlySet<string> Properties,
    IReadOnlySet<string> Required,
    VendorSchema? Items)
{
    /// <summary>Stands for a request body declared with no schema at all.</summary>
    public static VendorSchema None { get; } =
        new("(no schema)", new HashSet<string>(), new HashSet<string>(), Items: null);
}
