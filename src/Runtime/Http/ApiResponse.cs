using System.Text.Json.Nodes;

namespace Connector.Runtime.Http;

/// <summary>A successful response: its status and its body as JSON.</summary>
/// <param name="StatusCode">The HTTP status, 2xx.</param>
/// <param name="Body">The parsed body; a text body becomes a JSON string, an empty body null.</param>
public sealed record ApiResponse(int StatusCode, JsonNode? Body);
