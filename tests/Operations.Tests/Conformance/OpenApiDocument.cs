using System.Text.Json.Nodes;

namespace Connector.Operations.Tests.Conformance;

/// <summary>One of the vendor's OpenAPI files, read as JSON, with its local references resolved.</summary>
internal sealed class OpenApiDocument
{
    // References chain a few deep at most in the vendor's files; a longer chain is a loop.
    private const int MaxDepth = 16;

    private readonly JsonObject _root;

    private OpenApiDocument(string name, JsonObject root)
    {
        Name = name;
        _root = root;
    }

    /// <summary>The file as the catalog list names it, for example <c>apps/contacts.json</c>.</summary>
    public string Name { get; }

    /// <summary>The file's top-level security, which applies to operations that state none.</summary>
    public JsonArray? Security => _root["security"] as JsonArray;

    public static OpenApiDocument Read(string folder, string name)
    {
        var text = File.ReadAllText(Path.Combine(folder, name));
        return JsonNode.Parse(text) is JsonObject root
            ? new OpenApiDocument(name, root)
            : throw new InvalidDataException($"{name}: not a JSON object");
    }

    /// <summary>The operation at exactly this path (trailing slash included) and method, if any.</summary>
    public VendorOperation? FindOperation(string method, string path)
    {
        if (_root["paths"]?[path] is not JsonObject pathItem
            || pathItem[method.ToLowerInvariant()] is not JsonObject operation)
        {
            return null;
        }

        var parameters = Parameters(pathItem).Concat(Parameters(operation)).Select(Resolve);
        return new VendorOperation(this, $"{method} {path}", operation, parameters);
    }

    /// <summary>The object a node stands for, after its <c>$ref</c> chain within the file.</summary>
    public JsonObject Resolve(JsonNode node)
    {
        for (var hop = 0; hop < MaxDepth; hop++)
        {
            if (node is not JsonObject obj)
            {
                throw new InvalidDataException($"{Name}: expected an object, found {node.ToJsonString()}");
            }

            if (obj["$ref"]?.GetValue<string>() is not { } reference)
            {
                return obj;
            }

            node = Follow(reference);
        }

        throw new InvalidDataException($"{Name}: $ref chain longer than {MaxDepth} (a loop?)");
    }

    /// <summary>A schema's top-level properties and required fields, with its <c>allOf</c> parts.</summary>
    public VendorSchema ReadSchema(JsonNode node)
    {
        var name = node["$ref"]?.GetValue<string>() is { } reference
            ? reference.Split('/')[^1]
            : "(inline schema)";
        var properties = new HashSet<string>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(node, properties, required, depth: 0);

        var schema = Resolve(node);
        var items = schema["type"]?.GetValue<string>() == "array" && schema["items"] is { } itemNode
            ? ReadSchema(itemNode)
            : null;
        return new VendorSchema(name, properties, required, items);
    }

    private void Collect(JsonNode node, HashSet<string> properties, HashSet<string> required, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidDataException($"{Name}: allOf nested deeper than {MaxDepth} (a loop?)");
        }

        var schema = Resolve(node);
        foreach (var part in Nodes(schema["allOf"]))
        {
            Collect(part, properties, required, depth + 1);
        }

        properties.UnionWith((schema["properties"] as JsonObject ?? []).Select(p => p.Key));
        required.UnionWith(Nodes(schema["required"]).Select(r => r.GetValue<string>()));
    }

    private JsonNode Follow(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{Name}: $ref '{reference}' points outside the file");
        }

        JsonNode? node = _root;
        foreach (var segment in reference[2..].Split('/'))
        {
            node = node?[Unescape(segment)];
        }

        return node ?? throw new InvalidDataException($"{Name}: $ref '{reference}' points at nothing");
    }

    // JSON pointer escapes: ~1 stands for '/', ~0 for '~'.
    private static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static IEnumerable<JsonNode> Parameters(JsonObject owner) => Nodes(owner["parameters"]);

    /// <summary>The elements of a JSON array, or none when the node is absent or not an array.</summary>
    internal static IEnumerable<JsonNode> Nodes(JsonNode? array) =>
        (array as JsonArray ?? []).OfType<JsonNode>();
}
