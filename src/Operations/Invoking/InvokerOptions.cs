using Connector.Runtime.Http.RateLimiting;
using Connector.Runtime.Scripting;

namespace Connector.Operations.Invoking;

/// <summary>Settings of the invoker and of the HTTP pipeline it builds for each connector.</summary>
public sealed record InvokerOptions
{
    /// <summary>How long one attempt may wait for its response. Default: 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts after the first, for failures worth trying again. Default: 4.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First retry delay, doubled each time, with jitter. Default: 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest retry delay and Retry-After honoured. Default: 60 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    public RateLimiterOptions RateLimiter { get; init; } = new();

    public ScriptLimits Scripts { get; init; } = ScriptLimits.Default;

    /// <summary>Most pages a trigger reads in one poll. Default: 100.</summary>
    public int MaxPages { get; init; } = 100;
}
