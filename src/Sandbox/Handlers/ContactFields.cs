using System.Text.Json;
using System.Text.Json.Nodes;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// How a contact is stored: the fields a caller may set, and those the vendor derives from them
/// (lower-cased names and email, the full name; tags are lower case and unique, as the vendor keeps them).
/// </summary>
internal static class ContactFields
{
    private static readonly string[] Writable =
    [
        "firstName", "lastName", "name", "email", "phone", "gender", "address1", "city", "state", "postalCode",
        "country", "website", "timezone", "companyName", "dateOfBirth", "dnd", "dndSettings", "inboundDndSettings",
        "tags", "source", "customFields", "assignedTo", "businessId",
    ];

    /// <summary>A new contact with the vendor's defaults.</summary>
    public static JsonObject New(string id, string locationId) => new()
    {
        ["id"] = id,
        ["locationId"] = locationId,
        ["type"] = "lead",
        ["dnd"] = false,
        ["tags"] = new JsonArray(),
        ["customFields"] = new JsonArray(),
        ["followers"] = new JsonArray(),
        ["deleted"] = false,
    };

    /// <summary>Copies the settable fields of <paramref name="changes"/>, then derives the others.</summary>
    public static void Apply(JsonObject contact, JsonObject changes)
    {
        foreach (var name in Writable)
        {
            if (!changes.TryGetPropertyValue(name, out var value))
            {
                continue;
            }

            if (value is null)
            {
                contact.Remove(name);
                continue;
            }

            contact[name] = name switch
            {
                "tags" => Tags(JsonText.Strings(changes, "tags")),
                "customFields" => CustomFields(value as JsonArray),
                _ => value.DeepClone(),
            };
        }

        Derive(contact);
    }

    public static void Stamp(JsonObject contact, long created, long updated)
    {
        contact["dateAdded"] = JsonText.Time(created);
        contact["dateUpdated"] = JsonText.Time(updated);
    }

    /// <summary>Tags as the vendor keeps them: trimmed, lower case, each once, in first-seen order.</summary>
    public static JsonArray Tags(IEnumerable<string> tags) =>
        JsonText.Array(tags.Select(t => t.Trim().ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal));

    private static void Derive(JsonObject contact)
    {
        var first = JsonText.String(contact, "firstName");
        var last = JsonText.String(contact, "lastName");
        if (first is not null || last is not null)
        {
            contact["name"] = string.Join(' ', new[] { first, last }.Where(p => !string.IsNullOrEmpty(p)));
        }

        SetLower(contact, "firstNameLowerCase", first);
        SetLower(contact, "lastNameLowerCase", last);
        SetLower(contact, "fullNameLowerCase", JsonText.String(contact, "name"));
        SetLower(contact, "emailLowerCase", JsonText.String(contact, "email"));
    }

    private static void SetLower(JsonObject contact, string name, string? value)
    {
        if (value is null)
        {
            contact.Remove(name);
        }
        else
        {
            contact[name] = value.ToLowerInvariant();
        }
    }

    // Callers send {id, field_value} or {key, value}; the vendor answers {id, value}.
    private static JsonArray CustomFields(JsonArray? fields)
    {
        var stored = new JsonArray();
        foreach (var field in (fields ?? []).OfType<JsonObject>())
        {
            var id = JsonText.String(field, "id") ?? JsonText.String(field, "key");
            var value = field["field_value"] ?? field["value"];
            if (id is not null)
            {
                stored.Add(new JsonObject { ["id"] = id, ["value"] = Text(value) });
            }
        }

        return stored;
    }

    private static JsonNode? Text(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => null,
        JsonValueKind.String => value.DeepClone(),
        _ => value.ToJsonString(),
    };
}
