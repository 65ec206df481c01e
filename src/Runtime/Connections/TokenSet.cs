namespace Connector.Runtime.Connections;

/// <summary>An access token, the refresh token that came with it, and when the access token expires.</summary>
public sealed record TokenSet(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt)
{
    /// <summary>Never the tokens themselves.</summary>
    public override string ToString() => $"tokens expiring {ExpiresAt:O}";
}
