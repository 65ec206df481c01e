namespace Connector.Operations.Definitions;

/// <summary>One budget: so many requests per window, and the headers that report it.</summary>
public sealed record RateBudgetSpec
{
    public required string Name { get; init; }

    public required int Limit { get; init; }

    /// <summary>Window length as written in YAML, for example <c>10s</c> or <c>1d</c>.</summary>
    public required string Window { get; init; }

    public string? LimitHeader { get; init; }

    public string? RemainingHeader { get; init; }

    public string? WindowHeader { get; init; }

    public string? ResetHeader { get; init; }
}
