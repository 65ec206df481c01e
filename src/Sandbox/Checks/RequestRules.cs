using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Microsoft.AspNetCore.Http;

namespace Connector.Sandbox.Checks;

/// <summary>
/// The fields an operation's request must carry, read from its definition: each key of the body or
/// query template filled by an input field takes that field's type, choices and requiredness; a key
/// the template always sends with a fixed value must be there with a value of the same kind.
/// </summary>
internal sealed class RequestRules
{
    private readonly IReadOnlyList<FieldRule> _body;
    private readonly IReadOnlyList<FieldRule> _query;

    private RequestRules(IReadOnlyList<FieldRule> body, bool bodyIsArray, IReadOnlyList<FieldRule> query, bool hasBody)
    {
        _body = body;
        _query = query;
        BodyIsArray = bodyIsArray;
        HasBody = hasBody;
    }

    /// <summary>Whether there is nothing to check.</summary>
    public bool IsEmpty => _body.Count == 0 && _query.Count == 0 && !BodyIsArray;

    /// <summary>Whether the operation sends a JSON body.</summary>
    public bool HasBody { get; }

    /// <summary>Whether that body is an array of objects (calendar notifications are created in batches).</summary>
    public bool BodyIsArray { get; }

    public static RequestRules For(OperationDefinition operation)
    {
        var request = operation.Request;
        var query = request.Query is { } q ? Rules(operation, q) : [];
        return request.Body switch
        {
            JsonObject body => new RequestRules(Rules(operation, body), false, query, true),
            JsonArray { Count: > 0 } array when array[0] is JsonObject element =>
                new RequestRules(Rules(operation, element), true, query, true),
            null => new RequestRules([], false, query, false),
            _ => new RequestRules([], false, query, true),
        };
    }

    /// <summary>Every problem of the request, in the vendor's words; empty when it is acceptable.</summary>
    public List<string> Check(IQueryCollection query, JsonNode? body)
    {
        var problems = new List<string>();
        foreach (var rule in _query)
        {
            rule.Check(query.TryGetValue(rule.Name, out var values) ? [.. values.OfType<string>()] : [], problems);
        }

        if (!HasBody)
        {
            return problems;
        }

        if (BodyIsArray)
        {
            if (body is not JsonArray array)
            {
                problems.Add("body must be an array");
                return problems;
            }

            foreach (var element in array)
            {
                CheckObject(element as JsonObject, problems);
            }

            return problems;
        }

        CheckObject(body as JsonObject, problems);
        return problems;
    }

    private void CheckObject(JsonObject? body, List<string> problems)
    {
        foreach (var rule in _body)
        {
            JsonNode? value = null;
            var present = body is not null && body.TryGetPropertyValue(rule.Name, out value);
            rule.Check(present, value, problems);
        }
    }

    private static List<FieldRule> Rules(OperationDefinition operation, JsonObject template)
    {
        var rules = new List<FieldRule>();
        foreach (var (name, value) in template)
        {
            if (RuleFor(operation, name, value) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    private static FieldRule? RuleFor(OperationDefinition operation, string name, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            return LiteralKind(value) is { } literal ? new FieldRule(name, literal, null, true, []) : null;
        }

        var text = value.GetValue<string>();
        if (SingleTemplate(text) is not { } inputName)
        {
            // Fixed text or text around templates: sent as a string, required only when fixed.
            return new FieldRule(name, FieldType.String, null, !text.Contains("{{", StringComparison.Ordinal), []);
        }

        if (operation.FindInput(inputName) is { } input)
        {
            return new FieldRule(name, input.Type, input.Items, input.Required, [.. input.Choices.Select(c => c.Value)]);
        }

        // A connection value ({{connection.locationId}}) is always sent.
        return new FieldRule(name, FieldType.String, null, true, []);
    }

    private static string? SingleTemplate(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal)
            && trimmed.IndexOf("{{", 2, StringComparison.Ordinal) < 0
            ? trimmed[2..^2].Trim()
            : null;
    }

    private static FieldType? LiteralKind(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Number => FieldType.Number,
        JsonValueKind.True or JsonValueKind.False => FieldType.Boolean,
        JsonValueKind.Array => FieldType.Array,
        // An object literal is a nested template; the sandbox does not check inside it.
        _ => null,
    };
}
