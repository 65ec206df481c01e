using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Connector.Operations.Loading;

/// <summary>
/// Reads a YAML file into JSON, remembering where each value stood so that every later check can
/// say file, line and column.
/// </summary>
internal static class YamlDocument
{
    /// <summary>
    /// Parses YAML text; throws <see cref="DefinitionException"/> with the position of a syntax error.
    /// </summary>
    public static (JsonNode? Root, DefinitionSource Source) Parse(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            var at = new SourceLocation(file, (int)error.Start.Line, (int)error.Start.Column);
            throw new DefinitionException(at, $"YAML syntax: {Describe(error)}");
        }

        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var root = stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode, "", file, locations);
        return (root, new DefinitionSource(file, locations));
    }

    private static string Describe(YamlException error)
    {
        var message = error.InnerException?.Message ?? error.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && message.StartsWith('(') ? message[(close + 3)..] : message;
    }

    private static JsonNode? Convert(
        YamlNode node,
        string pointer,
        string file,
        Dictionary<string, SourceLocation> locations)
    {
        locations[pointer] = new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = ((YamlScalarNode)keyNode).Value ?? "";
                    if (obj.ContainsKey(key))
                    {
                        var at = new SourceLocation(file, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
                        throw new DefinitionException(at, $"duplicate key '{key}'");
                    }

                    obj[key] = Convert(valueNode, $"{pointer}/{Escape(key)}", file, locations);
                }

                return obj;

            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], $"{pointer}/{i}", file, locations));
                }

                return array;

            case YamlScalarNode scalar:
                return ConvertScalar(scalar);

            default:
                var location = new SourceLocation(file, (int)node.Start.Line, (int)node.Start.Column);
                throw new DefinitionException(location, "YAML aliases are not supported in definitions");
        }
    }

    // Only plain (unquoted) scalars take a YAML 1.2 core-schema type; a quoted "20" stays a string.
    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                => JsonValue.Create(whole),
            _ when IsDecimal(text) => JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    private static bool IsDecimal(string text) =>
        text.Any(char.IsDigit)
        && text.All(c => char.IsDigit(c) || c is '.' or '-' or '+' or 'e' or 'E')
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Escape(string key) => key
        .Replace("~", "~0", StringComparison.Ordinal)
        .Replace("/", "~1", StringComparison.Ordinal);
}
