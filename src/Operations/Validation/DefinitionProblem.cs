using Connector.Operations.Definitions;

namespace Connector.Operations.Validation;

/// <summary>One thing wrong with a definition, and where it is.</summary>
public sealed record DefinitionProblem(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
