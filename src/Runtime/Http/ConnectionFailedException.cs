namespace Connector.Runtime.Http;

/// <summary>The vendor could not be reached, or the connection broke, on every attempt allowed.</summary>
public sealed class ConnectionFailedException(string operationKey, string reason, Exception inner)
    : OperationException(operationKey, reason, inner);
