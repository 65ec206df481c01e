namespace Connector.Runtime.Auth;

/// <summary>
/// Where a request's access token comes from. A private integration token never changes; an OAuth
/// connection refreshes its token before expiry and when the vendor rejects it.
/// </summary>
public interface IAccessTokenSource
{
    /// <summary>The token to send now.</summary>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called when the vendor answered 401 to <paramref name="rejectedToken"/>. Returns true when a new
    /// token is ready (the request is then sent once more), false when there is nothing to refresh.
    /// </summary>
    ValueTask<bool> TryRefreshAsync(string rejectedToken, CancellationToken cancellationToken);
}
