using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>A contact's notes.</summary>
internal static class NoteHandlers
{
    private static readonly string[] Writable = ["body", "title", "userId", "color", "pinned"];

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("contacts.notes.create", Create);
        registry.Add("contacts.notes.list", request => OwnedBy.List(request, DocumentTypes.Note, "notes"));
        registry.Add("contacts.notes.get", request => request.Ok(Load(request), "note"));
        registry.Add("contacts.notes.update", Update);
        registry.Add("contacts.notes.delete", request => OwnedBy.Delete(request, DocumentTypes.Note, Load(request)));
    }

    private static StoredDocument Load(ApiRequest request) =>
        OwnedBy.Load(request, DocumentTypes.Note, request.Path("id"), "Note");

    private static ApiResult Create(ApiRequest request)
    {
        var contact = ContactHandlers.Load(request, request.Path("contactId"));
        var note = new JsonObject
        {
            ["id"] = Ids.New(),
            ["contactId"] = contact.Id,
            ["pinned"] = false,
            ["dateAdded"] = JsonText.Time(request.Now),
        };
        OwnedBy.Copy(note, request.BodyObject, Writable);
        var saved = request.Create(DocumentTypes.Note, contact.LocationId, note);
        return request.Ok(saved, "note");
    }

    private static ApiResult Update(ApiRequest request)
    {
        var existing = Load(request);
        var note = existing.Parse();
        OwnedBy.Copy(note, request.BodyObject, Writable);
        return request.Ok(request.Resave(existing, note), "note");
    }
}
