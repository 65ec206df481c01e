namespace Connector.Runtime.Http.RateLimiting;

/// <summary>How the rate limiter spends its budgets.</summary>
public sealed record RateLimiterOptions
{
    /// <summary>The longest a request waits for budget before it fails. Default: 2 minutes.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Added to every short window, so that requests sent just inside our window do not arrive just
    /// inside the vendor's previous one. Default: 150 ms.
    /// </summary>
    public TimeSpan SafetyMargin { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>When false, nothing is counted or awaited (benchmarks of the rest of the pipeline).</summary>
    public bool Enabled { get; init; } = true;
}
