namespace Connector.Runtime.Connections;

/// <summary>Whether a connection can be used.</summary>
public enum ConnectionStatus
{
    Active,

    /// <summary>The vendor refused its refresh token: someone must sign in again. Recipes using it pause.</summary>
    NeedsReauthorization,
}
