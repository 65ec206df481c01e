using Connector.Runtime.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connector.Runtime.Auth;

/// <summary>
/// The access token of one OAuth connection, refreshed before it expires and when the vendor rejects
/// it. However many callers wait, one refresh is in flight per connection in the process; the new pair
/// is stored before anyone uses it; a refused refresh token is checked against the store (another
/// process may have rotated it) before the connection is marked as needing re-authorization.
/// </summary>
public sealed partial class OAuthTokenSource : IAccessTokenSource, IDisposable
{
    private readonly string _name;
    private readonly ConnectionStore _store;
    private readonly OAuthClient _oauth;
    private readonly TimeSpan _margin;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private StoredConnection _current;

    public OAuthTokenSource(
        StoredConnection connection,
        ConnectionStore store,
        OAuthClient oauth,
        TimeSpan refreshMargin,
        TimeProvider? time = null,
        ILogger<OAuthTokenSource>? logger = null)
    {
        _name = connection.Name;
        _current = connection;
        _store = store;
        _oauth = oauth;
        _margin = refreshMargin;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<OAuthTokenSource>.Instance;
    }

    /// <summary>How many token requests this source has sent; for tests and diagnostics.</summary>
    public int RefreshCount { get; private set; }

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (IsUsable(current))
        {
            return current.AccessToken!;
        }

        current = await RefreshAsync(current.AccessToken, cancellationToken).ConfigureAwait(false);
        return current.AccessToken!;
    }

    public async ValueTask<bool> TryRefreshAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        await RefreshAsync(rejectedToken, cancellationToken, force: true).ConfigureAwait(false);
        return true;
    }

    private bool IsUsable(StoredConnection connection) =>
        connection.Status == ConnectionStatus.Active
        && connection.AccessToken is not null
        && (connection.ExpiresAt is not { } expires || expires - _margin > _time.GetUtcNow());

    private async Task<StoredConnection> RefreshAsync(
        string? staleToken,
        CancellationToken cancellationToken,
        bool force = false)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever held the gate before us may have refreshed already, here or in another process.
            var latest = _store.Get(_name);
            if (latest.AccessToken != staleToken && IsUsable(latest))
            {
                return Adopt(latest);
            }

            if (latest.Status == ConnectionStatus.NeedsReauthorization || latest.RefreshToken is null)
            {
                throw new ReauthorizationRequiredException(_name);
            }

            if (!force && IsUsable(latest))
            {
                return Adopt(latest);
            }

            return await RotateAsync(latest, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task<StoredConnection> RotateAsync(StoredConnection latest, CancellationToken cancellationToken)
    {
        TokenResponse response;
        try
        {
            RefreshCount++;
            response = await _oauth.RefreshAsync(
                    latest.ClientId!,
                    latest.ClientSecret!,
                    latest.RefreshToken!,
                    latest.UserType,
                    cancellationToken)
                .ConfigureAwait(false);
        }
        catch (OAuthException refused) when (refused.IsInvalidGrant)
        {
            var reread = _store.Get(_name);
            if (reread.RefreshToken != latest.RefreshToken && IsUsable(reread))
            {
                return Adopt(reread);
            }

            _store.MarkNeedsReauthorization(_name);
            LogNeedsReauthorization(_logger, _name);
            throw new ReauthorizationRequiredException(_name);
        }

        var tokens = new TokenSet(response.AccessToken, response.RefreshToken ?? latest.RefreshToken,
            _oauth.ExpiryOf(response.ExpiresIn));
        if (!_store.TrySaveTokens(_name, latest.Generation, tokens))
        {
            // Another process stored a pair between our read and our write; theirs is as good as ours.
            return Adopt(_store.Get(_name));
        }

        LogRefreshed(_logger, _name, tokens.ExpiresAt);
        return Adopt(_store.Get(_name));
    }

    private StoredConnection Adopt(StoredConnection connection)
    {
        Volatile.Write(ref _current, connection);
        return connection;
    }

    public void Dispose() => _refreshing.Dispose();

    public override string ToString() => $"OAuth tokens of connection '{_name}'";

    [LoggerMessage(
        EventId = 2001,
        Level = LogLevel.Information,
        Message = "Connection {Connection}: access token refreshed, valid until {ExpiresAt}")]
    private static partial void LogRefreshed(ILogger logger, string connection, DateTimeOffset expiresAt);

    [LoggerMessage(
        EventId = 2002,
        Level = LogLevel.Error,
        Message = "Connection {Connection}: the vendor refused the refresh token; it needs re-authorization")]
    private static partial void LogNeedsReauthorization(ILogger logger, string connection);
}
