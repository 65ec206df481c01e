namespace Connector.Sandbox;

/// <summary>A failure the sandbox can be told to answer with, in place of a request's real response.</summary>
public enum SandboxFault
{
    /// <summary>429 with the rate-limit headers showing no burst budget left.</summary>
    TooManyRequests,

    /// <summary>500 Internal Server Error.</summary>
    InternalServerError,

    /// <summary>502 Bad Gateway, as from a proxy in front of the API.</summary>
    BadGateway,

    /// <summary>503 Service Unavailable.</summary>
    ServiceUnavailable,

    /// <summary>Never answers: the request waits until the client gives up or the sandbox stops.</summary>
    Hang,

    /// <summary>Drops the connection without an answer.</summary>
    ResetConnection,

    /// <summary>200 with a JSON body cut off in the middle.</summary>
    TruncatedJson,
}
