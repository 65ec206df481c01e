using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Seeding;

/// <summary>The documents a seeding makes, collected in order.</summary>
internal sealed class SeedBatch
{
    private readonly List<StoredDocument> _documents = [];

    public IReadOnlyList<StoredDocument> Documents => _documents;

    /// <summary>Epoch milliseconds of an ISO 8601 time.</summary>
    public static long Ms(string time) =>
        DateTimeOffset.Parse(time, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    public JsonObject Add(string type, string id, string? locationId, long created, long updated, JsonObject body)
    {
        _documents.Add(StoredDocument.From(type, id, locationId, created, updated, body));
        return body;
    }

    public JsonObject Add(string type, string id, string? locationId, string created, JsonObject body) =>
        Add(type, id, locationId, Ms(created), Ms(created), body);
}
