namespace Connector.Sandbox.Auth;

/// <summary>An OAuth 2.0 error answer: <c>{"error": code, "error_description": description}</c>.</summary>
internal sealed class OAuthError(int status, string code, string description) : Exception(description)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static OAuthError InvalidRequest(string description) => new(400, "invalid_request", description);

    public static OAuthError InvalidGrant(string description) => new(400, "invalid_grant", description);
}
