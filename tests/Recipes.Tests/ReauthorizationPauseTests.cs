using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Web;
using Connector.Operations.Connections;
using Connector.Operations.Invoking;
using Connector.Operations.Tests.Support;
using Connector.Recipes.Running;
using Connector.Recipes.Storage;
using Connector.Runtime.Auth;
using Connector.Runtime.Connections;
using Connector.Runtime.Http.RateLimiting;
using Connector.Runtime.Security;
using Connector.Runtime.Storage;
using Connector.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Recipes.Tests;

/// <summary>
/// A recipe whose OAuth connection loses its refresh token: its run pauses, later polls leave it paused
/// without asking the vendor again, and a new sign-in lets it finish, once.
/// </summary>
public sealed class ReauthorizationPauseTests : IAsyncLifetime
{
    private const string Recipe = """
        name: welcome-note
        connections: { ghl: crm }
        trigger:
          operation: contacts.list
          inputs: { limit: 100 }
          dedupe: id
        steps:
          - key: note
            action: contacts.notes.create
            inputs:
              contactId: "{{trigger.id}}"
              body: "Welcome {{trigger.firstName}}"
            onError: { policy: retry, attempts: 3, backoff: 1s }
        """;

    private static readonly Uri Redirect = new("http://127.0.0.1:9/callback");

    // The sandbox and the token sources share one clock, so an access token expires for both at once.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TokenRequestCounter _tokenRequests = new();
    private readonly ConnectorClients _clients = new(new InvokerOptions
    {
        MaxRetries = 0,
        RateLimiter = new RateLimiterOptions { Enabled = false },
    });

