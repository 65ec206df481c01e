using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Operations.Definitions;

/// <summary>Which JSON values each <see cref="FieldType"/> accepts.</summary>
public static class FieldTypes
{
    public static bool Fits(FieldType type, JsonNode? value, FieldType? items = null)
    {
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        return type switch
        {
            FieldType.String => kind == JsonValueKind.String,
            FieldType.Datetime => kind == JsonValueKind.String && IsDateTime(value!.GetValue<string>()),
            FieldType.Number => kind == JsonValueKind.Number,
            FieldType.Integer => kind == JsonValueKind.Number && IsWhole(value!),
            FieldType.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            FieldType.Object => kind == JsonValueKind.Object,
            FieldType.Array => kind == JsonValueKind.Array
                && (items is not { } itemType || value!.AsArray().All(element => Fits(itemType, element))),
            _ => false,
        };
    }

    /// <summary>How a type is named in messages and in the catalog.</summary>
    public static string Name(FieldType type) => type.ToString().ToLowerInvariant();

    // A JsonValue answers TryGetValue only for the CLR type it was made from, so read the number's text.
    private static bool IsWhole(JsonNode value) =>
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && decimal.Truncate(number) == number;

    private static bool IsDateTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
}
