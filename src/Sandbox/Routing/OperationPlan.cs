using Connector.Operations.Definitions;
using Connector.Sandbox.Checks;
using Connector.Sandbox.Handlers;

namespace Connector.Sandbox.Routing;

/// <summary>Everything the sandbox checks and does for one operation, worked out once at start-up.</summary>
internal sealed class OperationPlan
{
    public OperationPlan(OperationDefinition operation, OperationHandler handler)
    {
        Operation = operation;
        Handler = handler;
        Rules = RequestRules.For(operation);
        SuccessStatus = VendorStatus.For(operation);
        Scopes = [.. operation.Scopes];
        AcceptsLocationTokens = operation.TokenTypes.Contains(TokenType.Location);
        AcceptsCompanyTokens = operation.TokenTypes.Contains(TokenType.Company);
    }

    public OperationDefinition Operation { get; }

    public string Key => Operation.Key;

    public OperationHandler Handler { get; }

    public RequestRules Rules { get; }

    /// <summary>Status of a successful answer: 200 or 201, as the vendor answers.</summary>
    public int SuccessStatus { get; }

    public string[] Scopes { get; }

    public bool AcceptsLocationTokens { get; }

    public bool AcceptsCompanyTokens { get; }
}
