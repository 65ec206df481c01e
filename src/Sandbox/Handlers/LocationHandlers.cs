using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// Locations and their company, and the location-wide lists that the sandbox only seeds: custom fields,
/// campaigns, workflows and snapshots.
/// </summary>
internal static class LocationHandlers
{
    private static readonly string[] Writable =
    [
        "name", "phone", "address", "city", "state", "country", "postalCode", "website", "timezone", "settings",
        "social",
    ];

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("locations.get", request =>
            request.Ok(Location(request, request.Path("locationId")), "location"));
        registry.Add("locations.search", Search);
        registry.Add("locations.create", Create);
        registry.Add("companies.get", request => request.Ok(Company(request), "company"));
        registry.Add("custom_fields.list", CustomFields);
        registry.Add("campaigns.list", Campaigns);
        registry.Add("workflows.list", request => request.Ok(new JsonObject
        {
            ["workflows"] = Listing.All(Listing.InLocation(request, DocumentTypes.Workflow)),
        }));
        registry.Add("snapshots.list", Snapshots);
    }

    private static StoredDocument Location(ApiRequest request, string locationId) =>
        request.Load(DocumentTypes.Location, locationId, "Location");

    private static StoredDocument Company(ApiRequest request)
    {
        var company = request.Store.Get(DocumentTypes.Company, request.Path("companyId"))
            ?? throw ApiException.NotFound("Company");
        return company.Id == request.Token.CompanyId
            ? company
            : throw new ApiException(403, Hosting.ErrorResponses.CompanyRefused);
    }

    private static ApiResult Search(ApiRequest request)
    {
        var email = request.Query("email");
        var locations = request.Store.List(DocumentTypes.Location)
            .Where(d => request.State.Covers(request.Token, d.Id))
            .Select(d => d.Parse())
            .Where(l => email is null
                || string.Equals(JsonText.String(l, "email"), email, StringComparison.OrdinalIgnoreCase))
            .OrderBy(l => JsonText.String(l, "name"), StringComparer.OrdinalIgnoreCase);
        var ordered = request.Query("order") == "desc" ? locations.Reverse() : locations;
        return request.Ok(new JsonObject { ["locations"] = Listing.Page(ordered, request, defaultLimit: 10) });
    }

    private static ApiResult Create(ApiRequest request)
    {
        var id = Ids.New();
        var body = request.BodyObject;
        var location = new JsonObject
        {
            ["id"] = id,
            ["companyId"] = request.Token.CompanyId,
            ["settings"] = new JsonObject
            {
                ["allowDuplicateContact"] = false,
                ["allowDuplicateOpportunity"] = false,
                ["allowFacebookNameMerge"] = false,
                ["disableContactTimezone"] = false,
            },
        };
        OwnedBy.Copy(location, body, Writable);
        if (body["prospectInfo"] is JsonObject prospect)
        {
            OwnedBy.Copy(location, prospect, ["firstName", "lastName", "email"]);
        }

        return request.Ok(request.Save(DocumentTypes.Location, id, id, location));
    }

    private static ApiResult CustomFields(ApiRequest request)
    {
        var model = request.Query("model");
        var fields = Listing.InLocation(request, DocumentTypes.CustomField)
            .Where(f => model is null or "all" || JsonText.String(f, "model") == model);
        return request.Ok(new JsonObject { ["customFields"] = Listing.All(fields) });
    }

    private static ApiResult Campaigns(ApiRequest request)
    {
        var status = request.Query("status");
        var campaigns = Listing.InLocation(request, DocumentTypes.Campaign)
            .Where(c => status is null || JsonText.String(c, "status") == status);
        return request.Ok(new JsonObject { ["campaigns"] = Listing.All(campaigns) });
    }

    private static ApiResult Snapshots(ApiRequest request)
    {
        var snapshots = request.Store.List(DocumentTypes.Snapshot)
            .OrderBy(d => d.CreatedAt)
            .Select(d => d.Parse())
            .Where(s => JsonText.String(s, "companyId") == request.Token.CompanyId);
        return request.Ok(new JsonObject { ["snapshots"] = Listing.All(snapshots) });
    }
}
