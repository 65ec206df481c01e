namespace Connector.Sandbox.Storage;

/// <summary>A credential the sandbox issued, with what it grants.</summary>
internal sealed record TokenRecord
{
    public required string Value { get; init; }

    public required TokenKind Kind { get; init; }

    /// <summary>True for agency (company) tokens, false for sub-account (location) tokens.</summary>
    public required bool IsCompany { get; init; }

    public required string CompanyId { get; init; }

    /// <summary>The location a location token covers; null for company tokens.</summary>
    public string? LocationId { get; init; }

    public required IReadOnlySet<string> Scopes { get; init; }

    /// <summary>The OAuth client the token was issued to; null for private integration tokens.</summary>
    public string? ClientId { get; init; }

    /// <summary>Redirect address an authorization code was issued for.</summary>
    public string? RedirectUri { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Whether a one-time credential (refresh token, code) has been used.</summary>
    public bool Spent { get; init; }

    public bool IsUsable(DateTimeOffset now) => !Spent && (ExpiresAt is not { } expiry || now < expiry);
}
