namespace Connector.Runtime.Http.RateLimiting;

/// <summary>One budget the vendor grants: <see cref="Limit"/> requests per <see cref="Window"/>.</summary>
public sealed record RateBudget
{
    public required string Name { get; init; }

    public required int Limit { get; init; }

    public required TimeSpan Window { get; init; }

    /// <summary>Response header with the budget's size, by which the vendor may tighten it.</summary>
    public string? LimitHeader { get; init; }

    /// <summary>Response header with what is left of the budget.</summary>
    public string? RemainingHeader { get; init; }

    /// <summary>
    /// Response header with the window's length in milliseconds. Not read yet: the window stays the configured
    /// one even when the vendor reports another, until <see cref="BudgetWindow"/> learns to follow it.
    /// </summary>
    public string? WindowHeader { get; init; }

    /// <summary>Response header with the milliseconds until the budget refills.</summary>
    public string? ResetHeader { get; init; }

    /// <summary>Parses a window written as <c>500ms</c>, <c>10s</c>, <c>1m</c>, <c>1h</c> or <c>1d</c>.</summary>
    public static TimeSpan ParseWindow(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var unitStart = text.TakeWhile(char.IsDigit).Count();
        if (unitStart == 0 || !int.TryParse(text[..unitStart], out var amount))
        {
            throw new FormatException($"'{text}' is not a window length such as 10s, 1m or 1d.");
        }

        return text[unitStart..] switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => throw new FormatException($"'{text}' is not a window length such as 10s, 1m or 1d."),
        };
    }
}
