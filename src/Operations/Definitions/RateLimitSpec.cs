namespace Connector.Operations.Definitions;

/// <summary>The request budgets a vendor grants, and the response headers that report them.</summary>
public sealed record RateLimitSpec
{
    /// <summary>What one set of budgets belongs to: <c>location</c> or <c>connection</c>.</summary>
    public string Per { get; init; } = "location";

    public IReadOnlyList<RateBudgetSpec> Budgets { get; init; } = [];
}
