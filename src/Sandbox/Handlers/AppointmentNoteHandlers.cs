using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>Notes on an appointment, read a page at a time (offset and limit, with hasMore).</summary>
internal static class AppointmentNoteHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("calendars.appointment_notes.create", Create);
        registry.Add("calendars.appointment_notes.list", List);
        registry.Add("calendars.appointment_notes.update", Update);
        registry.Add("calendars.appointment_notes.delete", Delete);
    }

    private static StoredDocument Load(ApiRequest request, StoredDocument appointment)
    {
        var note = request.Load(DocumentTypes.AppointmentNote, request.Path("noteId"), "Note");
        return JsonText.String(note.Parse(), "appointmentId") == appointment.Id ? note : throw ApiException.NotFound("Note");
    }

    private static ApiResult Create(ApiRequest request)
    {
        var appointment = AppointmentHandlers.Load(request, request.Path("appointmentId"));
        var id = Ids.New();
        var note = new JsonObject
        {
            ["id"] = id,
            ["appointmentId"] = appointment.Id,
            ["contactId"] = JsonText.String(appointment.Parse(), "contactId"),
            ["dateAdded"] = JsonText.Time(request.Now),
        };
        Apply(request, note);
        return request.Ok(request.Save(DocumentTypes.AppointmentNote, id, appointment.LocationId, note), "note");
    }

    private static ApiResult List(ApiRequest request)
    {
        var appointment = AppointmentHandlers.Load(request, request.Path("appointmentId"));
        var notes = request.Store.List(DocumentTypes.AppointmentNote, appointment.LocationId!)
            .OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Parse())
            .Where(n => JsonText.String(n, "appointmentId") == appointment.Id)
            .ToList();
        var offset = request.QueryInt("offset", 0);
        var limit = request.QueryInt("limit", 20);
        var page = notes.Skip(offset).Take(limit);
        return request.Ok(new JsonObject { ["notes"] = new JsonArray([.. page]), ["hasMore"] = offset + limit < notes.Count });
    }

    private static ApiResult Update(ApiRequest request)
    {
        var appointment = AppointmentHandlers.Load(request, request.Path("appointmentId"));
        var existing = Load(request, appointment);
        var note = existing.Parse();
        Apply(request, note);
        return request.Ok(request.Resave(existing, note), "note");
    }

    private static ApiResult Delete(ApiRequest request)
    {
        var appointment = AppointmentHandlers.Load(request, request.Path("appointmentId"));
        request.Store.Delete(DocumentTypes.AppointmentNote, Load(request, appointment).Id);
        return request.Ok(new JsonObject { ["success"] = true });
    }

    private static void Apply(ApiRequest request, JsonObject note)
    {
        OwnedBy.Copy(note, request.BodyObject, ["body", "userId"]);
        if (JsonText.String(note, "userId") is { } userId)
        {
            var user = request.Store.Get(DocumentTypes.User, userId)?.Parse();
            note["createdBy"] = new JsonObject { ["id"] = userId, ["name"] = JsonText.String(user, "name") ?? "" };
        }
    }
}
