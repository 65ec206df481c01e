namespace Connector.Sandbox.Tests.Support;

/// <summary>Where the repository's definitions and the vendor material beside the clone are.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository's definitions/ folder.</summary>
    public static string Definitions { get; } = Path.Combine(Find(dir => File.Exists(
        Path.Combine(dir, "definitions", "ghl", "connector.yaml"))), "definitions");

    /// <summary>The shared vendor material (../shared from the repository root), which only tests may read.</summary>
    public static string Shared { get; } = Path.Combine(Find(dir => Directory.Exists(
        Path.Combine(dir, "shared", "ghl-openapi"))), "shared");

    private static string Find(Func<string, bool> holds)
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (holds(dir))
            {
                return dir;
            }
        }

        throw new DirectoryNotFoundException($"Nothing above {AppContext.BaseDirectory} has what the tests need.");
    }
}
