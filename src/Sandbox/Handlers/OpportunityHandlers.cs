using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// Opportunities in pipelines: create (one per contact and pipeline where the location forbids
/// duplicates), read with their contact, update, status, followers, upsert, and the search listing
/// (newest first; startAfter with startAfterId, or page).
/// </summary>
internal static class OpportunityHandlers
{
    private static readonly string[] Writable =
        ["name", "monetaryValue", "pipelineId", "pipelineStageId", "assignedTo", "status", "source", "lostReasonId"];

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("opportunities.create", Create);
        registry.Add("opportunities.get", request =>
            request.Ok(new JsonObject { ["opportunity"] = Present(request, Load(request)) }));
        registry.Add("opportunities.update", Update);
        registry.Add("opportunities.delete", Delete);
        registry.Add("opportunities.update_status", UpdateStatus);
        registry.Add("opportunities.upsert", Upsert);
        registry.Add("opportunities.followers.add", request => Followers(request, add: true));
        registry.Add("opportunities.followers.remove", request => Followers(request, add: false));
        registry.Add("opportunities.search", OpportunitySearch.Search);
        registry.Add("opportunities.pipelines.list", Pipelines);
    }

    /// <summary>An opportunity as answered: with a summary of its contact.</summary>
    public static JsonObject Present(ApiRequest request, StoredDocument document)
    {
        var opportunity = document.Parse();
        if (JsonText.String(opportunity, "contactId") is { } contactId
            && request.Store.Get(DocumentTypes.Contact, contactId)?.Parse() is { } contact)
        {
            opportunity["contact"] = new JsonObject
            {
                ["id"] = contactId,
                ["name"] = JsonText.String(contact, "name"),
                ["companyName"] = JsonText.String(contact, "companyName"),
                ["email"] = JsonText.String(contact, "email"),
                ["phone"] = JsonText.String(contact, "phone"),
                ["tags"] = contact["tags"]?.DeepClone() ?? new JsonArray(),
            };
        }

        return opportunity;
    }

    private static StoredDocument Load(ApiRequest request) =>
        request.Load(DocumentTypes.Opportunity, request.Path("id"), "Opportunity");

    private static ApiResult Create(ApiRequest request)
    {
        var body = request.BodyObject;
        var locationId = request.LocationId;
        var contactId = JsonText.String(body, "contactId")!;
        ContactHandlers.Load(request, contactId);
        var pipelineId = JsonText.String(body, "pipelineId")!;
        RefuseDuplicate(request, locationId, contactId, pipelineId);
        var saved = Save(request, New(locationId, contactId), body, null);
        return request.Ok(new JsonObject { ["opportunity"] = Present(request, saved) });
    }

    private static JsonObject New(string locationId, string contactId) => new()
    {
        ["id"] = Ids.New(),
        ["locationId"] = locationId,
        ["contactId"] = contactId,
        ["status"] = "open",
        ["source"] = "api",
        ["customFields"] = new JsonArray(),
        ["followers"] = new JsonArray(),
    };

    private static ApiResult Update(ApiRequest request)
    {
        var existing = Load(request);
        var saved = Save(request, existing.Parse(), request.BodyObject, existing.CreatedAt);
        return request.Ok(new JsonObject { ["opportunity"] = Present(request, saved) });
    }

    private static ApiResult Delete(ApiRequest request)
    {
        request.Store.Delete(DocumentTypes.Opportunity, Load(request).Id);
        return request.Ok(new JsonObject { ["succeded"] = true });
    }

    private static ApiResult UpdateStatus(ApiRequest request)
    {
        var existing = Load(request);
        var changes = new JsonObject { ["status"] = JsonText.String(request.Body, "status") };
        if (JsonText.String(request.Body, "lostReasonId") is { } reason)
        {
            changes["lostReasonId"] = reason;
        }

        Save(request, existing.Parse(), changes, existing.CreatedAt);
        return request.Ok(new JsonObject { ["succeded"] = true });
    }

    private static ApiResult Upsert(ApiRequest request)
    {
        var body = request.BodyObject;
        var locationId = request.LocationId;
        var pipelineId = JsonText.String(body, "pipelineId")!;
        var contactId = JsonText.String(body, "contactId");
        var existing = JsonText.String(body, "id") is { } id
            ? request.Load(DocumentTypes.Opportunity, id, "Opportunity")
            : request.Store.List(DocumentTypes.Opportunity, locationId)
                .OrderBy(d => d.CreatedAt)
                .FirstOrDefault(d => d.Parse() is var o && JsonText.String(o, "contactId") == contactId
                    && JsonText.String(o, "pipelineId") == pipelineId);
        if (existing is null && contactId is null)
        {
            throw ApiException.Unprocessable("contactId should not be empty");
        }

        var opportunity = existing?.Parse() ?? New(locationId, ContactHandlers.Load(request, contactId!).Id);
        ApplyFollowers(opportunity, body);
        var saved = Save(request, opportunity, body, existing?.CreatedAt);
        return request.Ok(new JsonObject { ["opportunity"] = Present(request, saved), ["new"] = existing is null });
    }

    private static void ApplyFollowers(JsonObject opportunity, JsonObject body)
    {
        if (JsonText.Boolean(body, "isRemoveAllFollowers") == true)
        {
            opportunity["followers"] = new JsonArray();
            return;
        }

        var followers = JsonText.Strings(body, "followers");
        var add = JsonText.String(body, "followersActionType") != "remove";
        ContactRelations.Follow(opportunity, followers, add);
    }

    private static ApiResult Followers(ApiRequest request, bool add)
    {
        var existing = Load(request);
        var opportunity = existing.Parse();
        var users = JsonText.Strings(request.BodyObject, "followers");
        var (followers, changed) = ContactRelations.Follow(opportunity, users, add);
        if (!add && request.QueryBool("isRemoveAllFollowers") == true)
        {
            changed = followers.Concat(changed).ToList();
            followers = [];
            opportunity["followers"] = new JsonArray();
        }

        Save(request, opportunity, [], existing.CreatedAt);
        return request.Ok(new JsonObject
        {
            ["followers"] = JsonText.Array(followers),
            [add ? "followersAdded" : "followersRemoved"] = JsonText.Array(changed),
        });
    }

    private static StoredDocument Save(
        ApiRequest request,
        JsonObject opportunity,
        JsonObject changes,
        long? createdAt)
    {
        var now = JsonText.Time(request.Now);
        if (JsonText.String(changes, "status") is { } status && status != JsonText.String(opportunity, "status"))
        {
            opportunity["lastStatusChangeAt"] = now;
        }

        OwnedBy.Copy(opportunity, changes, Writable);
        if (changes["customFields"] is JsonArray fields)
        {
            opportunity["customFields"] = new JsonArray([.. fields.OfType<JsonObject>().Select(CustomField)]);
        }

        CheckStage(request, opportunity, now);
        opportunity["createdAt"] ??= now;
        opportunity["updatedAt"] = now;
        return request.Save(DocumentTypes.Opportunity, JsonText.String(opportunity, "id")!,
            JsonText.String(opportunity, "locationId"), opportunity, createdAt);
    }

    // Callers send {id, field_value} or {key, value}; the vendor answers {id, fieldValue}.
    private static JsonNode CustomField(JsonObject field) => new JsonObject
    {
        ["id"] = JsonText.String(field, "id") ?? JsonText.String(field, "key"),
        ["fieldValue"] = (field["field_value"] ?? field["fieldValue"] ?? field["value"])?.DeepClone(),
    };

    // The pipeline must exist; the stage must be one of its stages (its first stage when none is named).
    private static void CheckStage(ApiRequest request, JsonObject opportunity, string now)
    {
        var pipelineId = JsonText.String(opportunity, "pipelineId") ?? "";
        var pipeline = request.Load(DocumentTypes.Pipeline, pipelineId, "Pipeline").Parse();
        var stages = (pipeline["stages"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(s => JsonText.String(s, "id"))
            .ToList();
        var stage = JsonText.String(opportunity, "pipelineStageId");
        if (stage is null)
        {
            opportunity["pipelineStageId"] = stages.FirstOrDefault();
            opportunity["lastStageChangeAt"] = now;
        }
        else if (!stages.Contains(stage))
        {
            throw ApiException.BadRequest($"Pipeline stage {stage} is not a stage of pipeline {pipelineId}");
        }

        opportunity["lastStageChangeAt"] ??= now;
    }

    private static void RefuseDuplicate(ApiRequest request, string locationId, string contactId, string pipelineId)
    {
        var location = request.Store.Get(DocumentTypes.Location, locationId)?.Parse();
        if (JsonText.Boolean(location?["settings"], "allowDuplicateOpportunity") != false)
        {
            return;
        }

        if (request.Store.List(DocumentTypes.Opportunity, locationId).Select(d => d.Parse())
            .Any(o => JsonText.String(o, "contactId") == contactId && JsonText.String(o, "pipelineId") == pipelineId))
        {
            throw ApiException.BadRequest("Can not create duplicate opportunity for the contact.");
        }
    }

    private static ApiResult Pipelines(ApiRequest request)
    {
        var pipelines = request.Store.List(DocumentTypes.Pipeline, request.LocationId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Parse());
        return request.Ok(new JsonObject { ["pipelines"] = new JsonArray([.. pipelines]) });
    }
}
