using Connector.Runtime.Http;

namespace Connector.Operations.Invoking;

/// <summary>An invocation refused before anything was sent: bad inputs, a missing scope, the wrong token.</summary>
public sealed class InvocationException(string operationKey, string message)
    : OperationException(operationKey, message);
