namespace Connector.Sandbox.TrainerCentral;

/// <summary>A Zoho token pair the sandbox issued for TrainerCentral.</summary>
/// <param name="AccessToken">Sent as <c>Authorization: Zoho-oauthtoken ACCESS</c>; lives one hour.</param>
/// <param name="RefreshToken">
/// Traded at <c>/oauth/v2/token</c> for new access tokens (at most 10 in 10 minutes); never rotated, never
/// expires. Usable only with the credentials of the client it was issued to.
/// </param>
/// <param name="ClientId">The OAuth client the pair belongs to; null for a pair minted without one.</param>
/// <param name="Scopes">The scopes the pair carries.</param>
/// <param name="ExpiresAt">When the access token stops working.</param>
public sealed record TrainerCentralToken(
    string AccessToken,
    string RefreshToken,
    string? ClientId,
    IReadOnlyList<string> Scopes,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Never the tokens themselves.</summary>
    public override string ToString() => $"TrainerCentral token ({Scopes.Count} scope(s), until {ExpiresAt:u})";
}
