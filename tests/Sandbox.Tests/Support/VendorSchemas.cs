using System.Text.Json.Nodes;
using Json.Schema;

namespace Connector.Sandbox.Tests.Support;

/// <summary>
/// The vendor's response schemas per operation, from the OpenAPI files beside the clone
/// (ghl-operations.tsv names each operation's file): local and cross-file $refs are inlined, OpenAPI's
/// <c>nullable</c> becomes a null type, and a schema without a type accepts any value.
/// </summary>
internal static class VendorSchemas
{
    private static readonly Dictionary<string, JsonNode> Files = [];
    private static readonly Lazy<Dictionary<string, (string File, string Method, string Path)>> Rows = new(ReadTable);

    /// <summary>
    /// The documented success statuses of an operation, and the first one's JSON schema with its references
    /// inlined (null: none).
    /// </summary>
    public static (IReadOnlyList<int> Statuses, JsonNode? Schema) For(string key)
    {
        lock (Files)
        {
            var (file, responses) = Responses(key);
            var statuses = responses.Select(r => r.Key).Where(c => c.StartsWith('2')).Select(int.Parse).ToList();
            var schema = FirstSuccess(responses)["content"]?["application/json"]?["schema"];
            return (statuses, schema is null ? null : Inline(schema, file, []));
        }
    }

    /// <summary>The Content-Type the vendor documents in the headers of the first success response, if any.</summary>
    public static string? DocumentedContentType(string key)
    {
        lock (Files)
        {
            var (_, responses) = Responses(key);
            return FirstSuccess(responses)["headers"]?["Content-Type"]?["description"]?.GetValue<string>();
        }
    }

    /// <summary>Whether a schema is absent or says nothing (no properties, items or combinations).</summary>
    public static bool IsEmpty(JsonNode? schema) =>
        schema is not JsonObject obj
        || !obj.Any(p => p.Key is "items" or "allOf" or "anyOf" or "oneOf" or "required"
            || (p.Key == "properties" && p.Value is JsonObject { Count: > 0 })
            || (p.Key == "type" && p.Value?.ToString() != "object"));

    /// <summary>The errors of a value against a schema, one line each; empty when it fits.</summary>
    public static IReadOnlyList<string> Check(JsonNode schema, JsonNode? value)
    {
        var compiled = JsonSchema.FromText(schema.ToJsonString());
        var result = compiled.Evaluate(value, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d =>
                d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }

    private static (string File, JsonObject Responses) Responses(string key)
    {
        var (file, method, path) = Rows.Value[key];
        var paths = Load(file)["paths"]!.AsObject();
        var item = paths[path] ?? paths.First(p => p.Key.TrimEnd('/') == path.TrimEnd('/')).Value!;
        return (file, item[method.ToLowerInvariant()]!["responses"]!.AsObject());
    }

    private static JsonNode FirstSuccess(JsonObject responses) => responses.First(r => r.Key.StartsWith('2')).Value!;

    private static Dictionary<string, (string File, string Method, string Path)> ReadTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Shared, "ghl-operations.tsv"));
        var header = lines[0].Split('\t').ToList();
        return lines.Skip(1).Select(l => l.Split('\t')).ToDictionary(
            c => c[header.IndexOf("key")],
            c => (c[header.IndexOf("spec_file")], c[header.IndexOf("method")], c[header.IndexOf("path")]));
    }

    private static JsonNode Load(string file)
    {
        if (!Files.TryGetValue(file, out var spec))
        {
            spec = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Shared, "ghl-openapi", file)))!;
            Files[file] = spec;
        }

        return spec;
    }

    private static JsonNode Inline(JsonNode node, string file, HashSet<string> stack)
    {
        switch (node)
        {
            case JsonObject obj when obj["$ref"]?.GetValue<string>() is { } reference:
                var (target, targetFile) = Resolve(reference, file);
                var id = targetFile + reference[reference.IndexOf('#')..];
                if (!stack.Add(id))
                {
                    return new JsonObject();
                }

                var inlined = Inline(target, targetFile, stack);
                stack.Remove(id);
                return inlined;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    if (value is null || name is "nullable" or "example" or "examples" or "discriminator" or "xml")
                    {
                        continue;
                    }

                    copy[name] = name switch
                    {
                        "properties" => new JsonObject(value.AsObject().Select(p =>
                            KeyValuePair.Create(p.Key, p.Value is null ? null : Inline(p.Value, file, stack)))),
                        "enum" or "required" or "default" => value.DeepClone(),
                        _ => Inline(value, file, stack),
                    };
                }

                return obj["nullable"]?.GetValue<bool>() == true ? Nullable(copy) : copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(v => v is null ? null : Inline(v, file, stack))]);
            default:
                return node.DeepClone();
        }
    }

    private static JsonObject Nullable(JsonObject schema)
    {
        if (schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
        }

        if (schema["enum"] is JsonArray values)
        {
            values.Add(null);
        }

        return schema;
    }

    private static (JsonNode Target, string File) Resolve(string reference, string file)
    {
        var hash = reference.IndexOf('#');
        var folder = Path.GetDirectoryName(file)?.Replace('\\', '/');
        var targetFile = Normalize(hash == 0 ? file : $"{folder}/{reference[..hash]}");
        var node = Load(targetFile);
        foreach (var part in reference[(hash + 2)..].Split('/'))
        {
            node = node[part] ?? throw new KeyNotFoundException($"{reference} in {file}");
        }

        return (node, targetFile);
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
