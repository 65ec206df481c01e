using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>Contacts: create, read, update, delete, upsert and the duplicate lookup.</summary>
internal static class ContactHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("contacts.create", Create);
        registry.Add("contacts.get", Get);
        registry.Add("contacts.update", Update);
        registry.Add("contacts.delete", Delete);
        registry.Add("contacts.upsert", Upsert);
        registry.Add("contacts.get_duplicate", GetDuplicate);
    }

    public static StoredDocument Load(ApiRequest request, string contactId) =>
        request.Load(DocumentTypes.Contact, contactId, "Contact");

    /// <summary>The oldest contact of the location with that email (any case) or that phone.</summary>
    public static StoredDocument? FindDuplicate(ApiRequest request, string locationId, string? email, string? phone)
    {
        if (email is null && phone is null)
        {
            return null;
        }

        return request.Store.List(DocumentTypes.Contact, locationId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .FirstOrDefault(d => Matches(d.Parse(), email, phone));
    }

    private static bool Matches(JsonObject contact, string? email, string? phone) =>
        (email is not null
            && string.Equals(JsonText.String(contact, "email"), email, StringComparison.OrdinalIgnoreCase))
        || (phone is not null && JsonText.String(contact, "phone") == phone);

    private static ApiResult Create(ApiRequest request)
    {
        var body = request.BodyObject;
        var locationId = request.LocationId;
        RefuseDuplicate(request, locationId, body);
        var contact = Save(request, ContactFields.New(Ids.New(), locationId), body, null);
        return request.Ok(contact, "contact");
    }

    private static ApiResult Get(ApiRequest request) =>
        request.Ok(Load(request, request.Path("contactId")), "contact");

    private static ApiResult Update(ApiRequest request)
    {
        var existing = Load(request, request.Path("contactId"));
        var saved = Save(request, existing.Parse(), request.BodyObject, existing.CreatedAt);
        return request.Ok(new JsonObject { ["succeded"] = true, ["contact"] = saved.Parse() });
    }

    private static ApiResult Delete(ApiRequest request)
    {
        var contact = Load(request, request.Path("contactId"));
        foreach (var type in new[] { DocumentTypes.Task, DocumentTypes.Note })
        {
            var owned = request.Store.List(type, contact.LocationId!).Where(d => Owner(d) == contact.Id).ToList();
            foreach (var document in owned)
            {
                request.Store.Delete(type, document.Id);
            }
        }

        request.Store.Delete(DocumentTypes.Contact, contact.Id);
        return request.Ok(new JsonObject { ["succeded"] = true });
    }

    private static ApiResult Upsert(ApiRequest request)
    {
        var body = request.BodyObject;
        var locationId = request.LocationId;
        var (email, phone) = (JsonText.String(body, "email"), JsonText.String(body, "phone"));
        var existing = FindDuplicate(request, locationId, email, phone);
        var saved = existing is null
            ? Save(request, ContactFields.New(Ids.New(), locationId), body, null)
            : Save(request, existing.Parse(), body, existing.CreatedAt);
        return request.Ok(new JsonObject
        {
            ["new"] = existing is null,
            ["contact"] = saved.Parse(),
            ["traceId"] = Guid.NewGuid().ToString(),
        });
    }

    private static ApiResult GetDuplicate(ApiRequest request)
    {
        var duplicate = FindDuplicate(request, request.LocationId, request.Query("email"), request.Query("number"));
        return request.Ok(new JsonObject { ["contact"] = duplicate?.Parse() });
    }

    private static StoredDocument Save(ApiRequest request, JsonObject contact, JsonObject changes, long? createdAt)
    {
        ContactFields.Apply(contact, changes);
        ContactFields.Stamp(contact, createdAt ?? request.Now, request.Now);
        return request.Save(DocumentTypes.Contact, JsonText.String(contact, "id")!,
            JsonText.String(contact, "locationId"), contact, createdAt);
    }

    // A location that does not allow duplicates refuses a second contact with the same email or phone.
    private static void RefuseDuplicate(ApiRequest request, string locationId, JsonObject body)
    {
        var location = request.Store.Get(DocumentTypes.Location, locationId)?.Parse();
        if (JsonText.Boolean(location?["settings"], "allowDuplicateContact") != false)
        {
            return;
        }

        var email = JsonText.String(body, "email");
        var phone = JsonText.String(body, "phone");
        if (FindDuplicate(request, locationId, email, phone) is { } duplicate)
        {
            var field = email is not null && Matches(duplicate.Parse(), email, null) ? "email" : "phone";
            throw new ApiException(400, "This location does not allow duplicated contacts.", new JsonObject
            {
                ["meta"] = new JsonObject { ["contactId"] = duplicate.Id, ["matchingField"] = field },
            });
        }
    }

    private static string? Owner(StoredDocument document) => JsonText.String(document.Parse(), "contactId");
}
