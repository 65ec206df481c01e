using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>Associations (kinds of link between two object types) and relations (links between two records).</summary>
internal static class AssociationHandlers
{
    public static void Register(HandlerRegistry registry)
    {
        registry.Add("associations.create", Create);
        registry.Add("associations.get", request => request.Ok(Load(request, request.Path("associationId"))));
        registry.Add("associations.get_by_key", request => request.Ok(Find(request,
            a => JsonText.String(a, "key") == request.Path("key_name"))));
        registry.Add("associations.get_by_object_key", request => request.Ok(Find(request,
            a => JsonText.String(a, "firstObjectKey") == request.Path("objectKey")
                || JsonText.String(a, "secondObjectKey") == request.Path("objectKey"))));
        registry.Add("associations.list", request => request.Ok(new JsonObject
        {
            ["associations"] = Listing.Page(Listing.InLocation(request, DocumentTypes.Association), request),
        }));
        registry.Add("associations.update", Update);
        registry.Add("associations.delete", Delete);
        registry.Add("associations.relations.create", CreateRelation);
        registry.Add("associations.relations.list", ListRelations);
        registry.Add("associations.relations.delete", DeleteRelation);
    }

    private static StoredDocument Load(ApiRequest request, string id) =>
        request.Load(DocumentTypes.Association, id, "Association");

    private static JsonObject Find(ApiRequest request, Func<JsonObject, bool> match) =>
        Listing.InLocation(request, DocumentTypes.Association).FirstOrDefault(match) ?? throw ApiException.NotFound("Association");

    private static ApiResult Create(ApiRequest request)
    {
        var locationId = request.LocationId;
        var id = Ids.New();
        var association = new JsonObject { ["id"] = id, ["locationId"] = locationId, ["associationType"] = "USER_DEFINED" };
        OwnedBy.Copy(association, request.BodyObject,
            ["key", "firstObjectLabel", "firstObjectKey", "secondObjectLabel", "secondObjectKey"]);
        return request.Ok(request.Save(DocumentTypes.Association, id, locationId, association));
    }

    private static ApiResult Update(ApiRequest request)
    {
        var existing = Load(request, request.Path("associationId"));
        var association = existing.Parse();
        OwnedBy.Copy(association, request.BodyObject, ["firstObjectLabel", "secondObjectLabel"]);
        return request.Ok(request.Resave(existing, association));
    }

    private static ApiResult Delete(ApiRequest request)
    {
        var existing = Load(request, request.Path("associationId"));
        request.Store.Delete(DocumentTypes.Association, existing.Id);
        return request.Ok(new JsonObject
        {
            ["deleted"] = true,
            ["id"] = existing.Id,
            ["message"] = "Association deleted successfully",
        });
    }

    private static ApiResult CreateRelation(ApiRequest request)
    {
        var body = request.BodyObject;
        var association = Load(request, JsonText.String(body, "associationId")!);
        var locationId = request.LocationId;
        var id = Ids.New();
        var relation = new JsonObject { ["id"] = id, ["associationId"] = association.Id, ["locationId"] = locationId };
        OwnedBy.Copy(relation, body, ["firstRecordId", "secondRecordId"]);
        return request.Ok(request.Save(DocumentTypes.Relation, id, locationId, relation));
    }

    private static ApiResult ListRelations(ApiRequest request)
    {
        var recordId = request.Path("recordId");
        var associations = request.Http.Request.Query["associationIds"].OfType<string>()
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        var relations = Listing.InLocation(request, DocumentTypes.Relation)
            .Where(r => JsonText.String(r, "firstRecordId") == recordId || JsonText.String(r, "secondRecordId") == recordId)
            .Where(r => associations.Count == 0 || associations.Contains(JsonText.String(r, "associationId")!))
            .ToList();
        return request.Ok(new JsonObject { ["relations"] = Listing.Page(relations, request), ["total"] = relations.Count });
    }

    private static ApiResult DeleteRelation(ApiRequest request)
    {
        var relation = request.Load(DocumentTypes.Relation, request.Path("relationId"), "Relation");
        request.Store.Delete(DocumentTypes.Relation, relation.Id);
        return request.Ok(relation);
    }
}
