using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// Businesses (companies a location's contacts work for). The vendor spells one answer's key "buiseness".
/// </summary>
internal static class BusinessHandlers
{
    private static readonly string[] Writable =
        ["name", "phone", "email", "website", "address", "city", "state", "postalCode", "country", "description"];

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("businesses.create", Create);
        registry.Add("businesses.get", request => request.Ok(Load(request), "business"));
        registry.Add("businesses.list", List);
        registry.Add("businesses.update", Update);
        registry.Add("businesses.delete", Delete);
    }

    private static StoredDocument Load(ApiRequest request) =>
        request.Load(DocumentTypes.Business, request.Path("businessId"), "Business");

    private static ApiResult Create(ApiRequest request)
    {
        var locationId = request.LocationId;
        var id = Ids.New();
        var business = new JsonObject
        {
            ["id"] = id,
            ["locationId"] = locationId,
            ["createdAt"] = JsonText.Time(request.Now),
        };
        var saved = Save(request, business, null);
        return request.Ok(new JsonObject { ["success"] = true, ["buiseness"] = saved.Parse() });
    }

    private static ApiResult List(ApiRequest request)
    {
        var businesses = request.Store.List(DocumentTypes.Business, request.LocationId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Skip(request.QueryInt("skip", 0))
            .Take(request.QueryInt("limit", 100))
            .Select(d => d.Parse());
        return request.Ok(new JsonObject { ["businesses"] = new JsonArray([.. businesses]) });
    }

    private static ApiResult Update(ApiRequest request)
    {
        var existing = Load(request);
        var saved = Save(request, existing.Parse(), existing.CreatedAt);
        return request.Ok(new JsonObject { ["success"] = true, ["buiseness"] = saved.Parse() });
    }

    private static ApiResult Delete(ApiRequest request)
    {
        request.Store.Delete(DocumentTypes.Business, Load(request).Id);
        return request.Ok(new JsonObject { ["success"] = true });
    }

    private static StoredDocument Save(ApiRequest request, JsonObject business, long? createdAt)
    {
        OwnedBy.Copy(business, request.BodyObject, Writable);
        business["updatedAt"] = JsonText.Time(request.Now);
        return request.Save(DocumentTypes.Business, JsonText.String(business, "id")!,
            JsonText.String(business, "locationId"), business, createdAt);
    }
}
