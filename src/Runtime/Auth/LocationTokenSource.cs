using Connector.Runtime.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Runtime.Auth;

/// <summary>
/// A location's token, obtained from an agency connection's token on demand, cached (in memory and in
/// the store) until it expires, and obtained again the same way: one request in flight at a time.
/// </summary>
public sealed partial class LocationTokenSource(
    string connection,
    string companyId,
    string locationId,
    IAccessTokenSource agency,
    ConnectionStore store,
    OAuthClient oauth,
    TimeSpan refreshMargin,
    TimeProvider? time = null,
    ILogger<LocationTokenSource>? logger = null) : IAccessTokenSource, IDisposable
{
    private readonly ILogger _logger = logger ?? NullLogger<LocationTokenSource>.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private TokenSet? _current = store.FindLocationToken(connection, locationId);

    public string LocationId => locationId;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && IsFresh(current)
            ? current.AccessToken
            : (await FetchAsync(current?.AccessToken, cancellationToken).ConfigureAwait(false)).AccessToken;
    }

    public async ValueTask<bool> TryRefreshAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        await FetchAsync(rejectedToken, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private bool IsFresh(TokenSet tokens) => tokens.ExpiresAt - refreshMargin > _time.GetUtcNow();

    private async Task<TokenSet> FetchAsync(string? staleToken, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _current) is { } current && current.AccessToken != staleToken && IsFresh(current))
            {
                return current;
            }

            var companyToken = await agency.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            TokenResponse response;
            try
            {
                response = await oauth
                    .LocationTokenAsync(companyToken, companyId, locationId, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OAuthException refused) when (refused.StatusCode == 401)
            {
                // The agency token itself was stale: refresh it once and ask again.
                await agency.TryRefreshAsync(companyToken, cancellationToken).ConfigureAwait(false);
                companyToken = await agency.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                response = await oauth
                    .LocationTokenAsync(companyToken, companyId, locationId, cancellationToken)
                    .ConfigureAwait(false);
            }

            var tokens = new TokenSet(response.AccessToken, response.RefreshToken, oauth.ExpiryOf(response.ExpiresIn));
            store.SaveLocationToken(connection, locationId, tokens);
            Volatile.Write(ref _current, tokens);
            LogObtained(_logger, connection, locationId, tokens.ExpiresAt);
            return tokens;
        }
        finally
        {
            _fetching.Release();
        }
    }

    public void Dispose() => _fetching.Dispose();

    public override string ToString() => $"location token of '{locationId}' from connection '{connection}'";

    [LoggerMessage(
        EventId = 2004,
        Level = LogLevel.Information,
        Message = "Connection {Connection}: token of location {Location} obtained, valid until {ExpiresAt}")]
    private static partial void LogObtained(
        ILogger logger,
        string connection,
        string location,
        DateTimeOffset expiresAt);
}
