using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>Block slots, the listings of events and blocks by time window, and free slots.</summary>
internal static class SlotHandlers
{
    private const int MaxFreeSlotDays = 31;

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("calendars.block_slots.create", CreateBlock);
        registry.Add("calendars.block_slots.update", UpdateBlock);
        registry.Add("calendars.blocked_slots.list", request => ListWindow(request, DocumentTypes.BlockSlot));
        registry.Add("calendars.free_slots", Free);
    }

    /// <summary>The times a calendar is taken: its appointments that are not cancelled, and its blocks.</summary>
    public static List<(DateTimeOffset Start, DateTimeOffset End)> Busy(ApiRequest request, string calendarId, string? except)
    {
        var busy = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var type in new[] { DocumentTypes.Appointment, DocumentTypes.BlockSlot })
        {
            foreach (var document in request.Store.List(type).Where(d => d.Id != except))
            {
                var item = document.Parse();
                if (JsonText.String(item, "calendarId") == calendarId
                    && JsonText.String(item, "appointmentStatus") is not ("cancelled" or "invalid")
                    && Window(item) is { } window)
                {
                    busy.Add(window);
                }
            }
        }

        return busy;
    }

    /// <summary>Appointments or blocks of a location overlapping startTime..endTime (epoch ms), for a calendar, group or user.</summary>
    public static ApiResult ListWindow(ApiRequest request, string type)
    {
        var from = LocalTime.Parse(request.Query("startTime"));
        var to = LocalTime.Parse(request.Query("endTime"));
        var calendarId = request.Query("calendarId");
        var groupId = request.Query("groupId");
        var userId = request.Query("userId");
        if (calendarId is null && groupId is null && userId is null)
        {
            throw ApiException.Unprocessable("Either calendarId, groupId or userId should be provided");
        }

        var events = request.Store.List(type, request.LocationId)
            .Select(d => d.Parse())
            .Where(e => calendarId is null || JsonText.String(e, "calendarId") == calendarId)
            .Where(e => groupId is null || JsonText.String(e, "groupId") == groupId)
            .Where(e => userId is null || JsonText.String(e, "assignedUserId") == userId)
            .Where(e => Window(e) is { } w && (from is null || w.End > from) && (to is null || w.Start < to))
            .OrderBy(e => Window(e)!.Value.Start)
            .Select(e => (JsonNode)e);
        return request.Ok(new JsonObject { ["events"] = new JsonArray([.. events]) });
    }

    private static (DateTimeOffset Start, DateTimeOffset End)? Window(JsonObject item) =>
        LocalTime.Parse(JsonText.String(item, "startTime")) is { } start
        && LocalTime.Parse(JsonText.String(item, "endTime")) is { } end
            ? (start, end)
            : null;

    private static ApiResult CreateBlock(ApiRequest request)
    {
        var locationId = request.LocationId;
        var block = new JsonObject { ["id"] = Ids.New(), ["locationId"] = locationId, ["dateAdded"] = JsonText.Time(request.Now) };
        ApplyBlock(request, block, locationId);
        return request.Ok(request.Create(DocumentTypes.BlockSlot, locationId, block));
    }

    private static ApiResult UpdateBlock(ApiRequest request)
    {
        var existing = request.Load(DocumentTypes.BlockSlot, request.Path("eventId"), "Block slot");
        var block = existing.Parse();
        ApplyBlock(request, block, existing.LocationId!);
        return request.Ok(request.Resave(existing, block));
    }

    private static void ApplyBlock(ApiRequest request, JsonObject block, string locationId)
    {
        var body = request.BodyObject;
        if (JsonText.String(body, "calendarId") is { } calendarId)
        {
            CalendarHandlers.Load(request, calendarId);
        }

        OwnedBy.Copy(block, body, ["calendarId", "assignedUserId", "title"]);
        block["title"] ??= "Blocked";
        var zone = AppointmentHandlers.ZoneOf(request, locationId);
        foreach (var field in new[] { "startTime", "endTime" })
        {
            if (LocalTime.Parse(JsonText.String(body, field)) is { } time)
            {
                block[field] = LocalTime.Format(time, zone);
            }
        }

        block["dateUpdated"] = JsonText.Time(request.Now);
    }

    private static ApiResult Free(ApiRequest request)
    {
        var document = CalendarHandlers.Load(request, request.Path("calendarId"));
        var from = LocalTime.Parse(request.Query("startDate"))!.Value;
        var to = LocalTime.Parse(request.Query("endDate"))!.Value;
        if (to < from || to - from > TimeSpan.FromDays(MaxFreeSlotDays))
        {
            throw ApiException.Unprocessable($"endDate must be after startDate, at most {MaxFreeSlotDays} days later");
        }

        var zone = request.Query("timezone") is { } zoneId ? LocalTime.Zone(zoneId) : AppointmentHandlers.ZoneOf(request, document.LocationId!);
        var slots = FreeSlots.Compute(document.Parse(), zone, from, to, Busy(request, document.Id, null));
        var answer = new JsonObject();
        foreach (var (day, times) in slots)
        {
            answer[day] = new JsonObject { ["slots"] = JsonText.Array(times.Select(t => LocalTime.Format(t, zone))) };
        }

        return request.Ok(answer);
    }
}
