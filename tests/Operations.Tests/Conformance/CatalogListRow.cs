namespace Connector.Operations.Tests.Conformance;

/// <summary>
/// One operation of the catalog list (<c>ghl-operations.tsv</c>) as its columns give it, with the
/// <c>Line</c> it stands on (for messages) and its <c>SpecFile</c>: the vendor's OpenAPI file, relative
/// to the ghl-openapi folder.
/// </summary>
internal sealed record CatalogListRow(
    int Line,
    string Key,
    string Kind,
    string Category,
    string Title,
    string Method,
    string Path,
    string RequiredScope,
    string SpecFile,
    string Notes);
