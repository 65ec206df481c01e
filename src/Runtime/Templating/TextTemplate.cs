using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Runtime.Json;

namespace Connector.Runtime.Templating;

/// <summary>A string with <c>{{path}}</c> placeholders.</summary>
internal sealed class TextTemplate : JsonTemplate
{
    private readonly string[] _texts;
    private readonly string[] _paths;

    private TextTemplate(string[] texts, string[] paths)
    {
        _texts = texts;
        _paths = paths;
    }

    public override IEnumerable<string> References => _paths;

    /// <summary>Parses text; a string with no placeholder renders as itself.</summary>
    public static JsonTemplate Parse(string text)
    {
        var texts = new List<string>();
        var paths = new List<string>();
        var position = 0;
        while (true)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                texts.Add(text[position..]);
                break;
            }

            texts.Add(text[position..open]);
            paths.Add(text[(open + 2)..close].Trim());
            position = close + 2;
        }

        return new TextTemplate([.. texts], [.. paths]);
    }

    public override bool TryRender(JsonObject scope, out JsonNode? value)
    {
        if (_paths.Length == 1 && _texts[0].Length == 0 && _texts[1].Length == 0)
        {
            return Lookup(scope, _paths[0], out value);
        }

        var builder = new StringBuilder(_texts[0]);
        var found = _paths.Length == 0;
        for (var i = 0; i < _paths.Length; i++)
        {
            if (Lookup(scope, _paths[i], out var part))
            {
                found = true;
                builder.Append(part is null ? "" : AsText(part));
            }

            builder.Append(_texts[i + 1]);
        }

        // Text whose every value is absent ("note-{{userId}}" without a userId) is absent too, rather
        // than sent as its bare surroundings or as an empty string.
        value = found ? JsonValue.Create(builder.ToString()) : null;
        return found;
    }

    private static bool Lookup(JsonObject scope, string path, out JsonNode? value)
    {
        if (!JsonPath.TryGet(scope, path, out var found))
        {
            value = null;
            return false;
        }

        value = found?.DeepClone();
        return true;
    }

    private static string AsText(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number => node.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };
}
