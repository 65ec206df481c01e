using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// The sort of a contact search: one field and direction, then the id; by default dateAdded, newest first.
/// </summary>
internal sealed class ContactSort : IComparer<(StoredDocument Document, JsonObject Contact)>
{
    private readonly string _field;
    private readonly bool _descending;

    private ContactSort(string field, bool descending)
    {
        _field = field;
        _descending = descending;
    }

    public static ContactSort From(JsonNode? sort)
    {
        if (sort is JsonArray { Count: > 0 } array && array[0] is JsonObject first
            && JsonText.String(first, "field") is { } field)
        {
            return new ContactSort(field, JsonText.String(first, "direction") != "asc");
        }

        return new ContactSort("dateAdded", true);
    }

    public int Compare(
        (StoredDocument Document, JsonObject Contact) x,
        (StoredDocument Document, JsonObject Contact) y)
    {
        var byField = CompareValues(Value(x), Value(y));
        var result = byField != 0 ? byField : string.CompareOrdinal(x.Document.Id, y.Document.Id);
        return _descending ? -result : result;
    }

    public bool After((StoredDocument Document, JsonObject Contact) item, JsonArray cursor)
    {
        var byField = CompareValues(Value(item), cursor[0]);
        var result = byField != 0 ? byField : string.CompareOrdinal(item.Document.Id, cursor[1]?.ToString());
        return _descending ? result < 0 : result > 0;
    }

    public JsonArray Cursor((StoredDocument Document, JsonObject Contact) item) =>
        [Value(item)?.DeepClone(), item.Document.Id];

    private JsonNode? Value((StoredDocument Document, JsonObject Contact) item) => _field switch
    {
        "dateAdded" => item.Document.CreatedAt,
        "dateUpdated" => item.Document.UpdatedAt,
        _ => item.Contact[_field],
    };

    private static int CompareValues(JsonNode? x, JsonNode? y)
    {
        if (x?.GetValueKind() == JsonValueKind.Number && y?.GetValueKind() == JsonValueKind.Number)
        {
            return Number(x).CompareTo(Number(y));
        }

        return string.Compare(Text(x), Text(y), StringComparison.OrdinalIgnoreCase);
    }

    private static double Number(JsonNode node) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static string Text(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "",
        JsonValueKind.String => node.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