    private SandboxServer _sandbox = null!;
    private SandboxOAuthClient _app = null!;
    private SqliteStore _database = null!;
    private ConnectionStore _connections = null!;
    private HttpClient _http = null!;
    private ConnectionResolver _resolver = null!;
    private OperationInvoker _invoker = null!;
    private RecipeEngine _engine = null!;
    private ConnectionContext _observer = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            Catalog = ShippedCatalog.Instance,
            TimeProvider = _clock,
            RateLimits = new SandboxRateLimits { BurstLimit = 100_000, DailyLimit = 1_000_000 },
        });
        _app = await _sandbox.RegisterOAuthClientAsync();
        var token = await _sandbox.CreatePrivateTokenAsync();
        _observer = new ConnectionContext
        {
            Name = "observer",
            Auth = new StaticTokenSource(token.Token),
            BaseUrl = _sandbox.BaseUrl,
            LocationId = token.LocationId,
            TokenType = Operations.Definitions.TokenType.Location,
        };
        _database = SqliteStore.InMemory();
        _connections = new ConnectionStore(_database, new SecretBox(RandomNumberGenerator.GetBytes(32)), _clock);
        _http = new HttpClient(_tokenRequests);
        _resolver = new ConnectionResolver(ShippedCatalog.Instance, _connections, _http, null, _clock);
        _invoker = new OperationInvoker(ShippedCatalog.Instance, _clients);
        _engine = new RecipeEngine(
            _invoker,
            new RunStore(_database),
            (recipe, connector) => _resolver.Resolve(recipe.ConnectionFor(connector)),
            time: _clock);
    }

    [Fact]
    public async Task RevokedRefreshToken_PausesTheRun_PollsStayPausedWithoutRetrying_AndASignInResumesIt()
    {
        _connections.Add(await SignInAsync());
        var recipe = LoadRecipe();
        await _engine.PollAndRunAsync(recipe);
        var contact = await CreateContactAsync("Ada");
        var fired = await _engine.PollAsync(recipe);
        LoseTheRefreshToken();

        var paused = await _engine.RunPendingAsync(recipe);
        var requestsWhenPaused = _tokenRequests.Count;
        for (var poll = 0; poll < 3; poll++)
        {
            _clock.Advance(TimeSpan.FromMinutes(5));
            var refused = await Assert.ThrowsAsync<ReauthorizationRequiredException>(
                () => _engine.PollAndRunAsync(recipe));
            Assert.Contains("connection 'crm' needs re-authorization", refused.Message);
        }

        var run = _engine.Store.Find(Assert.Single(fired).Id)!;
        Assert.Equal(RunStatus.Paused, Assert.Single(paused).Status);
        Assert.Equal(RunStatus.Paused, run.Status);
        Assert.Contains("needs re-authorization", run.Error);
        Assert.DoesNotContain(run.Steps, s => s.Status == StepStatus.Failed);
        Assert.Equal(requestsWhenPaused, _tokenRequests.Count);
        Assert.Empty(await NotesAsync(contact));

        // What `connections remove crm` and `connections add` do, while the engine keeps running.
        Assert.True(_connections.Remove("crm"));
        _connections.Add(await SignInAsync());
        var resumed = await _engine.PollAndRunAsync(recipe);

        Assert.Equal(RunStatus.Succeeded, Assert.Single(resumed.Runs).Status);
        Assert.Equal(run.Id, resumed.Runs[0].Run.Id);
        Assert.Single(await NotesAsync(contact));
    }

    // The sandbox's authorize address approves at once; the code is exchanged as `connections add` does.
    private async Task<StoredConnection> SignInAsync()
    {
        var oauth = _resolver.OAuthFor(ShippedCatalog.Instance.GetConnector("ghl"), _sandbox.BaseUrl);
        using var approval = await _http.GetAsync(oauth.AuthorizeUrl(
            _app.ClientId, Redirect, ["contacts.readonly", "contacts.write"], "state-1"));
        Assert.Equal(HttpStatusCode.Found, approval.StatusCode);
        var code = HttpUtility.ParseQueryString(approval.Headers.Location!.Query)["code"]!;
        var tokens = await oauth.ExchangeCodeAsync(_app.ClientId, _app.ClientSecret, code, Redirect, null, default);
        return new StoredConnection
        {
            Name = "crm",
            Connector = "ghl",
            Kind = ConnectionKind.OAuth2,
            BaseUrl = _sandbox.BaseUrl,
            UserType = tokens.UserType,
            CompanyId = tokens.CompanyId,
            LocationId = tokens.LocationId,
            Scopes = tokens.Scope!.Split(' '),
            ClientId = _app.ClientId,
            ClientSecret = _app.ClientSecret,
            AccessToken = tokens.AccessToken,
            RefreshToken = tokens.RefreshToken,
            ExpiresAt = oauth.ExpiryOf(tokens.ExpiresIn),
        };
    }

    // The vendor no longer knows the stored refresh token, and a day later the access token has expired.
    private void LoseTheRefreshToken()
    {
        var stored = _connections.Get("crm");
        var revoked = new TokenSet(stored.AccessToken!, $"revoked-{Guid.NewGuid():N}", stored.ExpiresAt!.Value);
        Assert.True(_connections.TrySaveTokens("crm", stored.Generation, revoked));
        _clock.Advance(TimeSpan.FromDays(1));
    }

    private static Definitions.RecipeDefinition LoadRecipe()
    {
        var file = Path.Combine(Path.GetTempPath(), $"recipe-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, Recipe);
        try
        {
            var result = Loading.RecipeLoader.Load(ShippedCatalog.Instance, file);
            Assert.Empty(result.Problems);
            return result.Recipes.Single();
        }
        finally
        {
            File.Delete(file);
        }
    }

    // Contacts are made and notes read with a private token of the same location, not with the connection.
    private async Task<string> CreateContactAsync(string firstName)
    {
        var inputs = new JsonObject
        {
            ["firstName"] = firstName,
            ["email"] = $"{firstName.ToLowerInvariant()}.{Guid.NewGuid():N}@example.com",
        };
        var result = await _invoker.InvokeAsync("contacts.create", inputs, _observer);
        _clock.Advance(TimeSpan.FromMilliseconds(5));
        return result.Output!["id"]!.GetValue<string>();
    }

    private async Task<JsonArray> NotesAsync(string contactId)
    {
        var result = await _invoker.InvokeAsync(
            "contacts.notes.list", new JsonObject { ["contactId"] = contactId }, _observer);
        return result.Output!["notes"]?.AsArray() ?? [];
    }

    public async Task DisposeAsync()
    {
        _resolver.Dispose();
        _http.Dispose();
        _clients.Dispose();
        _database.Dispose();
        await _sandbox.DisposeAsync();
    }
}
