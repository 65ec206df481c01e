namespace Connector.Sandbox.Storage;

/// <summary>What a stored credential is.</summary>
internal enum TokenKind
{
    /// <summary>A private integration token (<c>pit-...</c>): static, never expires.</summary>
    PrivateIntegration,

    /// <summary>An OAuth access token: expires after <see cref="TokenRecord.ExpiresAt"/>.</summary>
    Access,

    /// <summary>An OAuth refresh token: works once.</summary>
    Refresh,

    /// <summary>An OAuth authorization code: works once, for a few minutes.</summary>
    AuthorizationCode,
}
