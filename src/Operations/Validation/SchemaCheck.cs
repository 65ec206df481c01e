using System.Reflection;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Json.Schema;

namespace Connector.Operations.Validation;

/// <summary>Checks a definition against the format's JSON Schema, the same one editors use.</summary>
internal sealed class SchemaCheck
{
    private readonly JsonSchema _schema;

    private SchemaCheck(JsonSchema schema) => _schema = schema;

    public static SchemaCheck Operation { get; } = Load("operation.schema.json");

    public static SchemaCheck Connector { get; } = Load("connector.schema.json");

    public IReadOnlyList<DefinitionProblem> Check(JsonNode? document, DefinitionSource source)
    {
        EvaluationResults results;

        // JsonSchema.Net 7 keeps evaluation state on the schema objects: two threads evaluating one
        // schema at once were seen to report branches of the other's document.
        lock (_schema)
        {
            results = _schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        }

        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<DefinitionProblem>();
        Collect(results, source, problems);
        if (problems.Count == 0)
        {
            problems.Add(new DefinitionProblem(source.Locate(""), "does not match the definition schema"));
        }

        return problems.Distinct().OrderBy(p => p.Location.Line).ThenBy(p => p.Location.Column).ToList();
    }

    // Only failing branches explain a failure: the inside of a passing `not`, or an `if` that merely
    // chose the other branch, would report errors that are not there.
    private static void Collect(EvaluationResults node, DefinitionSource source, List<DefinitionProblem> problems)
    {
        if (node.IsValid)
        {
            return;
        }

        var pointer = node.InstanceLocation.ToString();
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            var unknown = node.EvaluationPath.ToString().Contains("/additionalProperties", StringComparison.Ordinal);
            problems.Add(new DefinitionProblem(source.Locate(pointer), Describe(pointer, keyword, message, unknown)));
        }

        foreach (var child in node.Details)
        {
            var path = child.EvaluationPath.ToString();
            if (!path.EndsWith("/if", StringComparison.Ordinal))
            {
                Collect(child, source, problems);
            }
        }
    }

    private static string Describe(string pointer, string keyword, string message, bool unknown)
    {
        var field = pointer.Length == 0 ? "(top)" : pointer.TrimStart('/').Replace('/', '.');
        return keyword switch
        {
            "" or "false" => unknown ? $"unknown field '{field}'" : $"field '{field}' is not allowed here",
            "required" => $"{(pointer.Length == 0 ? "" : field + ": ")}"
                + message
                    .Replace("Required properties", "missing required field(s)", StringComparison.Ordinal)
                    .Replace(" are not present", "", StringComparison.Ordinal),
            _ => $"{field}: {message}",
        };
    }

    private static SchemaCheck Load(string name) => FromResource(Assembly.GetExecutingAssembly(), name);

    /// <summary>A schema embedded in <paramref name="assembly"/> as <c>schema/NAME</c>.</summary>
    public static SchemaCheck FromResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream($"schema/{name}")
            ?? throw new InvalidOperationException($"The schema {name} is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return new SchemaCheck(JsonSchema.FromText(reader.ReadToEnd()));
    }
}
