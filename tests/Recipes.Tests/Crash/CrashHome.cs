using Connector.Operations.Tests.Support;
using Connector.Recipes.Storage;
using Connector.Runtime.Connections;
using Connector.Runtime.Security;
using Connector.Runtime.Storage;
using Connector.Sandbox;
using Microsoft.Data.Sqlite;

namespace Connector.Recipes.Tests.Crash;

/// <summary>
/// A temporary CONNECTOR_HOME for <c>connector</c> child processes: a private-token connection named
/// <c>sandbox</c> to the sandbox, and a recipes folder holding the shipped example recipe new-contact-note.
/// The test reads the same database (run history, through <see cref="Store"/>) as the children write it.
/// </summary>
internal sealed class CrashHome : IDisposable
{
    public const string RecipeName = "new-contact-note";

    private readonly string _folder;
    private readonly SqliteStore _database;

    private CrashHome(string folder, ConnectorHome home, SqliteStore database, string recipeFile)
    {
        _folder = folder;
        Home = home;
        _database = database;
        RecipeFile = recipeFile;
        Store = new RunStore(database);
    }

    public ConnectorHome Home { get; }

    public string RecipeFile { get; }

    public RunStore Store { get; }

    public static async Task<CrashHome> CreateAsync(SandboxServer sandbox)
    {
        var folder = Directory.CreateTempSubdirectory("connector-crash-").FullName;
        var home = new ConnectorHome(Path.Combine(folder, "home"));
        var database = SqliteStore.Open(home);
        var token = await sandbox.CreatePrivateTokenAsync();
        new ConnectionStore(database, SecretBox.ForHome(home)).Add(new StoredConnection
        {
            Name = "sandbox",
            Connector = "ghl",
            Kind = ConnectionKind.PrivateToken,
            AccessToken = token.Token,
            BaseUrl = sandbox.BaseUrl,
            LocationId = token.LocationId,
            UserType = "Location",
        });
        var recipes = Directory.CreateDirectory(Path.Combine(folder, "recipes")).FullName;
        var recipeFile = Path.Combine(recipes, "new-contact-note.yaml");
        File.WriteAllText(recipeFile, ExampleRecipe());
        return new CrashHome(folder, home, database, recipeFile);
    }

    // The shipped example as it is, but for its retry backoff: 1 s instead of 10 s, so that a run
    // killed while waiting to retry does not make the next process wait 10 s for what is left of it.
    private static string ExampleRecipe()
    {
        var file = Path.Combine(Repository.Root, "recipes", "examples", "new-contact-note.yaml");
        var example = File.ReadAllText(file);
        var shorter = example.Replace("backoff: 10s", "backoff: 1s", StringComparison.Ordinal);
        return shorter != example
            ? shorter
            : throw new InvalidOperationException($"{file}: its backoff is no longer 10s.");
    }

    /// <summary>
    /// Starts <c>connector host --poll-now</c> here: it polls the recipe at once, runs what fired and what
    /// was left unfinished, then waits for the next poll until it is killed.
    /// </summary>
    public ConnectorProcess Host() => ConnectorProcess.Start(
        Home.Folder,
        ["host", "--recipes", Path.GetDirectoryName(RecipeFile)!, "--poll-now",
            "--definitions", Repository.Definitions]);

    /// <summary>Starts <c>connector run RECIPE --once</c> here: one poll, then every run pending.</summary>
    public ConnectorProcess RunOnce() => ConnectorProcess.Start(
        Home.Folder,
        ["run", RecipeFile, "--once", "--definitions", Repository.Definitions]);

    public void Dispose()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
