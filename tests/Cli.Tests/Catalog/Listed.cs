using System.Text.Json.Nodes;
using Connector.Runtime.Json;

namespace Connector.Cli.Tests.Catalog;

/// <summary>The list at <paramref name="Items"/> has an item whose fields equal the templates.</summary>
internal sealed record Listed(string Items, params (string Field, string Template)[] Fields) : Expectation
{
    public override string? Problem(JsonNode? read, JsonObject scope)
    {
        var wanted = Fields.Select(f => (f.Field, Value: Render(f.Template, scope))).ToList();
        var items = JsonPath.Get(read, Items) as JsonArray ?? [];
        var found = items.Any(item => wanted.All(w => Same(JsonPath.Get(item, w.Field), w.Value)));
        var fields = string.Join(", ", wanted.Select(w => $"{w.Field} = {w.Value?.ToJsonString()}"));
        return found ? null : $"no item of {Items} has {fields}";
    }

    public override string ToString() => $"Listed {{ Items = {Items}, {string.Join(", ", Fields)} }}";
}
