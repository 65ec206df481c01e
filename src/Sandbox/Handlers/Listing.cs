using System.Text.Json.Nodes;

namespace Connector.Sandbox.Handlers;

/// <summary>The plain listings many operations share: a location's objects, oldest first, a page at a time.</summary>
internal static class Listing
{
    /// <summary>Every object of a type in the request's location, oldest first.</summary>
    public static IEnumerable<JsonObject> InLocation(ApiRequest request, string type) =>
        request.Store.List(type, request.LocationId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Parse());

    /// <summary>One page, by the offset and size parameters the operation names.</summary>
    public static JsonArray Page(
        IEnumerable<JsonObject> items,
        ApiRequest request,
        string skip = "skip",
        string limit = "limit",
        int defaultLimit = 100) =>
        new([.. items.Skip(request.QueryInt(skip, 0)).Take(request.QueryInt(limit, defaultLimit))]);

    public static JsonArray All(IEnumerable<JsonObject> items) => new([.. items]);
}
