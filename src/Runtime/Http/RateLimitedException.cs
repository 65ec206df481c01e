namespace Connector.Runtime.Http;

/// <summary>The rate budget ran out and waiting would not help in time (the daily budget, or a 429 storm).</summary>
public sealed class RateLimitedException(string operationKey, string message)
    : OperationException(operationKey, message);
