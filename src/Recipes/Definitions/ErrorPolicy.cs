namespace Connector.Recipes.Definitions;

/// <summary>What a failing step does to its run.</summary>
public sealed record ErrorPolicy
{
    public static ErrorPolicy Halt { get; } = new() { Mode = ErrorMode.Halt };

    public ErrorMode Mode { get; init; }

    /// <summary>Attempts in all, for <see cref="ErrorMode.Retry"/>. Default: 3.</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>First wait between attempts; doubled each time. Default: 5 seconds.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(5);
}
