using Connector.Operations.Catalog;
using Connector.Operations.Connections;
using Connector.Operations.Invoking;
using Connector.Recipes.Definitions;
using Connector.Recipes.Loading;
using Connector.Recipes.Running;
using Connector.Recipes.Storage;
using Microsoft.Extensions.Logging;

namespace Connector.Cli;

/// <summary>Everything a command needs to run recipes: catalog, store, connections, one shared invoker.</summary>
internal sealed class RecipeSession : IDisposable
{
    private readonly LocalState _state;
    private readonly HttpClient _http = new();
    private readonly ConnectorClients _clients;
    private readonly ConnectionResolver _resolver;

    /// <param name="loggers">
    /// Where retries, token refreshes and re-authorizations are logged (never a token); default nowhere.
    /// </param>
    public RecipeSession(string? definitions, ILoggerFactory? loggers = null)
    {
        Catalog = CatalogSource.Load(definitions);
        _state = LocalState.Open();
        _clients = new ConnectorClients(new InvokerOptions(), loggers: loggers);
        _resolver = new ConnectionResolver(Catalog, _state.Connections, _http, loggers: loggers);
        Invoker = new OperationInvoker(Catalog, _clients);
        Store = new RunStore(_state.Store);
        Engine = new RecipeEngine(Invoker, Store, Connect);
    }

    public OperationCatalog Catalog { get; }

    private Operations.Invoking.ConnectionContext Connect(RecipeDefinition recipe, string connector)
    {
        try
        {
            return _resolver.Resolve(recipe.ConnectionFor(connector));
        }
        catch (KeyNotFoundException missing)
        {
            throw new CommandException(
                $"recipe '{recipe.Name}' uses {connector} through "
                + $"{missing.Message[..1].ToLowerInvariant()}{missing.Message[1..]}");
        }
    }

    public OperationInvoker Invoker { get; }

    public RunStore Store { get; }

    public RecipeEngine Engine { get; }

    /// <summary>A recipe by file path, or by name from the recipes folder; its problems end the command.</summary>
    public RecipeDefinition LoadRecipe(string recipe, string folder)
    {
        var path = File.Exists(recipe) ? recipe : FindByName(recipe, folder);
        var result = RecipeLoader.Load(Catalog, path);
        if (!result.IsValid)
        {
            throw new CommandException(string.Join(Environment.NewLine, result.Problems));
        }

        return result.Recipes.Single();
    }

    public IReadOnlyList<RecipeDefinition> LoadFolder(string folder, TextWriter errors)
    {
        var result = RecipeLoader.Load(Catalog, folder);
        foreach (var problem in result.Problems)
        {
            errors.WriteLine(problem);
        }

        return result.Recipes;
    }

    private RecipeDefinition? FindInFolder(string name, string folder) =>
        Directory.Exists(folder)
            ? RecipeLoader.Load(Catalog, folder).Recipes.FirstOrDefault(r => r.Name == name)
            : null;

    private string FindByName(string name, string folder) =>
        FindInFolder(name, folder)?.Source.File
        ?? throw new CommandException($"no recipe file '{name}', and no recipe named '{name}' in {folder}");

    public void Dispose()
    {
        _resolver.Dispose();
        _clients.Dispose();
        _http.Dispose();
        _state.Dispose();
    }
}
