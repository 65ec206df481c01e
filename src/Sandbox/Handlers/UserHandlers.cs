using System.Text.Json.Nodes;
using Connector.Sandbox.Hosting;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// Users belong to a company and are given locations (roles.locationIds); a token reaches the users of
/// its own company. Passwords are accepted and never stored.
/// </summary>
internal static class UserHandlers
{
    private static readonly string[] TextFields = ["name", "email", "phone"];

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("users.create", Create);
        registry.Add("users.get", request => request.Ok(Load(request)));
        registry.Add("users.update", Update);
        registry.Add("users.delete", Delete);
        registry.Add("users.list_by_location", ListByLocation);
        registry.Add("users.search", Search);
        registry.Add("users.filter_by_email", FilterByEmail);
    }

    private static StoredDocument Load(ApiRequest request)
    {
        var user = request.Store.Get(DocumentTypes.User, request.Path("userId"))
            ?? throw ApiException.NotFound("User");
        return JsonText.String(user.Parse(), "companyId") == request.Token.CompanyId
            ? user
            : throw new ApiException(403, ErrorResponses.CompanyRefused);
    }

    private static IEnumerable<JsonObject> CompanyUsers(ApiRequest request, string companyId) =>
        request.Store.List(DocumentTypes.User)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Parse())
            .Where(u => JsonText.String(u, "companyId") == companyId && JsonText.Boolean(u, "deleted") != true);

    private static ApiResult Create(ApiRequest request)
    {
        var body = request.BodyObject;
        var email = JsonText.String(body, "email");
        if (CompanyUsers(request, request.Token.CompanyId)
            .Any(u => string.Equals(JsonText.String(u, "email"), email, StringComparison.OrdinalIgnoreCase)))
        {
            throw ApiException.BadRequest("This email is already in use by another user.");
        }

        var id = Ids.New();
        var user = new JsonObject
        {
            ["id"] = id,
            ["companyId"] = request.Token.CompanyId,
            ["email"] = email,
            ["extension"] = "",
            ["permissions"] = new JsonObject(),
            ["deleted"] = false,
        };
        Apply(user, body);
        return request.Ok(request.Save(DocumentTypes.User, id, null, user));
    }

    private static ApiResult Update(ApiRequest request)
    {
        var existing = Load(request);
        var user = existing.Parse();
        Apply(user, request.BodyObject);
        return request.Ok(request.Save(DocumentTypes.User, existing.Id, null, user, existing.CreatedAt));
    }

    private static void Apply(JsonObject user, JsonObject body)
    {
        OwnedBy.Copy(user, body, ["firstName", "lastName", "phone", "permissions", "scopes", "scopesAssignedToOnly",
            "profilePhoto", "twilioPhone", "platformLanguage"]);
        user["name"] = $"{JsonText.String(user, "firstName")} {JsonText.String(user, "lastName")}".Trim();
        var roles = user["roles"] as JsonObject ?? [];
        OwnedBy.Copy(roles, body, ["type", "role", "locationIds"]);
        roles["restrictSubAccount"] ??= false;
        user["roles"] = roles.DeepClone();
    }

    private static ApiResult Delete(ApiRequest request)
    {
        var user = Load(request).Parse();
        request.Store.Delete(DocumentTypes.User, JsonText.String(user, "id")!);
        return request.Ok(new JsonObject
        {
            ["succeded"] = true,
            ["message"] = $"Queued deleting user with e-mail {JsonText.String(user, "email")} and name "
                + $"{JsonText.String(user, "name")}. Will take effect in a few minutes.",
        });
    }

    private static ApiResult ListByLocation(ApiRequest request)
    {
        var locationId = request.LocationId;
        var users = CompanyUsers(request, request.Token.CompanyId).Where(u => InLocation(u, locationId));
        return request.Ok(new JsonObject { ["users"] = new JsonArray([.. users]) });
    }

    private static bool InLocation(JsonObject user, string locationId) =>
        JsonText.Strings(user["roles"], "locationIds").Contains(locationId);

    private static ApiResult Search(ApiRequest request)
    {
        var text = request.Query("query");
        var locationId = request.Query("locationId");
        var ids = request.Query("ids")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var matching = CompanyUsers(request, request.Query("companyId") ?? request.Token.CompanyId)
            .Where(u => locationId is null || InLocation(u, locationId))
            .Where(u => ids is null || ids.Contains(JsonText.String(u, "id")))
            .Where(u => request.Query("type") is not { } type || JsonText.String(u["roles"], "type") == type)
            .Where(u => request.Query("role") is not { } role || JsonText.String(u["roles"], "role") == role)
            .Where(u => text is null || TextFields
                .Any(f => JsonText.String(u, f)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true))
            .ToList();
        var page = matching.Skip(request.QueryInt("skip", 0)).Take(request.QueryInt("limit", 25));
        return request.Ok(new JsonObject { ["users"] = new JsonArray([.. page]), ["count"] = matching.Count });
    }

    private static ApiResult FilterByEmail(ApiRequest request)
    {
        var body = request.BodyObject;
        var emails = (JsonText.String(body, "emails") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var deleted = JsonText.Boolean(body, "deleted") ?? false;
        var matching = request.Store.List(DocumentTypes.User)
            .Select(d => d.Parse())
            .Where(u => JsonText.String(u, "companyId") == request.Token.CompanyId)
            .Where(u => (JsonText.Boolean(u, "deleted") ?? false) == deleted)
            .Where(u => emails.Contains(JsonText.String(u, "email"), StringComparer.OrdinalIgnoreCase))
            .ToList();
        var skip = int.TryParse(JsonText.String(body, "skip"), out var s) ? s : 0;
        var limit = int.TryParse(JsonText.String(body, "limit"), out var l) ? l : 25;
        return request.Ok(new JsonObject
        {
            ["users"] = new JsonArray([.. matching.Skip(skip).Take(limit)]),
            ["count"] = matching.Count,
        });
    }
}
