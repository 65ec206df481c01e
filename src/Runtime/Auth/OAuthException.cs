namespace Connector.Runtime.Auth;

/// <summary>The vendor's OAuth server refused a request; the message never holds a token or secret.</summary>
public class OAuthException(string message, int statusCode, string? error) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The OAuth error code, for example <c>invalid_grant</c>.</summary>
    public string? Error { get; } = error;

    /// <summary>The refresh token (or code) is spent, revoked or unknown: only a new sign-in helps.</summary>
    /// <remarks>Zoho says <c>invalid_code</c> for a refresh token it no longer knows.</remarks>
    public bool IsInvalidGrant => Error is "invalid_grant" or "invalid_code";
}
