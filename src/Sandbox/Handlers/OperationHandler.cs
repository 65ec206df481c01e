namespace Connector.Sandbox.Handlers;

/// <summary>Does what an operation does to the sandbox's state and says what to answer.</summary>
/// <exception cref="ApiException">The request cannot be carried out; the vendor's error answer.</exception>
internal delegate ApiResult OperationHandler(ApiRequest request);
