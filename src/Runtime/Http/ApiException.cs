namespace Connector.Runtime.Http;

/// <summary>The vendor answered with an error status.</summary>
public class ApiException : OperationException
{
    public ApiException(string operationKey, int statusCode, IReadOnlyList<string> messages, string? traceId)
        : base(operationKey, Format(statusCode, messages, traceId))
    {
        StatusCode = statusCode;
        Messages = messages;
        TraceId = traceId;
    }

    public int StatusCode { get; }

    /// <summary>The vendor's messages (a 422 carries one per invalid field).</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>The vendor's trace id, for its support.</summary>
    public string? TraceId { get; }

    private static string Format(int status, IReadOnlyList<string> messages, string? traceId)
    {
        var text = messages.Count == 0 ? "(no message)" : string.Join("; ", messages);
        var trace = traceId is null ? "" : $" (traceId {traceId})";
        return $"HTTP {status}: {text}{trace}";
    }
}
