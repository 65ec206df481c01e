namespace Connector.Runtime.Http;

/// <summary>No response came within the per-request timeout, on every attempt allowed.</summary>
public sealed class RequestTimeoutException(string operationKey, TimeSpan timeout, int attempts)
    : OperationException(operationKey, $"no response within {timeout.TotalSeconds:0.#} s ({attempts} attempt(s))")
{
    public TimeSpan Timeout { get; } = timeout;
}
