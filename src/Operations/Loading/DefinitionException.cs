using Connector.Operations.Definitions;

namespace Connector.Operations.Loading;

/// <summary>A definition file that cannot be read, with the place that is wrong.</summary>
public sealed class DefinitionException(SourceLocation location, string message)
    : Exception($"{location}: {message}")
{
    public SourceLocation Location { get; } = location;

    /// <summary>The problem alone, without its place.</summary>
    public string Problem { get; } = message;
}
