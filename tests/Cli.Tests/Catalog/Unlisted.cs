using System.Text.Json.Nodes;
using Connector.Runtime.Json;

namespace Connector.Cli.Tests.Catalog;

/// <summary>The list at <paramref name="Items"/> has no item whose field equals the template.</summary>
internal sealed record Unlisted(string Items, string Field, string Template) : Expectation
{
    public override string? Problem(JsonNode? read, JsonObject scope)
    {
        var unwanted = Render(Template, scope);
        var items = JsonPath.Get(read, Items) as JsonArray ?? [];
        return items.Any(item => Same(JsonPath.Get(item, Field), unwanted))
            ? $"{Items} still lists {Field} = {unwanted?.ToJsonString()}"
            : null;
    }
}
