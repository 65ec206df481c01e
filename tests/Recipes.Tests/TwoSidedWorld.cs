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

namespace Connector.Recipes.Tests;

/// <summary>One sandbox serving both GHL and TrainerCentral, and an engine with a connection to each.</summary>
internal sealed class TwoSidedWorld : IAsyncDisposable
{
    private readonly ConnectorClients _clients;

    private TwoSidedWorld(SandboxServer sandbox, ConnectionContext ghl, ConnectionContext academy, bool rateLimited)
    {
        // No retries: a 429 or any other refusal fails the step, so a test sees it.
        _clients = new ConnectorClients(new InvokerOptions
        {
            MaxRetries = 0,
            RateLimiter = new RateLimiterOptions { Enabled = rateLimited },
        });
        Sandbox = sandbox;
        Ghl = ghl;
        Academy = academy;
        Invoker = new OperationInvoker(ShippedCatalog.Instance, _clients);
        Database = SqliteStore.InMemory();
        Store = new RunStore(Database);
        Engine = new RecipeEngine(Invoker, Store, (_, connector) => connector == "ghl" ? Ghl : Academy);
    }

    public SandboxServer Sandbox { get; }

    public ConnectionContext Ghl { get; }

    public ConnectionContext Academy { get; }

    public OperationInvoker Invoker { get; }

    public SqliteStore Database { get; }

    public RunStore Store { get; }

    public RecipeEngine Engine { get; }

    /// <summary>
    /// Starts both sandboxes. <paramref name="vendorLimits"/>: the sandbox enforces GHL's real budgets (100
    /// requests per 10 s) and the runtime's rate limiter is on, as in production; otherwise neither limits.
    /// </summary>
    public static async Task<TwoSidedWorld> StartAsync(int seed = 0, bool vendorLimits = false)
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            Catalog = ShippedCatalog.Instance,
            Seed = seed,
            RateLimits = vendorLimits
                ? SandboxRateLimits.Vendor
                : new SandboxRateLimits { BurstLimit = 100_000, DailyLimit = 1_000_000 },
        });
        var ghlToken = await sandbox.CreatePrivateTokenAsync();
        var tcToken = await sandbox.TrainerCentral.CreateTokenAsync();
        var ghl = new ConnectionContext
        {
            Name = "crm",
            Auth = new StaticTokenSource(ghlToken.Token),
            BaseUrl = sandbox.BaseUrl,
            LocationId = ghlToken.LocationId,
            TokenType = TokenType.Location,
        };
        var academy = new ConnectionContext
        {
            Name = "academy",
            Auth = new StaticTokenSource(tcToken.AccessToken),
            BaseUrl = sandbox.BaseUrl,
            Values = new Dictionary<string, string> { ["orgId"] = sandbox.TrainerCentral.OrgId },
        };
        return new TwoSidedWorld(sandbox, ghl, academy, vendorLimits);
    }

    public static RecipeDefinition Recipe(string file)
    {
        var result = RecipeLoader.Load(
            ShippedCatalog.Instance, Path.Combine(Repository.Root, "recipes", "trainercentral", file));
        Assert.Empty(result.Problems);
        return result.Recipes.Single();
    }

    public async Task<List<JsonObject>> ContactsAsync()
    {
        var items = await Invoker.ReadItemsAsync("contacts.list", new JsonObject { ["limit"] = 100 }, Ghl)
            .ToListAsync();
        return [.. items.OfType<JsonObject>()];
    }

    public async Task<List<JsonObject>> LearnersAsync()
    {
        var items = await Invoker.ReadItemsAsync("trainercentral.learners.new", [], Academy).ToListAsync();
        return [.. items.OfType<JsonObject>()];
    }

    public async Task<List<string>> NotesAsync(string contactId)
    {
        var result = await Invoker.InvokeAsync(
            "contacts.notes.list", new JsonObject { ["contactId"] = contactId }, Ghl);
        return [.. result.Output!["notes"]!.AsArray().Select(n => n!["body"]!.GetValue<string>())];
    }

    public async Task<List<JsonObject>> TasksAsync(string contactId)
    {
        var result = await Invoker.InvokeAsync(
            "contacts.tasks.list", new JsonObject { ["contactId"] = contactId }, Ghl);
        return [.. result.Output!["tasks"]!.AsArray().OfType<JsonObject>()];
    }

    public async Task<List<JsonObject>> AppointmentsAsync(string contactId)
    {
        var inputs = new JsonObject { ["contactId"] = contactId };
        var result = await Invoker.InvokeAsync("contacts.appointments.list", inputs, Ghl);
        return [.. result.Output!["events"]!.AsArray().OfType<JsonObject>()];
    }

    public async Task<string> ContactIdAsync(string email) =>
        (await ContactsAsync()).Single(c => c["email"]?.GetValue<string>() == email)["id"]!.GetValue<string>();

    public async Task<string> CreateContactAsync(string email, string firstName, params string[] tags)
    {
        var inputs = new JsonObject
        {
            ["email"] = email,
            ["firstName"] = firstName,
            ["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]),
        };
        var result = await Invoker.InvokeAsync("contacts.create", inputs, Ghl);
        return result.Output!["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        Database.Dispose();
        await Sandbox.DisposeAsync();
    }
}
