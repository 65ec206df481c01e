namespace Connector.Runtime.Storage;

/// <summary>
/// The folder that holds a user's state: the SQLite database (connections, recipe state, run
/// history) and the key that encrypts secrets. <c>$CONNECTOR_HOME</c>, else <c>~/.connector</c>.
/// </summary>
public sealed class ConnectorHome
{
    /// <summary>Environment variable that names the home folder.</summary>
    public const string Variable = "CONNECTOR_HOME";

    public ConnectorHome(string folder)
    {
        Folder = Path.GetFullPath(folder);
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "connector.db");

    public string KeyPath => Path.Combine(Folder, "secret.key");

    /// <summary>The home the environment names, or <c>~/.connector</c>.</summary>
    public static ConnectorHome FromEnvironment() => new(
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".connector"));

    /// <summary>Creates the folder, readable by its owner only, when it is missing.</summary>
    public ConnectorHome EnsureExists()
    {
        if (!Directory.Exists(Folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Folder);
            }
            else
            {
                Directory.CreateDirectory(
                    Folder,
                    UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return this;
    }
}
