using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>Helpers for what belongs to a contact (tasks, notes): found only under its own contact.</summary>
internal static class OwnedBy
{
    /// <summary>The object of that id under the request's contact; 404 when either is not there.</summary>
    public static StoredDocument Load(ApiRequest request, string type, string id, string what)
    {
        var contact = ContactHandlers.Load(request, request.Path("contactId"));
        var document = request.Load(type, id, what);
        return JsonText.String(document.Parse(), "contactId") == contact.Id
            ? document
            : throw ApiException.NotFound(what);
    }

    public static ApiResult List(ApiRequest request, string type, string key)
    {
        var contact = ContactHandlers.Load(request, request.Path("contactId"));
        var items = request.Store.List(type, contact.LocationId!)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Parse())
            .Where(o => JsonText.String(o, "contactId") == contact.Id);
        return request.Ok(new JsonObject { [key] = new JsonArray([.. items]) });
    }

    public static ApiResult Delete(ApiRequest request, string type, StoredDocument document)
    {
        request.Store.Delete(type, document.Id);
        return request.Ok(new JsonObject { ["succeded"] = true });
    }

    /// <summary>Copies the named fields the body carries onto the object.</summary>
    public static void Copy(JsonObject target, JsonObject body, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (body.TryGetPropertyValue(name, out var value))
            {
                target[name] = value?.DeepClone();
            }
        }
    }
}
