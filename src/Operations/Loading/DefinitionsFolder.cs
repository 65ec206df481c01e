namespace Connector.Operations.Loading;

/// <summary>Finds the definitions a command works with when none are named.</summary>
public static class DefinitionsFolder
{
    /// <summary>Environment variable that names the definitions folder.</summary>
    public const string Variable = "CONNECTOR_DEFINITIONS";

    /// <summary>
    /// <c>$CONNECTOR_DEFINITIONS</c>; else <c>definitions/</c> in the current folder or the nearest above
    /// it that has one (a checkout); else the copy installed beside the program.
    /// </summary>
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var folder = Environment.CurrentDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var candidate = Path.Combine(folder, "definitions");
            if (File.Exists(Path.Combine(candidate, "ghl", DefinitionLoader.ConnectorFileName)))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "definitions");
    }
}
