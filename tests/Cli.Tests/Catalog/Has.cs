using System.Text.Json.Nodes;
using Connector.Runtime.Json;

namespace Connector.Cli.Tests.Catalog;

/// <summary>The value at <paramref name="Path"/> equals the template, or holds each of its elements.</summary>
internal sealed record Has(string Path, string Template) : Expectation
{
    public override string? Problem(JsonNode? read, JsonObject scope)
    {
        var actual = JsonPath.Get(read, Path);
        var expected = Render(Template, scope);
        var shown = actual is JsonArray array
            ? Elements(expected).All(e => array.Any(a => Same(a, e)))
            : Same(actual, expected);
        return shown ? null : $"{Path} is {actual?.ToJsonString() ?? "absent"}, not {expected?.ToJsonString()}";
    }
}
