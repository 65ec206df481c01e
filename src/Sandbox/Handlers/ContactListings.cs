using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// The contact listings and their paging: the deprecated GET /contacts/ (newest first; its cursor is
/// startAfter with startAfterId, and only both together move it), POST /contacts/search (page and
/// pageLimit up to 10,000 records, then searchAfter), and the contacts of a business (skip and limit).
/// </summary>
internal static class ContactListings
{
    private const int MaxListLimit = 100;
    private const int MaxPageLimit = 500;
    private const int MaxPagedRecords = 10_000;

    private static readonly string[] TextFields = ["name", "email", "phone", "companyName"];

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("contacts.list", List);
        registry.Add("contacts.search", Search);
        registry.Add("contacts.find", Search);
        registry.Add("contacts.list_by_business", ListByBusiness);
    }

    private static ApiResult List(ApiRequest request)
    {
        var limit = request.QueryInt("limit", 20);
        if (limit is < 1 or > MaxListLimit)
        {
            throw ApiException.Unprocessable($"limit must not be greater than {MaxListLimit}");
        }

        var matching = Newest(request.Store.List(DocumentTypes.Contact, request.LocationId), request.Query("query"));
        var startAfter = request.QueryLong("startAfter");
        var startAfterId = request.Query("startAfterId");
        IEnumerable<StoredDocument> rest = matching;
        if (startAfter is { } after && startAfterId is { } afterId)
        {
            rest = matching.Where(d => d.CreatedAt < after
                || (d.CreatedAt == after && string.CompareOrdinal(d.Id, afterId) < 0));
        }

        var page = rest.Take(limit).ToList();
        var meta = new JsonObject { ["total"] = matching.Count };
        if (page.Count > 0)
        {
            meta["startAfter"] = page[^1].CreatedAt;
            meta["startAfterId"] = page[^1].Id;
        }

        return request.Ok(new JsonObject { ["contacts"] = Array(page.Select(d => d.Parse())), ["meta"] = meta });
    }

    private static ApiResult Search(ApiRequest request)
    {
        var body = request.BodyObject;
        var pageLimit = (int)(JsonText.Number(body, "pageLimit") ?? 0);
        var page = (int)(JsonText.Number(body, "page") ?? 1);
        var searchAfter = body["searchAfter"] as JsonArray;
        CheckPaging(pageLimit, page, searchAfter);

        var sort = ContactSort.From(body["sort"]);
        var filter = ContactFilter.From(body["filters"]);
        var text = JsonText.String(body, "query");
        var matching = request.Store.List(DocumentTypes.Contact, request.LocationId)
            .Select(d => (Document: d, Contact: d.Parse()))
            .Where(c => (text is null || MatchesText(c.Contact, text)) && filter(c.Contact))
            .Order(sort)
            .ToList();

        IEnumerable<(StoredDocument Document, JsonObject Contact)> rest = searchAfter is { Count: 2 }
            ? matching.Where(c => sort.After(c, searchAfter))
            : matching.Skip((page - 1) * pageLimit);
        var contacts = rest.Take(pageLimit).Select(c =>
        {
            c.Contact["searchAfter"] = sort.Cursor(c);
            return (JsonNode)c.Contact;
        });
        return request.Ok(new JsonObject { ["contacts"] = new JsonArray([.. contacts]), ["total"] = matching.Count });
    }

    private static void CheckPaging(int pageLimit, int page, JsonArray? searchAfter)
    {
        if (pageLimit is < 1 or > MaxPageLimit)
        {
            throw ApiException.Unprocessable($"pageLimit must be between 1 and {MaxPageLimit}");
        }

        if (searchAfter is not null && searchAfter.Count != 2)
        {
            throw ApiException.Unprocessable("searchAfter must be the searchAfter of a contact of the last page");
        }

        if (searchAfter is null && (page < 1 || (long)page * pageLimit > MaxPagedRecords))
        {
            throw ApiException.Unprocessable(
                $"page * pageLimit must not exceed {MaxPagedRecords}; read further with searchAfter");
        }
    }

    private static ApiResult ListByBusiness(ApiRequest request)
    {
        var businessId = request.Path("businessId");
        request.Load(DocumentTypes.Business, businessId, "Business");
        var matching = Newest(request.Store.List(DocumentTypes.Contact, request.LocationId), request.Query("query"))
            .Select(d => d.Parse())
            .Where(c => JsonText.String(c, "businessId") == businessId)
            .ToList();
        var page = matching.Skip(request.QueryInt("skip", 0)).Take(request.QueryInt("limit", 25));
        return request.Ok(new JsonObject { ["contacts"] = Array(page), ["count"] = matching.Count });
    }

    private static List<StoredDocument> Newest(IEnumerable<StoredDocument> contacts, string? text) =>
        contacts.Where(d => text is null || MatchesText(d.Parse(), text))
            .OrderByDescending(d => d.CreatedAt)
            .ThenByDescending(d => d.Id, StringComparer.Ordinal)
            .ToList();

    private static bool MatchesText(JsonObject contact, string text) =>
        TextFields.Any(field =>
            JsonText.String(contact, field)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);

    private static JsonArray Array(IEnumerable<JsonObject> items) => new([.. items]);
}
