using System.Text.Json.Nodes;

namespace Connector.Operations.Invoking;

/// <summary>What an operation returned.</summary>
/// <param name="Output">The output, after <c>output.path</c> and the <c>after</c> transform.</param>
/// <param name="Response">The whole response body.</param>
/// <param name="StatusCode">The response's HTTP status.</param>
public sealed record InvocationResult(JsonNode? Output, JsonNode? Response, int StatusCode);
