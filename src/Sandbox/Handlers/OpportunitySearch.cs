using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// GET /opportunities/search: filters by pipeline, stage, contact, status (all when "all" or absent),
/// assignee, id and text; newest first; pages by startAfter with startAfterId (both needed), or page.
/// </summary>
internal static class OpportunitySearch
{
    private const int MaxLimit = 100;

    public static ApiResult Search(ApiRequest request)
    {
        var limit = request.QueryInt("limit", 20);
        if (limit is < 1 or > MaxLimit)
        {
            throw ApiException.Unprocessable($"limit must not be greater than {MaxLimit}");
        }

        var matching = request.Store.List(DocumentTypes.Opportunity, request.LocationId)
            .Select(d => (Document: d, Opportunity: d.Parse()))
            .Where(o => Matches(request, o.Opportunity))
            .OrderByDescending(o => o.Document.CreatedAt).ThenByDescending(o => o.Document.Id, StringComparer.Ordinal)
            .ToList();
        var page = request.QueryInt("page", 1);
        IEnumerable<(StoredDocument Document, JsonObject Opportunity)> rest =
            matching.Skip((Math.Max(page, 1) - 1) * limit);
        if (request.QueryLong("startAfter") is { } after && request.Query("startAfterId") is { } afterId)
        {
            rest = matching.Where(o => o.Document.CreatedAt < after
                || (o.Document.CreatedAt == after && string.CompareOrdinal(o.Document.Id, afterId) < 0));
        }

        var items = rest.Take(limit).ToList();
        return request.Ok(new JsonObject
        {
            ["opportunities"] = new JsonArray([.. items.Select(o => Present(request, o.Document))]),
            ["meta"] = Meta(matching.Count, items, page, limit),
            ["aggregations"] = new JsonObject(),
        });
    }

    private static JsonObject Present(ApiRequest request, StoredDocument document) =>
        OpportunityHandlers.Present(request, document);

    private static JsonObject Meta(
        int total,
        List<(StoredDocument Document, JsonObject Opportunity)> items,
        int page,
        int limit)
    {
        var meta = new JsonObject { ["total"] = total, ["currentPage"] = page };
        if (items.Count > 0)
        {
            meta["startAfter"] = items[^1].Document.CreatedAt;
            meta["startAfterId"] = items[^1].Document.Id;
        }

        if (page * limit < total)
        {
            meta["nextPage"] = page + 1;
        }

        if (page > 1)
        {
            meta["prevPage"] = page - 1;
        }

        return meta;
    }

    private static bool Matches(ApiRequest request, JsonObject opportunity)
    {
        var status = request.Query("status");
        return Field(request, opportunity, "pipeline_id", "pipelineId")
            && Field(request, opportunity, "pipeline_stage_id", "pipelineStageId")
            && Field(request, opportunity, "contact_id", "contactId")
            && Field(request, opportunity, "assigned_to", "assignedTo")
            && Field(request, opportunity, "id", "id")
            && (status is null or "all" || JsonText.String(opportunity, "status") == status)
            && (request.Query("q") is not { } text
                || JsonText.String(opportunity, "name")?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);
    }

    private static bool Field(ApiRequest request, JsonObject opportunity, string parameter, string field) =>
        request.Query(parameter) is not { } wanted || JsonText.String(opportunity, field) == wanted;
}
