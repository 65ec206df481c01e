using Connector.Operations.Connections;
using Connector.Operations.Invoking;
using Connector.Operations.Tests.Support;
using Connector.Runtime.Auth;
using Connector.Runtime.Connections;
using Connector.Runtime.Security;
using Connector.Runtime.Storage;

namespace Connector.Cli.Tests.Connections;

/// <summary>
/// What a second `connector` process holds: its own database connection pool on the same home folder,
/// its own HTTP client and its own token sources, sharing nothing in memory with the test's world.
/// </summary>
internal sealed class ConnectorProcess : IDisposable
{
    private readonly SqliteStore _database;
    private readonly HttpClient _http;
    private readonly ConnectionResolver _resolver;

    public ConnectorProcess(ConnectorHome home, HttpMessageHandler handler)
    {
        _database = SqliteStore.Open(home);
        _http = new HttpClient(handler);
        Connections = new ConnectionStore(_database, SecretBox.ForHome(home));
        _resolver = new ConnectionResolver(ShippedCatalog.Instance, Connections, _http);
    }

    public ConnectionStore Connections { get; }

    public ConnectionContext Resolve(string name, string? locationId = null) => _resolver.Resolve(name, locationId);

    public OAuthTokenSource TokenSource(string name) => (OAuthTokenSource)Resolve(name).Auth;

    public void Dispose()
    {
        _resolver.Dispose();
        _http.Dispose();
        _database.Dispose();
    }
}
