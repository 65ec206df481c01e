using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>A calendar's notifications, and the calendar resources (equipments and rooms) of a location.</summary>
internal static class CalendarExtrasHandlers
{
    private static readonly string[] NotificationFields =
    [
        "receiverType", "channel", "notificationType", "isActive", "templateId", "subject", "body", "beforeTime",
        "afterTime", "additionalEmailIds", "additionalPhoneNumbers", "selectedUsers", "fromAddress", "fromName",
        "fromNumber", "deleted",
    ];

    private static readonly string[] ResourceFields =
        ["name", "description", "quantity", "outOfService", "capacity", "calendarIds", "isActive"];

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("calendars.notifications.create", CreateNotifications);
        registry.Add("calendars.notifications.list", ListNotifications);
        registry.Add("calendars.notifications.get", request => request.Ok(LoadNotification(request)));
        registry.Add("calendars.notifications.update", UpdateNotification);
        registry.Add("calendars.notifications.delete", DeleteNotification);
        registry.Add("calendars.resources.create", CreateResource);
        registry.Add("calendars.resources.list", ListResources);
        registry.Add("calendars.resources.get", request => request.Ok(LoadResource(request)));
        registry.Add("calendars.resources.update", UpdateResource);
        registry.Add("calendars.resources.delete", DeleteResource);
    }

    private static ApiResult CreateNotifications(ApiRequest request)
    {
        var calendar = CalendarHandlers.Load(request, request.Path("calendarId"));
        var created = new JsonArray();
        foreach (var fields in (request.Body as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = Ids.New();
            var notification = new JsonObject { ["_id"] = id, ["calendarId"] = calendar.Id, ["isActive"] = true, ["deleted"] = false };
            OwnedBy.Copy(notification, fields, NotificationFields);
            created.Add(request.Save(DocumentTypes.Notification, id, calendar.LocationId, notification).Parse());
        }

        return request.Ok(created);
    }

    private static ApiResult ListNotifications(ApiRequest request)
    {
        var calendar = CalendarHandlers.Load(request, request.Path("calendarId"));
        var isActive = request.QueryBool("isActive");
        var deleted = request.QueryBool("deleted") ?? false;
        var notifications = request.Store.List(DocumentTypes.Notification, calendar.LocationId!)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Parse())
            .Where(n => JsonText.String(n, "calendarId") == calendar.Id)
            .Where(n => isActive is null || JsonText.Boolean(n, "isActive") == isActive)
            .Where(n => (JsonText.Boolean(n, "deleted") ?? false) == deleted)
            .Skip(request.QueryInt("skip", 0))
            .Take(request.QueryInt("limit", 100));
        return request.Ok(new JsonArray([.. notifications]));
    }

    private static StoredDocument LoadNotification(ApiRequest request)
    {
        var calendar = CalendarHandlers.Load(request, request.Path("calendarId"));
        var notification = request.Load(DocumentTypes.Notification, request.Path("notificationId"), "Notification");
        return JsonText.String(notification.Parse(), "calendarId") == calendar.Id
            ? notification
            : throw ApiException.NotFound("Notification");
    }

    private static ApiResult UpdateNotification(ApiRequest request)
    {
        var existing = LoadNotification(request);
        var notification = existing.Parse();
        OwnedBy.Copy(notification, request.BodyObject, NotificationFields);
        request.Resave(existing, notification);
        return request.Ok(new JsonObject { ["message"] = "Notification updated successfully" });
    }

    private static ApiResult DeleteNotification(ApiRequest request)
    {
        request.Store.Delete(DocumentTypes.Notification, LoadNotification(request).Id);
        return request.Ok(new JsonObject { ["message"] = "Notification deleted successfully" });
    }

    private static string ResourceType(ApiRequest request) =>
        request.Path("resourceType") is var type && type is "equipments" or "rooms"
            ? type
            : throw ApiException.Unprocessable("resourceType must be one of the following values: equipments, rooms");

    private static ApiResult CreateResource(ApiRequest request)
    {
        var type = ResourceType(request);
        var locationId = request.LocationId;
        var id = Ids.New();
        var resource = new JsonObject { ["id"] = id, ["locationId"] = locationId, ["resourceType"] = type, ["isActive"] = true };
        OwnedBy.Copy(resource, request.BodyObject, ResourceFields);
        return request.Ok(request.Save(DocumentTypes.Resource, id, locationId, resource));
    }

    private static ApiResult ListResources(ApiRequest request)
    {
        var type = ResourceType(request);
        var resources = request.Store.List(DocumentTypes.Resource, request.LocationId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Parse())
            .Where(r => JsonText.String(r, "resourceType") == type)
            .Skip(request.QueryInt("skip", 0))
            .Take(request.QueryInt("limit", 100));
        return request.Ok(new JsonArray([.. resources]));
    }

    private static StoredDocument LoadResource(ApiRequest request)
    {
        var type = ResourceType(request);
        var resource = request.Load(DocumentTypes.Resource, request.Path("id"), "Resource");
        return JsonText.String(resource.Parse(), "resourceType") == type ? resource : throw ApiException.NotFound("Resource");
    }

    private static ApiResult UpdateResource(ApiRequest request)
    {
        var existing = LoadResource(request);
        var resource = existing.Parse();
        OwnedBy.Copy(resource, request.BodyObject, ResourceFields);
        return request.Ok(request.Resave(existing, resource));
    }

    private static ApiResult DeleteResource(ApiRequest request)
    {
        request.Store.Delete(DocumentTypes.Resource, LoadResource(request).Id);
        return request.Ok(new JsonObject { ["success"] = true });
    }
}
