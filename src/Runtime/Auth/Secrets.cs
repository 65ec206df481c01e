namespace Connector.Runtime.Auth;

/// <summary>How secrets are shown, when they must be shown at all.</summary>
public static class Secrets
{
    /// <summary>The first few characters and the length: enough to tell two tokens apart, not to use one.</summary>
    public static string Mask(string? secret) => secret switch
    {
        null or "" => "(none)",
        { Length: <= 8 } => "****",
        _ => $"{secret[..4]}…({secret.Length} chars)",
    };
}
