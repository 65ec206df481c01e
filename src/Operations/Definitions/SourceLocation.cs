namespace Connector.Operations.Definitions;

/// <summary>A place in a definition file, for messages that say where a problem is.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
