using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;

namespace Connector.Sandbox.Checks;

/// <summary>
/// What one field of a request must be, taken from the operation's input field that fills it. Messages
/// read like the vendor's validation messages (NestJS class-validator): "email must be a string".
/// </summary>
internal sealed record FieldRule(
    string Name,
    FieldType Type,
    FieldType? Items,
    bool Required,
    IReadOnlyList<JsonNode> Choices)
{
    /// <summary>Checks a JSON value (a body field); absent is <paramref name="present"/> false.</summary>
    public void Check(bool present, JsonNode? value, List<string> problems)
    {
        if (!present || value is null)
        {
            if (Required)
            {
                problems.Add($"{Name} should not be empty");
            }

            return;
        }

        if (!FieldTypes.Fits(Type, value, Items))
        {
            problems.Add(TypeMessage(value));
            return;
        }

        if (Choices.Count > 0 && !Choices.Any(choice => JsonNode.DeepEquals(choice, value)))
        {
            problems.Add($"{Name} must be one of the following values: {string.Join(", ", Choices.Select(Text))}");
        }
    }

    /// <summary>Checks query-string values, which are always text.</summary>
    public void Check(IReadOnlyList<string> values, List<string> problems)
    {
        if (values.Count == 0 || (values.Count == 1 && values[0].Length == 0))
        {
            if (Required)
            {
                problems.Add($"{Name} should not be empty");
            }

            return;
        }

        if (Type != FieldType.Array && !values.All(FitsText))
        {
            problems.Add(TypeMessage(null));
            return;
        }

        if (Choices.Count > 0 && Type != FieldType.Array && !values.All(v => Choices.Any(c => Text(c) == v)))
        {
            problems.Add($"{Name} must be one of the following values: {string.Join(", ", Choices.Select(Text))}");
        }
    }

    private static string Text(JsonNode choice) =>
        choice.GetValueKind() == JsonValueKind.String ? choice.GetValue<string>() : choice.ToJsonString();

    private bool FitsText(string text) => Type switch
    {
        FieldType.Integer => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        FieldType.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        FieldType.Boolean => text is "true" or "false",
        FieldType.Datetime =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
        _ => true,
    };

    private string TypeMessage(JsonNode? value)
    {
        if (Type == FieldType.Array && value is JsonArray && Items is { } items)
        {
            return $"each value in {Name} must be {Article(items)}";
        }

        return $"{Name} must be {Article(Type)}";
    }

    private static string Article(FieldType type) => type switch
    {
        FieldType.String => "a string",
        FieldType.Number => "a number conforming to the specified constraints",
        FieldType.Integer => "an integer number",
        FieldType.Boolean => "a boolean value",
        FieldType.Datetime => "a valid ISO 8601 date string",
        FieldType.Array => "an array",
        _ => "an object",
    };
}
