using System.Text.Json.Nodes;

namespace Connector.Runtime.Templating;

/// <summary>
/// A JSON value with <c>{{path}}</c> placeholders, parsed once and rendered many times. A string that
/// is exactly one placeholder takes the referenced value with its type; an absent value removes the
/// enclosing key or array element instead of sending an empty string.
/// </summary>
public abstract class JsonTemplate
{
    /// <summary>Parses a template; a null template renders as absent.</summary>
    public static JsonTemplate Compile(JsonNode? template) => template switch
    {
        null => Absent.Instance,
        JsonObject obj => new ObjectTemplate(obj.Select(p => (p.Key, Compile(p.Value))).ToArray()),
        JsonArray array => new ArrayTemplate(array.Select(Compile).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => TextTemplate.Parse(text),
        _ => new Literal(template.DeepClone()),
    };

    /// <summary>Every path the template refers to, for checks that each names something known.</summary>
    public abstract IEnumerable<string> References { get; }

    /// <summary>Renders the template; false when the result is absent.</summary>
    public abstract bool TryRender(JsonObject scope, out JsonNode? value);

    /// <summary>Renders the template; null when absent.</summary>
    public JsonNode? Render(JsonObject scope) => TryRender(scope, out var value) ? value : null;

    private sealed class Absent : JsonTemplate
    {
        public static readonly Absent Instance = new();

        public override IEnumerable<string> References => [];

        public override bool TryRender(JsonObject scope, out JsonNode? value)
        {
            value = null;
            return false;
        }
    }

    private sealed class Literal(JsonNode value) : JsonTemplate
    {
        public override IEnumerable<string> References => [];

        public override bool TryRender(JsonObject scope, out JsonNode? rendered)
        {
            rendered = value.DeepClone();
            return true;
        }
    }

    private sealed class ObjectTemplate((string Key, JsonTemplate Value)[] properties) : JsonTemplate
    {
        public override IEnumerable<string> References => properties.SelectMany(p => p.Value.References);

        public override bool TryRender(JsonObject scope, out JsonNode? value)
        {
            var obj = new JsonObject();
            foreach (var (key, template) in properties)
            {
                if (template.TryRender(scope, out var rendered))
                {
                    obj[key] = rendered;
                }
            }

            value = obj;
            return true;
        }
    }

    private sealed class ArrayTemplate(JsonTemplate[] elements) : JsonTemplate
    {
        public override IEnumerable<string> References => elements.SelectMany(e => e.References);

        public override bool TryRender(JsonObject scope, out JsonNode? value)
        {
            var array = new JsonArray();
            foreach (var element in elements)
            {
                if (element.TryRender(scope, out var rendered))
                {
                    array.Add(rendered);
                }
            }

            value = array;
            return true;
        }
    }
}
