using System.Text.Json.Nodes;

namespace Connector.Operations.Definitions;

/// <summary>The HTTP request an operation sends, as templates over its inputs.</summary>
public sealed record RequestTemplate
{
    public required string Method { get; init; }

    /// <summary>Path under the connector's base URL; <c>{name}</c> segments come from inputs.</summary>
    public required string Path { get; init; }

    public JsonObject? Query { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>JSON body template, or null for none.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>Form-encoded body template, or null for none.</summary>
    public JsonObject? Form { get; init; }

    /// <summary>
    /// Whether sending the request twice has the effect of sending it once. Null means the method decides:
    /// GET, PUT and DELETE are repeatable; POST and PATCH are not.
    /// </summary>
    public bool? Repeatable { get; init; }

    /// <summary>Whether a failed attempt may be sent again after a server error or a timeout.</summary>
    public bool IsRepeatable => Repeatable ?? Method is "GET" or "PUT" or "DELETE";
}
