namespace Connector.Operations.Tests.Conformance;

/// <summary>
/// Where the repository's definitions and the vendor's shared files are. The shared folder sits beside
/// the clone (its parent holds both), so both are found by walking up from the test binaries.
/// </summary>
internal static class ConformancePaths
{
    private static readonly Lazy<string> RepositoryRoot = new(() => FindAncestor(
        folder => File.Exists(Path.Combine(folder, "Connector.sln"))
            && Directory.Exists(Path.Combine(folder, "definitions")),
        "a folder with Connector.sln and definitions/"));

    private static readonly Lazy<string> SharedRoot = new(() => Path.Combine(
        FindAncestor(folder => Directory.Exists(Path.Combine(folder, "shared", "ghl-openapi")),
            "a folder with shared/ghl-openapi"),
        "shared"));

    /// <summary>The repository's definitions folder.</summary>
    public static string Definitions => Path.Combine(RepositoryRoot.Value, "definitions");

    /// <summary>The folder the catalog list names its spec files from (it holds <c>apps/</c>).</summary>
    public static string OpenApi => Path.Combine(SharedRoot.Value, "ghl-openapi");

    /// <summary>The catalog list: one row per operation the connector must offer.</summary>
    public static string CatalogList => Path.Combine(SharedRoot.Value, "ghl-operations.tsv");

    private static string FindAncestor(Func<string, bool> matches, string what)
    {
        var start = new DirectoryInfo(AppContext.BaseDirectory);
        for (var folder = start; folder is not null; folder = folder.Parent)
        {
            if (matches(folder.FullName))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {start.FullName} is {what}.");
    }
}
