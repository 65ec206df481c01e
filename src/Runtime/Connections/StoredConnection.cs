namespace Connector.Runtime.Connections;

/// <summary>
/// A user's connection to a connector's account, as kept in the store. Secrets are held decrypted in
/// memory only; <see cref="ToString"/> never shows them.
/// </summary>
public sealed class StoredConnection
{
    public required string Name { get; init; }

    /// <summary>Key of the connector, for example <c>ghl</c>.</summary>
    public required string Connector { get; init; }

    public required ConnectionKind Kind { get; init; }

    public ConnectionStatus Status { get; init; } = ConnectionStatus.Active;

    /// <summary>The vendor address the connection was made against, when not the connector's own.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The vendor's word for whose token it is: <c>Location</c> or <c>Company</c>.</summary>
    public string? UserType { get; init; }

    public string? CompanyId { get; init; }

    public string? LocationId { get; init; }

    /// <summary>Locations an agency token was approved for.</summary>
    public IReadOnlyList<string> LocationIds { get; init; } = [];

    public string? UserId { get; init; }

    /// <summary>Other values templates may name, for example TrainerCentral's orgId.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>Scopes granted; empty when the vendor did not say (private tokens).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public string? AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public bool WhiteLabel { get; init; }

    /// <summary>Bumped by every change of the tokens; a writer that saw an older one lost the race.</summary>
    public long Generation { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public override string ToString() => $"connection '{Name}' ({Connector}, {Kind}, {Status})";
}
