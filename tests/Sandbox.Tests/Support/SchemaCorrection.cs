using System.Text.Json.Nodes;

namespace Connector.Sandbox.Tests.Support;

/// <summary>
/// A named fix to a vendor response schema that cannot judge an answer as it stands, with the reason. Its
/// steps rewrite the inlined vendor schema at JSON pointers into it (a pointer the vendor's schema no
/// longer has fails loudly), or stand in for a schema the vendor leaves empty or out.
/// </summary>
internal sealed class SchemaCorrection
{
    private readonly List<Func<JsonNode, JsonNode>> _steps = [];

    private SchemaCorrection(string reason, bool isJson)
    {
        Reason = reason;
        IsJson = isJson;
    }

    /// <summary>Why the vendor's schema cannot judge the answer as it stands.</summary>
    public string Reason { get; }

    /// <summary>False when the vendor answers with a file rather than JSON: there is no schema to correct.</summary>
    public bool IsJson { get; }

    /// <summary>A correction of a JSON answer's schema, made of the steps that follow.</summary>
    public static SchemaCorrection Because(string reason) => new(reason, isJson: true);

    /// <summary>An answer that is not JSON: its content type and a body are checked instead of a schema.</summary>
    public static SchemaCorrection NotJson(string reason) => new(reason, isJson: false);

    /// <summary>Gives the schemas at these pointers the JSON type the vendor really answers.</summary>
    public SchemaCorrection Retype(string type, params string[] pointers) => Then(schema =>
    {
        foreach (var pointer in pointers)
        {
            At(schema, pointer)["type"] = type;
        }

        return schema;
    });

    /// <summary>Puts a schema (JSON text) in place of the one at the pointer.</summary>
    public SchemaCorrection Replace(string pointer, string replacement) => Then(schema =>
    {
        var slash = pointer.LastIndexOf('/');
        var parent = At(schema, pointer[..slash]);
        var name = pointer[(slash + 1)..];
        _ = parent[name] ?? throw new KeyNotFoundException($"The vendor's schema has nothing at {pointer}.");
        parent[name] = JsonNode.Parse(replacement);
        return schema;
    });

    /// <summary>Stops requiring these properties of the object schema at the pointer.</summary>
    public SchemaCorrection Unrequire(string pointer, params string[] names) => Then(schema =>
    {
        var required = At(schema, pointer)["required"]!.AsArray();
        foreach (var name in names)
        {
            var item = required.FirstOrDefault(n => n?.GetValue<string>() == name)
                ?? throw new KeyNotFoundException($"{pointer}/required has no {name}");
            required.Remove(item);
        }

        return schema;
    });

    /// <summary>Requires these properties of the object schema at the pointer.</summary>
    public SchemaCorrection Require(string pointer, params string[] names) => Then(schema =>
    {
        var required = At(schema, pointer)["required"]!.AsArray();
        foreach (var name in names)
        {
            required.Add(name);
        }

        return schema;
    });

    /// <summary>The vendor's schema is one item of the answer, which is a JSON array of them.</summary>
    public SchemaCorrection ArrayOfIt() => Then(item => new JsonObject { ["type"] = "array", ["items"] = item });

    /// <summary>The vendor's schema is one item of the answer, which lists them under this property.</summary>
    public SchemaCorrection ListedUnder(string property) => Then(item => new JsonObject
    {
        ["type"] = "object",
        ["properties"] = new JsonObject { [property] = new JsonObject { ["type"] = "array", ["items"] = item } },
        ["required"] = new JsonArray(property),
    });

    /// <summary>Stands in for the vendor's schema with one written here (JSON text).</summary>
    public SchemaCorrection WrittenAs(string schema) => Then(_ => JsonNode.Parse(schema)!);

    /// <summary>The corrected schema: the vendor's (an empty one when it has none) with every step applied.</summary>
    public JsonNode Apply(JsonNode? vendor) =>
        _steps.Aggregate(vendor?.DeepClone() ?? new JsonObject(), (schema, step) => step(schema));

    private SchemaCorrection Then(Func<JsonNode, JsonNode> step)
    {
        _steps.Add(step);
        return this;
    }

    private static JsonObject At(JsonNode schema, string pointer)
    {
        var node = schema;
        foreach (var part in pointer.Split('/').Skip(1))
        {
            node = node[part] ?? throw new KeyNotFoundException($"The vendor's schema has nothing at {pointer}.");
        }

        return node.AsObject();
    }
}
