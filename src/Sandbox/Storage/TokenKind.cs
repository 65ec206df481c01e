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

    /// <summary>A Zoho (TrainerCentral) authorization code: works once, for two minutes.</summary>
    ZohoCode,

    /// <summary>A Zoho (TrainerCentral) access token: lives one hour; GHL routes refuse it.</summary>
    ZohoAccess,

    /// <summary>A Zoho (TrainerCentral) refresh token: never expires, never rotated, mints access tokens.</summary>
    ZohoRefresh,
}
