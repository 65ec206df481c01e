using System.Text.Json.Nodes;

namespace Connector.Operations.Tests.Conformance;

/// <summary>One operation of a vendor OpenAPI file: its parameters, request body and security.</summary>
internal sealed class VendorOperation
{
    private readonly OpenApiDocument _document;
    private readonly string _methodAndPath;
    private readonly JsonObject _operation;

    public VendorOperation(
        OpenApiDocument document,
        string methodAndPath,
        JsonObject operation,
        IEnumerable<JsonObject> parameters)
    {
        _document = document;
        _methodAndPath = methodAndPath;
        _operation = operation;
        Parameters = parameters.Select(ReadParameter).ToList();
    }

    public IReadOnlyList<VendorParameter> Parameters { get; }

    /// <summary>Names the operation the way messages quote it: method, path and file.</summary>
    public string Describe => $"{_methodAndPath} in {_document.Name}";

    /// <summary>Security schemes the operation names, such as <c>Location-Access</c>.</summary>
    public IReadOnlySet<string> SecuritySchemes =>
        SecurityRequirements().Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every scope of every security requirement.</summary>
    public IReadOnlySet<string> Scopes => SecurityRequirements()
        .SelectMany(r => OpenApiDocument.Nodes(r.Value).Select(s => s.GetValue<string>()))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Content types of the request body in the order of the file; empty when it has none.</summary>
    public IReadOnlyList<string> RequestContentTypes => RequestContent().Select(c => c.Key).ToList();

    public IEnumerable<VendorParameter> In(string location) =>
        Parameters.Where(p => string.Equals(p.In, location, StringComparison.Ordinal));

    /// <summary>
    /// The values the <c>Version</c> header may take (its enum, else its example); null when the vendor
    /// declares no such header.
    /// </summary>
    public IReadOnlyList<string>? VersionValues()
    {
        var header = In("header")
            .FirstOrDefault(p => string.Equals(p.Name, "Version", StringComparison.OrdinalIgnoreCase));
        if (header is null)
        {
            return null;
        }

        var values = OpenApiDocument.Nodes(header.Schema?["enum"]).Select(v => v.ToString()).ToList();
        if (values.Count == 0 && header.Schema?["example"] is { } example)
        {
            values.Add(example.ToString());
        }

        return values;
    }

    /// <summary>The request schema for a content type, or null when the body has no such type.</summary>
    public VendorSchema? RequestSchema(string contentType)
    {
        var content = RequestContent().FirstOrDefault(c => c.Key == contentType).Value;
        if (content is null)
        {
            return null;
        }

        return content["schema"] is { } schema ? _document.ReadSchema(schema) : VendorSchema.None;
    }

    private IEnumerable<KeyValuePair<string, JsonNode?>> RequestContent() =>
        _operation["requestBody"] is { } body ? _document.Resolve(body)["content"] as JsonObject ?? [] : [];

    private IEnumerable<KeyValuePair<string, JsonNode?>> SecurityRequirements() =>
        OpenApiDocument.Nodes(_operation["security"] ?? _document.Security)
            .OfType<JsonObject>()
            .SelectMany(requirement => requirement);

    private static VendorParameter ReadParameter(JsonObject parameter) => new(
        parameter["name"]?.GetValue<string>() ?? "",
        parameter["in"]?.GetValue<string>() ?? "",
        parameter["required"]?.GetValue<bool>() ?? false,
        parameter["schema"] as JsonObject);
}
