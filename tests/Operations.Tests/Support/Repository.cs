namespace Connector.Operations.Tests.Support;

/// <summary>Folders of the checkout the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Definitions => Path.Combine(Root, "definitions");

    private static string FindRoot()
    {
        for (var folder = AppContext.BaseDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "Connector.sln")))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"No Connector.sln above {AppContext.BaseDirectory}.");
    }
}
