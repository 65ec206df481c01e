using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Operations.Tests.Support;
using Connector.Recipes.Definitions;
using Connector.Recipes.Loading;
using Connector.Recipes.Running;
using Connector.Recipes.Storage;
using Connector.Runtime.Auth;
using Connector.Runtime.Http.RateLimiting;
using Connector.Runtime.Storage;
using Connector.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Recipes.Tests;

/// <summary>A GHL sandbox on 127.0.0.1, an in-memory store, and a recipe engine wired to both.</summary>
internal sealed class SandboxWorld : IAsyncDisposable
{
    private readonly ConnectorClients _clients = new(new InvokerOptions
    {
        MaxRetries = 0,
        RateLimiter = new RateLimiterOptions { Enabled = false },
    });

    private SandboxWorld(SandboxServer sandbox, SandboxToken token, FakeTimeProvider clock)
    {
        Sandbox = sandbox;
        Clock = clock;
        Connection = new ConnectionContext
        {
            Name = "sandbox",
            Auth = new StaticTokenSource(token.Token),
            BaseUrl = sandbox.BaseUrl,
            LocationId = token.LocationId,
            TokenType = TokenType.Location,
        };
        Invoker = new OperationInvoker(ShippedCatalog.Instance, _clients);
        Database = SqliteStore.InMemory();
        Store = new RunStore(Database);
        Engine = new RecipeEngine(Invoker, Store, (_, _) => Connection);
    }

    public SandboxServer Sandbox { get; }

    /// <summary>The sandbox's clock: contacts made between two advances share their timestamps.</summary>
    public FakeTimeProvider Clock { get; }

    public ConnectionContext Connection { get; }

    public OperationInvoker Invoker { get; }

    public SqliteStore Database { get; }

    public RunStore Store { get; }

    public RecipeEngine Engine { get; }

    /// <param name="logging">Where the sandbox logs, for tests that watch its requests; default nowhere.</param>
    public static async Task<SandboxWorld> StartAsync(ILoggerFactory? logging = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            Catalog = ShippedCatalog.Instance,
            TimeProvider = clock,
            RateLimits = new SandboxRateLimits { BurstLimit = 100_000, DailyLimit = 1_000_000 },
            LoggerFactory = logging,
        });
        var token = await sandbox.CreatePrivateTokenAsync();
        return new SandboxWorld(sandbox, token, clock);
    }

    public RecipeDefinition Recipe(string yaml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"recipe-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml);
        try
        {
            var result = RecipeLoader.Load(ShippedCatalog.Instance, file);
            Assert.Empty(result.Problems);
            return result.Recipes.Single();
        }
        finally
        {
            File.Delete(file);
        }
    }

    public async Task<string> CreateContactAsync(string firstName, params string[] tags)
    {
        var inputs = new JsonObject
        {
            ["firstName"] = firstName,
            ["email"] = $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@example.com",
            ["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]),
        };
        var result = await Invoker.InvokeAsync("contacts.create", inputs, Connection);
        Clock.Advance(TimeSpan.FromMilliseconds(5));
        return result.Output!["id"]!.GetValue<string>();
    }

    public async Task<IReadOnlyList<JsonNode>> NotesAsync(string contactId)
    {
        var result = await Invoker.InvokeAsync(
            "contacts.notes.list", new JsonObject { ["contactId"] = contactId }, Connection);
        return [.. (result.Output!["notes"]?.AsArray() ?? []).OfType<JsonNode>()];
    }

    public async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        Database.Dispose();
        await Sandbox.DisposeAsync();
    }
}
