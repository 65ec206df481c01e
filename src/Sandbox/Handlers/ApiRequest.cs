using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Sandbox.Hosting;
using Connector.Sandbox.Routing;
using Connector.Sandbox.Storage;
using Microsoft.AspNetCore.Http;

namespace Connector.Sandbox.Handlers;

/// <summary>A request that passed every check, with what its handler needs to carry it out.</summary>
internal sealed class ApiRequest
{
    public required OperationPlan Plan { get; init; }

    public required RouteMatch Route { get; init; }

    public required HttpContext Http { get; init; }

    public required TokenRecord Token { get; init; }

    public required SandboxState State { get; init; }

    /// <summary>The parsed JSON body; null when there is none.</summary>
    public JsonNode? Body { get; init; }

    public SandboxStore Store => State.Store;

    public long Now => State.NowMilliseconds;

    /// <summary>The body as an object; an empty one when the body is absent or not an object.</summary>
    public JsonObject BodyObject => Body as JsonObject ?? [];

    /// <summary>The location the request acts in: its locationId, else the token's.</summary>
    public string LocationId =>
        Query("locationId") ?? Query("location_id") ?? Route.Value("locationId")
        ?? JsonText.String(Body, "locationId") ?? Token.LocationId
        ?? throw ApiException.Unprocessable("locationId should not be empty");

    public string Path(string name) =>
        Route.Value(name) ?? throw new InvalidOperationException($"{Plan.Key}: no path parameter '{name}'.");

    public string? Query(string name) =>
        Http.Request.Query.TryGetValue(name, out var values) && values.Count > 0 && values[0] is { Length: > 0 } value
            ? value
            : null;

    public int QueryInt(string name, int fallback) =>
        Query(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;

    public long? QueryLong(string name) =>
        Query(name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public bool? QueryBool(string name) => Query(name) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>
    /// The stored object of that type and id; 404 when there is none, 403 when it lives in a location the
    /// token does not cover.
    /// </summary>
    public StoredDocument Load(string type, string id, string what)
    {
        var document = Store.Get(type, id) ?? throw ApiException.NotFound(what);
        if (document.LocationId is { } location && !State.Covers(Token, location))
        {
            throw new ApiException(403, ErrorResponses.LocationRefused);
        }

        return document;
    }

    /// <summary>Stores a new version of an object, keeping its creation time, and returns it.</summary>
    public StoredDocument Save(string type, string id, string? locationId, JsonObject body, long? createdAt = null)
    {
        var document = StoredDocument.From(type, id, locationId, createdAt ?? Now, Now, body);
        Store.Put(document);
        return document;
    }

    /// <summary>Stores a new version of a stored object, keeping its id, location and creation time.</summary>
    public StoredDocument Resave(StoredDocument existing, JsonObject body) =>
        Save(existing.Type, existing.Id, existing.LocationId, body, existing.CreatedAt);

    /// <summary>Stores a new object under the id its body carries (<c>id</c>, or <c>_id</c> for blog objects).</summary>
    public StoredDocument Create(string type, string? locationId, JsonObject body) =>
        Save(type, JsonText.String(body, "id") ?? JsonText.String(body, "_id")!, locationId, body);

    public ApiResult Ok(JsonNode? body) => ApiResult.Json(Plan.SuccessStatus, body);

    public ApiResult Ok(StoredDocument document, string? wrapKey = null) =>
        ApiResult.Document(Plan.SuccessStatus, document.Json, wrapKey);
}
