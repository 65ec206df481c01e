using System.Text.Json.Nodes;

namespace Connector.Operations.Definitions;

/// <summary>What an operation returns.</summary>
public sealed record OutputSpec
{
    /// <summary>Dotted path of the output inside the response body; the whole body when null.</summary>
    public string? Path { get; init; }

    /// <summary>A realistic output, shown to recipe builders.</summary>
    public JsonNode? Sample { get; init; }
}
