namespace Connector.Runtime.Auth;

/// <summary>A token that does not refresh, such as a GHL private integration token.</summary>
public sealed class StaticTokenSource(string token) : IAccessTokenSource
{
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

    public ValueTask<bool> TryRefreshAsync(string rejectedToken, CancellationToken cancellationToken) =>
        ValueTask.FromResult(false);

    /// <summary>Never the token itself: this object may end up in a log or an exception.</summary>
    public override string ToString() => $"static token ({Secrets.Mask(token)})";
}
