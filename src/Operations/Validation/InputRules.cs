using System.Text.Json.Nodes;
using Connector.Operations.Definitions;

namespace Connector.Operations.Validation;

/// <summary>Whether one value suits one input field.</summary>
internal static class InputRules
{
    /// <summary>
    /// What is wrong with <paramref name="value"/> for <paramref name="input"/>, or null when it fits.
    /// </summary>
    public static string? Check(InputField input, JsonNode? value)
    {
        if (!FieldTypes.Fits(input.Type, value, input.Items))
        {
            var expected = input.Items is { } items
                ? $"an array of {FieldTypes.Name(items)}"
                : $"a{(input.Type is FieldType.Integer or FieldType.Object or FieldType.Array ? "n" : "")} "
                    + $"{FieldTypes.Name(input.Type)}";
            return $"must be {expected}, not {Describe(value)}";
        }

        if (input.Choices.Count > 0 && !input.Choices.Any(c => JsonNode.DeepEquals(c.Value, value)))
        {
            return $"must be one of {string.Join(", ", input.Choices.Select(c => c.Value.ToJsonString()))}, "
                + $"not {value!.ToJsonString()}";
        }

        return null;
    }

    private static string Describe(JsonNode? value) => value is null ? "null" : value.ToJsonString() switch
    {
        { Length: > 40 } text => text[..40] + "…",
        var text => text,
    };
}
