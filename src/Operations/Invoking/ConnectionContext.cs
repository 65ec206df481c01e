using Connector.Operations.Definitions;
using Connector.Runtime.Auth;

namespace Connector.Operations.Invoking;

/// <summary>Who an invocation acts as: the token source and what is known of the connection.</summary>
public sealed record ConnectionContext
{
    /// <summary>Name of the connection, for messages and as the rate key when no location is known.</summary>
    public string Name { get; init; } = "default";

    public required IAccessTokenSource Auth { get; init; }

    /// <summary>Overrides the connector's base URL (a sandbox, a test server).</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Whose token it is, when known; null skips the check.</summary>
    public TokenType? TokenType { get; init; }

    /// <summary>Scopes granted, when known; null skips the check (the vendor still checks).</summary>
    public IReadOnlySet<string>? Scopes { get; init; }

    public string? LocationId { get; init; }

    public string? CompanyId { get; init; }

    public string? UserId { get; init; }

    /// <summary>Other values of the connection that templates name, for example TrainerCentral's orgId.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
}
