using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>What hangs off a contact: tags, followers, campaigns, workflows, appointments and its business.</summary>
internal static class ContactRelations
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("contacts.tags.add", request => ChangeTags(request, add: true));
        registry.Add("contacts.tags.remove", request => ChangeTags(request, add: false));
        registry.Add("contacts.tags.bulk_update", BulkTags);
        registry.Add("contacts.followers.add", request => ChangeFollowers(request, add: true));
        registry.Add("contacts.followers.remove", request => ChangeFollowers(request, add: false));
        registry.Add("contacts.campaigns.add", request => Join(request, DocumentTypes.Campaign, "campaignId", "Campaign"));
        registry.Add("contacts.campaigns.remove", request => Leave(request, DocumentTypes.Campaign, "campaignId"));
        registry.Add("contacts.campaigns.remove_all", LeaveAllCampaigns);
        registry.Add("contacts.workflows.add", request => Join(request, DocumentTypes.Workflow, "workflowId", "Workflow"));
        registry.Add("contacts.workflows.remove", request => Leave(request, DocumentTypes.Workflow, "workflowId"));
        registry.Add("contacts.appointments.list", Appointments);
        registry.Add("contacts.bulk_business", BulkBusiness);
    }

    private static ApiResult ChangeTags(ApiRequest request, bool add)
    {
        var document = ContactHandlers.Load(request, request.Path("contactId"));
        var contact = document.Parse();
        var (tags, _, _) = Retag(contact, JsonText.Strings(request.BodyObject, "tags"), add ? "add" : "remove");
        Save(request, document, contact);
        return request.Ok(new JsonObject { ["tags"] = JsonText.Array(tags) });
    }

    private static ApiResult BulkTags(ApiRequest request)
    {
        var type = request.Path("type");
        if (type is not ("add" or "remove"))
        {
            throw ApiException.Unprocessable("type must be one of the following values: add, remove");
        }

        var body = request.BodyObject;
        var removeAll = type == "remove" && JsonText.Boolean(body, "removeAllTags") == true;
        var responses = new JsonArray();
        var errors = 0;
        foreach (var contactId in JsonText.Strings(body, "contacts"))
        {
            var document = request.Store.Get(DocumentTypes.Contact, contactId);
            if (document is null || document.LocationId != request.LocationId)
            {
                errors++;
                responses.Add(new JsonObject { ["contactId"] = contactId, ["message"] = "Contact not found", ["type"] = "error" });
                continue;
            }

            var contact = document.Parse();
            var old = JsonText.Strings(contact, "tags");
            var tags = removeAll ? old : JsonText.Strings(body, "tags");
            var (_, added, removed) = Retag(contact, tags, type);
            Save(request, document, contact);
            responses.Add(new JsonObject
            {
                ["contactId"] = contactId,
                ["message"] = "Tags updated",
                ["type"] = "success",
                ["oldTags"] = JsonText.Array(old),
                ["tagsAdded"] = JsonText.Array(added),
                ["tagsRemoved"] = JsonText.Array(removed),
            });
        }

        return request.Ok(new JsonObject { ["succeded"] = errors == 0, ["errorCount"] = errors, ["responses"] = responses });
    }

    // Adds or removes tags; returns the tags after, and those actually added and removed.
    private static (List<string> Tags, List<string> Added, List<string> Removed) Retag(
        JsonObject contact,
        IEnumerable<string> change,
        string type)
    {
        var before = JsonText.Strings(contact, "tags");
        var wanted = JsonText.Strings(new JsonObject { ["tags"] = ContactFields.Tags(change) }, "tags");
        var after = type == "add"
            ? before.Concat(wanted).Distinct(StringComparer.Ordinal).ToList()
            : before.Except(wanted, StringComparer.Ordinal).ToList();
        contact["tags"] = JsonText.Array(after);
        return (after, [.. after.Except(before)], [.. before.Except(after)]);
    }

    private static ApiResult ChangeFollowers(ApiRequest request, bool add)
    {
        var document = ContactHandlers.Load(request, request.Path("contactId"));
        var contact = document.Parse();
        var (followers, changed) = Follow(contact, JsonText.Strings(request.BodyObject, "followers"), add);
        Save(request, document, contact);
        return request.Ok(new JsonObject
        {
            ["followers"] = JsonText.Array(followers),
            [add ? "followersAdded" : "followersRemoved"] = JsonText.Array(changed),
        });
    }

    /// <summary>Adds or removes followers (user ids) of a contact or opportunity; returns all and those changed.</summary>
    public static (List<string> Followers, List<string> Changed) Follow(JsonObject target, List<string> users, bool add)
    {
        var before = JsonText.Strings(target, "followers");
        var after = add
            ? before.Concat(users).Distinct(StringComparer.Ordinal).ToList()
            : before.Except(users, StringComparer.Ordinal).ToList();
        target["followers"] = JsonText.Array(after);
        return (after, add ? [.. after.Except(before)] : [.. before.Except(after)]);
    }

    private static ApiResult Join(ApiRequest request, string type, string parameter, string what)
    {
        var contact = ContactHandlers.Load(request, request.Path("contactId"));
        var target = request.Load(type, request.Path(parameter), what);
        var membership = new JsonObject
        {
            ["contactId"] = contact.Id,
            [parameter] = target.Id,
            ["eventStartTime"] = JsonText.String(request.Body, "eventStartTime"),
        };
        request.Save(MemberType(type), $"{contact.Id}:{target.Id}", contact.LocationId, membership);
        return request.Ok(new JsonObject { ["succeded"] = true });
    }

    private static ApiResult Leave(ApiRequest request, string type, string parameter)
    {
        var contact = ContactHandlers.Load(request, request.Path("contactId"));
        request.Store.Delete(MemberType(type), $"{contact.Id}:{request.Path(parameter)}");
        return request.Ok(new JsonObject { ["succeded"] = true });
    }

    private static ApiResult LeaveAllCampaigns(ApiRequest request)
    {
        var contact = ContactHandlers.Load(request, request.Path("contactId"));
        foreach (var membership in request.Store.List(DocumentTypes.CampaignMember)
            .Where(d => d.Id.StartsWith(contact.Id + ":", StringComparison.Ordinal)).ToList())
        {
            request.Store.Delete(DocumentTypes.CampaignMember, membership.Id);
        }

        return request.Ok(new JsonObject { ["succeded"] = true });
    }

    private static string MemberType(string type) =>
        type == DocumentTypes.Campaign ? DocumentTypes.CampaignMember : DocumentTypes.WorkflowMember;

    private static ApiResult Appointments(ApiRequest request)
    {
        var contact = ContactHandlers.Load(request, request.Path("contactId"));
        var events = request.Store.List(DocumentTypes.Appointment, contact.LocationId!)
            .Select(d => d.Parse())
            .Where(e => JsonText.String(e, "contactId") == contact.Id)
            .OrderBy(e => JsonText.String(e, "startTime"), StringComparer.Ordinal)
            .Select(e => (JsonNode)e);
        return request.Ok(new JsonObject { ["events"] = new JsonArray([.. events]) });
    }

    private static ApiResult BulkBusiness(ApiRequest request)
    {
        var body = request.BodyObject;
        var businessId = JsonText.String(body, "businessId");
        if (businessId is not null)
        {
            request.Load(DocumentTypes.Business, businessId, "Business");
        }

        var ids = JsonText.Strings(body, "ids");
        foreach (var id in ids)
        {
            var document = ContactHandlers.Load(request, id);
            var contact = document.Parse();
            contact["businessId"] = businessId;
            Save(request, document, contact);
        }

        return request.Ok(new JsonObject { ["success"] = true, ["ids"] = JsonText.Array(ids) });
    }

    private static void Save(ApiRequest request, StoredDocument document, JsonObject contact)
    {
        ContactFields.Stamp(contact, document.CreatedAt, request.Now);
        request.Resave(document, contact);
    }
}
