using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>Calendars and calendar groups.</summary>
internal static class CalendarHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("calendars.create", Create);
        registry.Add("calendars.get", request => request.Ok(Load(request, request.Path("calendarId")), "calendar"));
        registry.Add("calendars.list", List);
        registry.Add("calendars.update", Update);
        registry.Add("calendars.delete", request => Delete(request, DocumentTypes.Calendar, Load(request, request.Path("calendarId"))));
        registry.Add("calendars.groups.create", CreateGroup);
        registry.Add("calendars.groups.list", ListGroups);
        registry.Add("calendars.groups.update", UpdateGroup);
        registry.Add("calendars.groups.update_status", UpdateGroupStatus);
        registry.Add("calendars.groups.delete", request => Delete(request, DocumentTypes.CalendarGroup, LoadGroup(request)));
        registry.Add("calendars.groups.validate_slug", ValidateSlug);
    }

    public static StoredDocument Load(ApiRequest request, string calendarId) =>
        request.Load(DocumentTypes.Calendar, calendarId, "Calendar");

    /// <summary>A new calendar with the vendor's defaults, then the caller's fields.</summary>
    public static JsonObject New(string id, string locationId, JsonObject fields)
    {
        var calendar = new JsonObject
        {
            ["id"] = id,
            ["locationId"] = locationId,
            ["calendarType"] = "event",
            ["isActive"] = true,
            ["slotDuration"] = 30,
            ["slotDurationUnit"] = "mins",
            ["slotInterval"] = 30,
            ["slotIntervalUnit"] = "mins",
            ["teamMembers"] = new JsonArray(),
        };
        JsonText.Merge(calendar, fields, "id", "locationId");
        return calendar;
    }

    private static ApiResult Create(ApiRequest request)
    {
        var locationId = request.LocationId;
        var calendar = New(Ids.New(), locationId, request.BodyObject);
        return request.Ok(request.Create(DocumentTypes.Calendar, locationId, calendar), "calendar");
    }

    private static ApiResult List(ApiRequest request)
    {
        var groupId = request.Query("groupId");
        var drafts = request.QueryBool("showDrafted") != false;
        var calendars = request.Store.List(DocumentTypes.Calendar, request.LocationId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Parse())
            .Where(c => groupId is null || JsonText.String(c, "groupId") == groupId)
            .Where(c => drafts || JsonText.Boolean(c, "isActive") != false);
        return request.Ok(new JsonObject { ["calendars"] = new JsonArray([.. calendars]) });
    }

    private static ApiResult Update(ApiRequest request)
    {
        var existing = Load(request, request.Path("calendarId"));
        var calendar = existing.Parse();
        JsonText.Merge(calendar, request.BodyObject, "id", "locationId");
        var saved = request.Resave(existing, calendar);
        return request.Ok(saved, "calendar");
    }

    private static ApiResult Delete(ApiRequest request, string type, StoredDocument document)
    {
        request.Store.Delete(type, document.Id);
        return request.Ok(new JsonObject { ["success"] = true });
    }

    private static StoredDocument LoadGroup(ApiRequest request) =>
        request.Load(DocumentTypes.CalendarGroup, request.Path("groupId"), "Group");

    private static ApiResult CreateGroup(ApiRequest request)
    {
        var locationId = request.LocationId;
        var group = new JsonObject { ["id"] = Ids.New(), ["locationId"] = locationId, ["isActive"] = true };
        OwnedBy.Copy(group, request.BodyObject, ["name", "description", "slug", "isActive"]);
        return request.Ok(request.Create(DocumentTypes.CalendarGroup, locationId, group), "group");
    }

    private static ApiResult ListGroups(ApiRequest request)
    {
        var groups = request.Store.List(DocumentTypes.CalendarGroup, request.LocationId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Parse());
        return request.Ok(new JsonObject { ["groups"] = new JsonArray([.. groups]) });
    }

    private static ApiResult UpdateGroup(ApiRequest request)
    {
        var existing = LoadGroup(request);
        var group = existing.Parse();
        OwnedBy.Copy(group, request.BodyObject, ["name", "description", "slug"]);
        return request.Ok(request.Resave(existing, group), "group");
    }

    private static ApiResult UpdateGroupStatus(ApiRequest request)
    {
        var existing = LoadGroup(request);
        var group = existing.Parse();
        group["isActive"] = JsonText.Boolean(request.Body, "isActive") ?? true;
        request.Resave(existing, group);
        return request.Ok(new JsonObject { ["success"] = true });
    }

    private static ApiResult ValidateSlug(ApiRequest request)
    {
        var slug = JsonText.String(request.Body, "slug");
        var taken = request.Store.List(DocumentTypes.CalendarGroup, request.LocationId)
            .Any(d => string.Equals(JsonText.String(d.Parse(), "slug"), slug, StringComparison.OrdinalIgnoreCase));
        return request.Ok(new JsonObject { ["available"] = !taken });
    }
}
