namespace Connector.Runtime.Http;

/// <summary>An operation that failed; the message names the operation and says why.</summary>
public abstract class OperationException(string operationKey, string message, Exception? inner = null)
    : Exception($"{operationKey}: {message}", inner)
{
    public string OperationKey { get; } = operationKey;
}
