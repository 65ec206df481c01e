using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// Appointments: booked into a calendar's free slots (unless the caller says ignoreFreeSlotValidation),
/// listed by time window, and deleted with their block-slot siblings through /calendars/events/{id}.
/// </summary>
internal static class AppointmentHandlers
{
    private static readonly string[] Writable =
    [
        "title", "appointmentStatus", "assignedUserId", "description", "address", "meetingLocationType",
        "meetingLocationId", "rrule", "notes",
    ];

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("calendars.appointments.create", Create);
        registry.Add("calendars.appointments.get", request => request.Ok(Load(request, request.Path("eventId")), "event"));
        registry.Add("calendars.appointments.update", Update);
        registry.Add("calendars.events.list", request => SlotHandlers.ListWindow(request, DocumentTypes.Appointment));
        registry.Add("calendars.events.delete", DeleteEvent);
    }

    public static StoredDocument Load(ApiRequest request, string eventId) =>
        request.Load(DocumentTypes.Appointment, eventId, "Appointment");

    /// <summary>The time zone of a location's calendars.</summary>
    public static TimeZoneInfo ZoneOf(ApiRequest request, string locationId) =>
        LocalTime.Zone(JsonText.String(request.Store.Get(DocumentTypes.Location, locationId)?.Parse(), "timezone"));

    private static ApiResult Create(ApiRequest request)
    {
        var body = request.BodyObject;
        var calendarDocument = CalendarHandlers.Load(request, JsonText.String(body, "calendarId")!);
        var calendar = calendarDocument.Parse();
        var contact = ContactHandlers.Load(request, JsonText.String(body, "contactId")!);
        var id = Ids.New();
        var appointment = new JsonObject
        {
            ["id"] = id,
            ["calendarId"] = calendarDocument.Id,
            ["locationId"] = calendarDocument.LocationId,
            ["contactId"] = contact.Id,
            ["groupId"] = JsonText.String(calendar, "groupId") ?? "",
            ["title"] = JsonText.String(calendar, "name") ?? "Appointment",
            ["appointmentStatus"] = JsonText.Boolean(calendar, "autoConfirm") == false ? "new" : "confirmed",
            ["assignedUserId"] = (calendar["teamMembers"] as JsonArray)?.OfType<JsonObject>()
                .Select(m => JsonText.String(m, "userId")).FirstOrDefault(u => u is not null),
            ["isRecurring"] = false,
            ["dateAdded"] = JsonText.Time(request.Now),
            ["createdBy"] = new JsonObject { ["source"] = "third_party" },
        };
        Apply(request, appointment, calendar, body, except: null);
        var saved = request.Save(DocumentTypes.Appointment, id, calendarDocument.LocationId, appointment);
        return request.Ok(saved);
    }

    private static ApiResult Update(ApiRequest request)
    {
        var existing = Load(request, request.Path("eventId"));
        var appointment = existing.Parse();
        var body = request.BodyObject;
        if (JsonText.String(body, "calendarId") is { } calendarId)
        {
            appointment["calendarId"] = CalendarHandlers.Load(request, calendarId).Id;
        }

        var calendar = CalendarHandlers.Load(request, JsonText.String(appointment, "calendarId")!).Parse();
        Apply(request, appointment, calendar, body, except: existing.Id);
        return request.Ok(request.Resave(existing, appointment));
    }

    // Copies the caller's fields and times, checking the slot is free unless told not to.
    private static void Apply(ApiRequest request, JsonObject appointment, JsonObject calendar, JsonObject body, string? except)
    {
        OwnedBy.Copy(appointment, body, Writable);
        var zone = ZoneOf(request, JsonText.String(appointment, "locationId")!);
        var start = LocalTime.Parse(JsonText.String(body, "startTime")) ?? LocalTime.Parse(JsonText.String(appointment, "startTime"))
            ?? throw ApiException.Unprocessable("startTime should not be empty");
        var end = LocalTime.Parse(JsonText.String(body, "endTime"))
            ?? (body.ContainsKey("startTime") ? null : LocalTime.Parse(JsonText.String(appointment, "endTime")))
            ?? start + FreeSlots.Duration(calendar);
        if (end <= start)
        {
            throw ApiException.BadRequest("endTime must be after startTime");
        }

        if (JsonText.Boolean(body, "ignoreFreeSlotValidation") != true && !SlotIsFree(request, calendar, zone, start, except))
        {
            throw ApiException.BadRequest("The slot you have selected is no longer available.");
        }

        appointment["startTime"] = LocalTime.Format(start, zone);
        appointment["endTime"] = LocalTime.Format(end, zone);
        appointment["isRecurring"] = JsonText.String(appointment, "rrule") is not null;
        appointment["users"] = JsonText.Array(new[] { JsonText.String(appointment, "assignedUserId") }.OfType<string>());
        appointment["dateUpdated"] = JsonText.Time(request.Now);
    }

    private static bool SlotIsFree(ApiRequest request, JsonObject calendar, TimeZoneInfo zone, DateTimeOffset start, string? except)
    {
        var busy = SlotHandlers.Busy(request, JsonText.String(calendar, "id")!, except);
        return FreeSlots.Compute(calendar, zone, start, start, busy).Values.Any(day => day.Contains(start));
    }

    private static ApiResult DeleteEvent(ApiRequest request)
    {
        var eventId = request.Path("eventId");
        var type = request.Store.Get(DocumentTypes.Appointment, eventId) is not null ? DocumentTypes.Appointment : DocumentTypes.BlockSlot;
        request.Load(type, eventId, "Event");
        request.Store.Delete(type, eventId);
        return request.Ok(new JsonObject { ["succeeded"] = true });
    }
}
