using Connector.Runtime.Http.RateLimiting;

namespace Connector.Runtime.Http;

/// <summary>How a connector's requests are sent: address, headers, auth header, timeouts and retries.</summary>
public sealed record ConnectorClientOptions
{
    /// <summary>Connector key, for logs.</summary>
    public required string Connector { get; init; }

    /// <summary>Every request's address starts with this; a request that would leave it is refused.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Headers sent with every request.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Header that carries the access token. Default: Authorization.</summary>
    public string AuthHeader { get; init; } = "Authorization";

    /// <summary>Word before the token. Default: Bearer.</summary>
    public string AuthScheme { get; init; } = "Bearer";

    /// <summary>Dotted path of the message in an error body.</summary>
    public string ErrorMessagePath { get; init; } = "message";

    /// <summary>Dotted path of the trace id in an error body.</summary>
    public string? ErrorTraceIdPath { get; init; } = "traceId";

    /// <summary>How long one attempt may wait for its whole response. Default: 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts after the first, for failures worth trying again. Default: 4.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff delay; each next one doubles, with jitter. Default: 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff delay, and longest Retry-After honoured. Default: 60 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The vendor's request budgets; none means no limiting.</summary>
    public IReadOnlyList<RateBudget> RateBudgets { get; init; } = [];

    public RateLimiterOptions RateLimiter { get; init; } = new();
}
