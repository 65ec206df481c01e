using System.Text.Json.Nodes;

namespace Connector.Sandbox.Storage;

/// <summary>
/// One stored object of the sandbox: its type (contact, calendar, ...), id, owning location, times,
/// and its JSON as UTF-8 bytes. Immutable, so readers on many threads never see a half-written change;
/// an update stores a new instance.
/// </summary>
internal sealed record StoredDocument(
    string Type,
    string Id,
    string? LocationId,
    long CreatedAt,
    long UpdatedAt,
    byte[] Json)
{
    /// <summary>A private, mutable copy of the JSON.</summary>
    public JsonObject Parse() => JsonNode.Parse(Json)!.AsObject();

    public static StoredDocument From(
        string type,
        string id,
        string? locationId,
        long createdAt,
        long updatedAt,
        JsonObject body) =>
        new(type, id, locationId, createdAt, updatedAt, JsonText.ToUtf8(body));
}
