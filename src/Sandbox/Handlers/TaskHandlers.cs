using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>A contact's tasks.</summary>
internal static class TaskHandlers
{
    private static readonly string[] Writable = ["title", "body", "dueDate", "completed", "assignedTo"];

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("contacts.tasks.create", Create);
        registry.Add("contacts.tasks.list", request => OwnedBy.List(request, DocumentTypes.Task, "tasks"));
        registry.Add("contacts.tasks.get", request => request.Ok(Load(request), "task"));
        registry.Add("contacts.tasks.update", Update);
        registry.Add("contacts.tasks.complete", Update);
        registry.Add("contacts.tasks.delete", request => OwnedBy.Delete(request, DocumentTypes.Task, Load(request)));
    }

    private static StoredDocument Load(ApiRequest request) =>
        OwnedBy.Load(request, DocumentTypes.Task, request.Path("taskId"), "Task");

    private static ApiResult Create(ApiRequest request)
    {
        var contact = ContactHandlers.Load(request, request.Path("contactId"));
        var task = new JsonObject { ["id"] = Ids.New(), ["contactId"] = contact.Id, ["completed"] = false };
        OwnedBy.Copy(task, request.BodyObject, Writable);
        var saved = request.Create(DocumentTypes.Task, contact.LocationId, task);
        return request.Ok(saved, "task");
    }

    private static ApiResult Update(ApiRequest request)
    {
        var existing = Load(request);
        var task = existing.Parse();
        OwnedBy.Copy(task, request.BodyObject, Writable);
        return request.Ok(request.Resave(existing, task), "task");
    }
}
