namespace Connector.Runtime.Http;

/// <summary>The runtime refused to send a request, for example one that would leave the connector's base URL.</summary>
public sealed class RequestRefusedException(string operationKey, string reason)
    : OperationException(operationKey, reason);
