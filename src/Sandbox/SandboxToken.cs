namespace Connector.Sandbox;

/// <summary>A credential the sandbox issued, with what it grants.</summary>
/// <param name="Token">The bearer token, for example <c>pit-6f1c...</c>.</param>
/// <param name="LocationId">The location it covers; null for an agency (company) token.</param>
/// <param name="CompanyId">The company (agency) the location belongs to.</param>
/// <param name="Scopes">The scopes it carries.</param>
public sealed record SandboxToken(string Token, string? LocationId, string CompanyId, IReadOnlyList<string> Scopes);
