using System.Text.Json.Nodes;
using Connector.Runtime.Templating;

namespace Connector.Recipes.Running;

/// <summary>
/// A step's templated inputs rendered over a run's scope, once, or once per element of a forEach, with the
/// element as <c>each</c>. Shared by runs and dry runs, so both send the same inputs.
/// </summary>
internal static class StepInputs
{
    public static JsonObject Render(JsonObject inputs, JsonObject scope, JsonNode? each = null) =>
        Render(JsonTemplate.Compile(inputs.DeepClone()), scope, each);

    /// <summary>The inputs for each element, the template compiled once.</summary>
    public static JsonArray RenderEach(JsonObject inputs, JsonObject scope, IEnumerable<JsonNode?> elements)
    {
        var template = JsonTemplate.Compile(inputs.DeepClone());
        return [.. elements.Select(each => (JsonNode)Render(template, scope, each))];
    }

    private static JsonObject Render(JsonTemplate template, JsonObject scope, JsonNode? each)
    {
        scope["each"] = each?.DeepClone();
        try
        {
            return template.Render(scope) as JsonObject ?? [];
        }
        finally
        {
            scope.Remove("each");
        }
    }
}
