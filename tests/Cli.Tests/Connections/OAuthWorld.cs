using System.Net;
using System.Text.Json.Nodes;
using Connector.Operations.Connections;
using Connector.Operations.Invoking;
using Connector.Operations.Tests.Support;
using Connector.Runtime.Auth;
using Connector.Runtime.Connections;
using Connector.Runtime.Security;
using Connector.Runtime.Storage;
using Connector.Sandbox;
using Microsoft.Extensions.Logging;

namespace Connector.Cli.Tests.Connections;

/// <summary>A sandbox with a registered OAuth app, a home folder, and what it takes to sign in to one.</summary>
internal sealed class OAuthWorld : IAsyncDisposable
{
    private const string ConnectorHomeVariable = "CONNECTOR_HOME";

    private readonly HttpClient _http;
    private (bool Set, string? Previous) _home;

    private OAuthWorld(
        SandboxServer sandbox,
        SandboxOAuthClient app,
        string home,
        TimeProvider? time,
        ILoggerFactory? loggers)
    {
        Sandbox = sandbox;
        App = app;
        Home = new ConnectorHome(home);
        _http = new HttpClient(OAuthRequests);
        Database = SqliteStore.Open(Home);
        Connections = new ConnectionStore(Database, SecretBox.ForHome(Home), time);
        Resolver = new ConnectionResolver(ShippedCatalog.Instance, Connections, _http, null, time, loggers);
        Clients = new ConnectorClients(new InvokerOptions { MaxRetries = 0 }, loggers: loggers);
        Invoker = new OperationInvoker(ShippedCatalog.Instance, Clients);
    }

    /// <summary>The requests the world's resolver sent to the sandbox's OAuth server.</summary>
    public OAuthRequestLog OAuthRequests { get; } = new();

    public SandboxServer Sandbox { get; }

    public SandboxOAuthClient App { get; }

    public ConnectorHome Home { get; }

    public SqliteStore Database { get; }

    public ConnectionStore Connections { get; }

    public ConnectionResolver Resolver { get; }

    public ConnectorClients Clients { get; }

    public OperationInvoker Invoker { get; }

    /// <param name="time">The clock of the sandbox and of the token sources; default the system clock.</param>
    /// <param name="loggers">Where the sandbox, the token sources and the HTTP clients log; default nowhere.</param>
    public static async Task<OAuthWorld> StartAsync(TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            Catalog = ShippedCatalog.Instance,
            RateLimits = new SandboxRateLimits { BurstLimit = 100_000, DailyLimit = 1_000_000 },
            TimeProvider = time ?? TimeProvider.System,
            LoggerFactory = loggers,
        });
        var app = await sandbox.RegisterOAuthClientAsync();
        var home = Directory.CreateTempSubdirectory("connector-home-").FullName;
        return new OAuthWorld(sandbox, app, home, time, loggers);
    }

    /// <summary>Signs in through the sandbox's authorize address and stores the connection.</summary>
    public async Task<StoredConnection> SignInAsync(string name, DateTimeOffset? expiresAt = null)
    {
        var oauth = Resolver.OAuthFor(ShippedCatalog.Instance.GetConnector("ghl"), Sandbox.BaseUrl);
        var redirect = new Uri("http://127.0.0.1:9/callback");
        using var response = await _http.GetAsync(oauth.AuthorizeUrl(
            App.ClientId,
            redirect,
            ["contacts.readonly", "contacts.write", "locations.readonly"],
            "s1"));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var code = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query)["code"]!;
        var tokens = await oauth.ExchangeCodeAsync(App.ClientId, App.ClientSecret, code, redirect, null, default);
        var connection = new StoredConnection
        {
            Name = name,
            Connector = "ghl",
            Kind = ConnectionKind.OAuth2,
            BaseUrl = Sandbox.BaseUrl,
            UserType = tokens.UserType,
            CompanyId = tokens.CompanyId,
            LocationId = tokens.LocationId,
            Scopes = tokens.Scope!.Split(' '),
            ClientId = App.ClientId,
            ClientSecret = App.ClientSecret,
            AccessToken = tokens.AccessToken,
            RefreshToken = tokens.RefreshToken,
            ExpiresAt = expiresAt ?? oauth.ExpiryOf(tokens.ExpiresIn),
        };
        Connections.Add(connection);
        return connection;
    }

    public Task<InvocationResult> GetContactAsync(ConnectionContext context) =>
        Invoker.InvokeAsync("contacts.get", new JsonObject { ["contactId"] = "seD4PfOuKoVMLkEZqohJ" }, context);

    /// <summary>Every byte of every file of the home folder, as text.</summary>
    public string HomeContents() => string.Join(
        '\n',
        Directory.EnumerateFiles(Home.Folder, "*", SearchOption.AllDirectories)
            .Select(f => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f))));

    /// <summary>
    /// Points CONNECTOR_HOME at this world's home, for tests of the commands (which read it), until the world
    /// is disposed; tests doing so share <see cref="SharedHome"/>'s collection.
    /// </summary>
    public OAuthWorld AsConnectorHome()
    {
        if (!_home.Set)
        {
            _home = (true, Environment.GetEnvironmentVariable(ConnectorHomeVariable));
        }

        Environment.SetEnvironmentVariable(ConnectorHomeVariable, Home.Folder);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_home.Set)
        {
            Environment.SetEnvironmentVariable(ConnectorHomeVariable, _home.Previous);
        }

        Resolver.Dispose();
        Clients.Dispose();
        Database.Dispose();
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Sandbox.DisposeAsync();
        Directory.Delete(Home.Folder, recursive: true);
    }
}
