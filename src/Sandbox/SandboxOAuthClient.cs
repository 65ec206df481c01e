namespace Connector.Sandbox;

/// <summary>An OAuth client (marketplace app) registered with the sandbox.</summary>
/// <param name="ClientId">Sent as <c>client_id</c> to /oauth/chooselocation and /oauth/token.</param>
/// <param name="ClientSecret">Sent as <c>client_secret</c> to /oauth/token.</param>
public sealed record SandboxOAuthClient(string ClientId, string ClientSecret);
