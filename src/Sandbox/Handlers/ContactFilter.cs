using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// The filters of a contact search, as the vendor documents them outside its OpenAPI files:
/// <c>{field, operator, value}</c> conditions, all of which must hold, and <c>{group: "AND"|"OR", filters}</c>
/// groups. Operators: eq, not_eq, contains, not_contains, exists, not_exists. Text compares without case;
/// a condition on tags holds when the contact has the tag (or any of the tags) named.
/// </summary>
internal static class ContactFilter
{
    public static Func<JsonObject, bool> From(JsonNode? filters) => filters switch
    {
        null => _ => true,
        JsonArray array => All([.. array.Select(Condition)]),
        _ => throw ApiException.Unprocessable("filters must be an array"),
    };

    private static Func<JsonObject, bool> All(Func<JsonObject, bool>[] conditions) =>
        contact => conditions.All(condition => condition(contact));

    private static Func<JsonObject, bool> Condition(JsonNode? node)
    {
        if (node is not JsonObject condition)
        {
            throw ApiException.Unprocessable("each value in filters must be an object");
        }

        if (JsonText.String(condition, "group") is { } group)
        {
            var members = (condition["filters"] as JsonArray ?? []).Select(Condition).ToArray();
            return group.Equals("OR", StringComparison.OrdinalIgnoreCase)
                ? contact => members.Any(member => member(contact))
                : All(members);
        }

        var field = JsonText.String(condition, "field")
            ?? throw ApiException.Unprocessable("filters.field should not be empty");
        var value = condition["value"];
        return JsonText.String(condition, "operator") switch
        {
            "eq" => contact => Equal(contact, field, value),
            "not_eq" => contact => !Equal(contact, field, value),
            "contains" => contact => Contains(contact, field, value),
            "not_contains" => contact => !Contains(contact, field, value),
            "exists" => contact => Present(contact[field]),
            "not_exists" => contact => !Present(contact[field]),
            var other => throw ApiException.Unprocessable($"filters.operator '{other}' is not supported"),
        };
    }

    private static bool Equal(JsonObject contact, string field, JsonNode? value)
    {
        if (field == "tags")
        {
            return Wanted(value).Any(tag => JsonText.Strings(contact, "tags").Contains(tag.ToLowerInvariant()));
        }

        return Wanted(value).Any(v => string.Equals(Text(contact[field]), v, StringComparison.OrdinalIgnoreCase));
    }

    private static bool Contains(JsonObject contact, string field, JsonNode? value) =>
        field == "tags"
            ? Equal(contact, field, value)
            : Wanted(value).Any(v => Text(contact[field])?.Contains(v, StringComparison.OrdinalIgnoreCase) == true);

    private static IEnumerable<string> Wanted(JsonNode? value) => value switch
    {
        JsonArray array => array.Select(Text).OfType<string>(),
        _ => Text(value) is { } text ? [text] : [],
    };

    private static bool Present(JsonNode? value) =>
        value is not null
        && value.GetValueKind() != JsonValueKind.Null
        && Text(value) is not ""
        && value is not JsonArray { Count: 0 };

    private static string? Text(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => value.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
