namespace Connector.Runtime.Http;

/// <summary>The rate budget ran out and waiting would not help in time (the daily budget, or a 429 storm).</summary>
public sealed class RateLimitedException(
    string operationKey,
    string message,
    IReadOnlyList<string>? messages = null,
    string? traceId = null)
    : OperationException(operationKey, message + Details(messages, traceId))
{
    /// <summary>What the vendor said with its last 429, when it answered one.</summary>
    public IReadOnlyList<string> Messages { get; } = messages ?? [];

    /// <summary>The vendor's trace id of its last 429, for its support.</summary>
    public string? TraceId { get; } = traceId;

    private static string Details(IReadOnlyList<string>? messages, string? traceId)
    {
        var said = messages is { Count: > 0 } ? $" ({string.Join("; ", messages)})" : "";
        return traceId is null ? said : $"{said} (traceId {traceId})";
    }
}
