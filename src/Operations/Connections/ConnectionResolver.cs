using System.Collections.Concurrent;
using Connector.Operations.Catalog;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Runtime.Auth;
using Connector.Runtime.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Operations.Connections;

/// <summary>
/// Turns stored connections into what invocations need. One token source per connection (and per
/// location of an agency connection) for the whole process, so refreshes are shared by every caller.
/// </summary>
/// <param name="loggers">Where token refreshes are logged (never the tokens); default nowhere.</param>
public sealed class ConnectionResolver(
    OperationCatalog catalog,
    ConnectionStore store,
    HttpClient http,
    ConnectionResolverOptions? options = null,
    TimeProvider? time = null,
    ILoggerFactory? loggers = null) : IDisposable
{
    private readonly ILoggerFactory _loggers = loggers ?? NullLoggerFactory.Instance;
    private readonly ConnectionResolverOptions _options = options ?? new ConnectionResolverOptions();
    private readonly ConcurrentDictionary<string, Lazy<IAccessTokenSource>> _sources = new(StringComparer.Ordinal);

    public ConnectionStore Store => store;

    /// <summary>The context to invoke operations as connection <paramref name="name"/>.</summary>
    /// <param name="locationId">For an agency connection: act as this location, with a location token.</param>
    /// <exception cref="ReauthorizationRequiredException">The connection needs a new sign-in.</exception>
    public ConnectionContext Resolve(string name, string? locationId = null)
    {
        var connection = store.Get(name);
        if (connection.Status == ConnectionStatus.NeedsReauthorization)
        {
            throw new ReauthorizationRequiredException(name);
        }

        var connector = catalog.GetConnector(connection.Connector);
        var isAgency = connection.UserType == "Company";
        var asLocation = isAgency && locationId is not null;
        var agency = Source(name, () => CreateSource(connection, connector));
        return new ConnectionContext
        {
            Name = name,
            Auth = asLocation
                ? Source(
                    $"{name}\n{locationId}",
                    () => CreateLocationSource(connection, connector, locationId!, agency))
                : agency,
            BaseUrl = connection.BaseUrl,
            TokenType = connection.UserType switch
            {
                "Company" when !asLocation => TokenType.Company,
                "Company" or "Location" => TokenType.Location,
                _ => null,
            },
            Scopes = connection.Scopes.Count > 0 ? connection.Scopes.ToHashSet(StringComparer.Ordinal) : null,
            LocationId = asLocation ? locationId : locationId ?? connection.LocationId,
            CompanyId = connection.CompanyId,
            UserId = connection.UserId,
            Values = connection.Values,
        };
    }

    /// <summary>
    /// The OAuth client for a connector, at the vendor's addresses or those of <paramref name="baseUrl"/>.
    /// </summary>
    public OAuthClient OAuthFor(ConnectorDefinition connector, Uri? baseUrl)
    {
        var spec = connector.Auth.OAuth2
            ?? throw new InvalidOperationException($"Connector '{connector.Key}' does not use OAuth 2.0.");
        return new OAuthClient(spec.ToSettings(connector.VersionHeader, baseUrl), http, time);
    }

    private IAccessTokenSource Source(string key, Func<IAccessTokenSource> create) =>
        _sources.GetOrAdd(key, _ => new Lazy<IAccessTokenSource>(create)).Value;

    private IAccessTokenSource CreateSource(StoredConnection connection, ConnectorDefinition connector) =>
        connection.Kind switch
        {
            ConnectionKind.PrivateToken => new StaticTokenSource(connection.AccessToken!),
            _ => new OAuthTokenSource(
                connection,
                store,
                OAuthFor(connector, connection.BaseUrl),
                _options.RefreshMargin,
                time,
                _loggers.CreateLogger<OAuthTokenSource>()),
        };

    private LocationTokenSource CreateLocationSource(
        StoredConnection connection,
        ConnectorDefinition connector,
        string locationId,
        IAccessTokenSource agency) =>
        new(connection.Name, connection.CompanyId!, locationId, agency, store, OAuthFor(connector, connection.BaseUrl),
            _options.RefreshMargin, time, _loggers.CreateLogger<LocationTokenSource>());

    public void Dispose()
    {
        foreach (var source in _sources.Values.Where(s => s.IsValueCreated).Select(s => s.Value).OfType<IDisposable>())
        {
            source.Dispose();
        }
    }
}
