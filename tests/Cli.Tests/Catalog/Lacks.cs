using System.Text.Json.Nodes;
using Connector.Runtime.Json;

namespace Connector.Cli.Tests.Catalog;

/// <summary>The array at <paramref name="Path"/> holds none of the template's elements.</summary>
internal sealed record Lacks(string Path, string Template) : Expectation
{
    public override string? Problem(JsonNode? read, JsonObject scope)
    {
        var actual = JsonPath.Get(read, Path) as JsonArray ?? [];
        var left = Elements(Render(Template, scope)).Where(e => actual.Any(a => Same(a, e))).ToList();
        return left.Count == 0
            ? null
            : $"{Path} still holds {string.Join(", ", left.Select(e => e?.ToJsonString()))}";
    }
}
