namespace Connector.Runtime.Connections;

/// <summary>How a connection authorizes its requests.</summary>
public enum ConnectionKind
{
    /// <summary>A static token, such as a GHL private integration token.</summary>
    PrivateToken,

    /// <summary>OAuth 2.0 tokens that the runtime refreshes.</summary>
    OAuth2,
}
