using System.Text.Json.Nodes;

namespace Connector.Runtime.Http;

/// <summary>One request of an operation, rendered and ready to send.</summary>
public sealed record ApiRequest
{
    /// <summary>The operation that sends it; every error names it.</summary>
    public required string OperationKey { get; init; }

    public required HttpMethod Method { get; init; }

    /// <summary>Path under the connector's base URL, its segments already escaped.</summary>
    public required string Path { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>JSON body, or null.</summary>
    public JsonNode? Body { get; init; }

    /// <summary>Form-encoded body, or null.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }

    /// <summary>Whether the request may be sent again after a server error or a timeout.</summary>
    public bool Repeatable { get; init; }

    /// <summary>Whose rate budget the request spends: a location id, or a connection's name.</summary>
    public required string RateLimitKey { get; init; }
}
