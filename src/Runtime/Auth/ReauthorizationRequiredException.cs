namespace Connector.Runtime.Auth;

/// <summary>A connection whose refresh token the vendor no longer accepts: someone must sign in again.</summary>
public sealed class ReauthorizationRequiredException(string connection)
    : Exception($"connection '{connection}' needs re-authorization: the vendor refused its refresh token. "
        + $"Sign in again: `connector connections remove {connection}`, then `connector connections add`.")
{
    public string Connection { get; } = connection;
}
