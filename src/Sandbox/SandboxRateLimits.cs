namespace Connector.Sandbox;

/// <summary>
/// The request budgets the sandbox grants each location (or company, for agency tokens), as the vendor
/// documents them: a sliding burst window and a daily count.
/// </summary>
public sealed record SandboxRateLimits
{
    /// <summary>The vendor's budgets: 100 requests per 10 seconds and 200,000 a day.</summary>
    public static SandboxRateLimits Vendor { get; } = new();

    /// <summary>Requests allowed within <see cref="BurstWindow"/>; default 100.</summary>
    public int BurstLimit { get; init; } = 100;

    /// <summary>Length of the sliding burst window; default 10 seconds.</summary>
    public TimeSpan BurstWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests allowed per UTC day; default 200,000.</summary>
    public int DailyLimit { get; init; } = 200_000;

    /// <summary>Throws when a budget is not positive, naming the bad value.</summary>
    public void Validate()
    {
        if (BurstLimit < 1)
        {
            throw new ArgumentException($"BurstLimit must be at least 1, not {BurstLimit}.", nameof(BurstLimit));
        }

        if (BurstWindow <= TimeSpan.Zero)
        {
            throw new ArgumentException($"BurstWindow must be positive, not {BurstWindow}.", nameof(BurstWindow));
        }

        if (DailyLimit < 1)
        {
            throw new ArgumentException($"DailyLimit must be at least 1, not {DailyLimit}.", nameof(DailyLimit));
        }
    }
}
