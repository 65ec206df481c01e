namespace Connector.Runtime.Http;

/// <summary>The vendor answered, but not with the JSON it promised.</summary>
public sealed class MalformedResponseException(
    string operationKey,
    int statusCode,
    string problem,
    Exception? inner = null)
    : OperationException(operationKey, $"HTTP {statusCode} with a body that is not valid JSON: {problem}", inner)
{
    public int StatusCode { get; } = statusCode;
}
