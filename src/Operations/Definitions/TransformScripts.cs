namespace Connector.Operations.Definitions;

/// <summary>JavaScript that reshapes the request before it is sent, or the response after.</summary>
public sealed record TransformScripts
{
    public string? Before { get; init; }

    public string? After { get; init; }
}
