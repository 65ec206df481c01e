using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Connector.Operations.Definitions;
using Connector.Operations.Validation;

namespace Connector.Operations.Loading;

/// <summary>Turns checked YAML documents into definition records.</summary>
internal static class DefinitionReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new ChoiceConverter() },
    };

    /// <summary>Reads one file; problems are added to <paramref name="problems"/> and null is returned.</summary>
    public static T? Read<T>(string file, SchemaCheck schema, List<DefinitionProblem> problems)
        where T : class =>
        Read<T>(file, schema, problems, out var matchesSchema) is { } definition && matchesSchema ? definition : null;

    /// <summary>
    /// Reads one file; problems are added to <paramref name="problems"/>. A file the schema rejects is still
    /// read as far as it can be (<paramref name="matchesSchema"/> false), so that its other problems can be
    /// found too; such a definition is for checking, never for the catalog.
    /// </summary>
    public static T? Read<T>(string file, SchemaCheck schema, List<DefinitionProblem> problems, out bool matchesSchema)
        where T : class
    {
        matchesSchema = false;
        JsonNode? root;
        DefinitionSource source;
        try
        {
            (root, source) = YamlDocument.Parse(file, File.ReadAllText(file));
        }
        catch (DefinitionException error)
        {
            problems.Add(new DefinitionProblem(error.Location, error.Problem));
            return null;
        }

        var schemaProblems = schema.Check(root, source);
        problems.AddRange(schemaProblems);
        matchesSchema = schemaProblems.Count == 0;
        try
        {
            var definition = root.Deserialize<T>(Options)!;
            switch (definition)
            {
                case OperationDefinition operation:
                    operation.Source = source;
                    break;
                case ConnectorDefinition connector:
                    connector.Source = source;
                    break;
            }

            return definition;
        }
        catch (JsonException error)
        {
            if (matchesSchema)
            {
                var pointer = error.Path is { } path ? ToPointer(path) : "";
                problems.Add(new DefinitionProblem(source.Locate(pointer), error.Message));
            }

            // A document the schema rejected may not have the shape of a definition at all: its schema
            // problems say what is wrong.
            return null;
        }
    }

    // System.Text.Json reports paths as $.request.query or $.inputs[2].key.
    private static string ToPointer(string path) =>
        path.TrimStart('$').Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)
            .Replace('.', '/').TrimEnd('/');

    private sealed class ChoiceConverter : JsonConverter<Choice>
    {
        public override Choice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var node = JsonNode.Parse(ref reader)!;
            if (node is JsonObject obj)
            {
                var value = obj["value"]!.DeepClone();
                return new Choice(value, obj["label"]?.GetValue<string>() ?? Text(value));
            }

            return new Choice(node, Text(node));
        }

        public override void Write(Utf8JsonWriter writer, Choice value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("value");
            value.Value.WriteTo(writer);
            writer.WriteString("label", value.Label);
            writer.WriteEndObject();
        }

        private static string Text(JsonNode value) =>
            value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
    }
}
