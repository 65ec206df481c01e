using System.Text.Json.Nodes;

namespace Connector.Operations.Invoking;

/// <summary>A request after templating, before sending: the shape the <c>before</c> transform sees.</summary>
internal sealed class RenderedRequest
{
    public required string Method { get; set; }

    public required string Path { get; set; }

    public JsonObject Query { get; set; } = [];

    public JsonObject Headers { get; set; } = [];

    public JsonNode? Body { get; set; }

    public JsonObject? Form { get; set; }

    public JsonObject ToJson() => new()
    {
        ["method"] = Method,
        ["path"] = Path,
        ["query"] = Query.DeepClone(),
        ["headers"] = Headers.DeepClone(),
        ["body"] = Body?.DeepClone() ?? Form?.DeepClone(),
    };

    /// <summary>Takes back what a <c>before</c> transform returned.</summary>
    public void Update(JsonObject changed)
    {
        Method = changed["method"]?.GetValue<string>().ToUpperInvariant() ?? Method;
        Path = changed["path"]?.GetValue<string>() ?? Path;
        Query = changed["query"] as JsonObject ?? [];
        Headers = changed["headers"] as JsonObject ?? [];
        if (Form is not null)
        {
            Form = changed["body"] as JsonObject;
        }
        else
        {
            Body = changed["body"]?.DeepClone();
        }
    }
}
