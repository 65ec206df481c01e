using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// GET /conversations/search: a location's conversations, latest message first, with their contact's
/// name, email and phone; filtered by contact, assignee, status and text; paged by startAfterDate (the
/// lastMessageDate, epoch ms, of the last conversation read).
/// </summary>
internal static class ConversationSearch
{
    private static readonly string[] TextFields = ["fullName", "email", "phone", "lastMessageBody"];

    public static ApiResult Search(ApiRequest request)
    {
        var matching = request.Store.List(DocumentTypes.Conversation, request.LocationId)
            .Select(d => Present(request, d.Parse()))
            .Where(c => Matches(request, c))
            .OrderByDescending(c => (long)JsonText.Number(c, "lastMessageDate")!.Value)
            .ThenByDescending(c => JsonText.String(c, "id"), StringComparer.Ordinal)
            .ToList();
        IEnumerable<JsonObject> rest = request.QueryLong("startAfterDate") is { } after
            ? matching.Where(c => JsonText.Number(c, "lastMessageDate") < after)
            : matching;
        var page = rest.Take(request.QueryInt("limit", 20));
        return request.Ok(new JsonObject
        {
            ["conversations"] = new JsonArray([.. page]),
            ["total"] = matching.Count,
        });
    }

    private static bool Matches(ApiRequest request, JsonObject conversation)
    {
        var text = request.Query("query");
        return Field(request, conversation, "contactId")
            && Field(request, conversation, "assignedTo")
            && Field(request, conversation, "id")
            && Field(request, conversation, "lastMessageType")
            && Status(request.Query("status"), conversation)
            && (text is null || TextFields.Any(f => JsonText.Contains(conversation, f, text)));
    }

    private static bool Field(ApiRequest request, JsonObject conversation, string name)
    {
        return request.Query(name) is not { } wanted || JsonText.String(conversation, name) == wanted;
    }

    private static bool Status(string? status, JsonObject conversation) => status switch
    {
        "read" => JsonText.Number(conversation, "unreadCount") == 0,
        "unread" => JsonText.Number(conversation, "unreadCount") > 0,
        "starred" => JsonText.Boolean(conversation, "starred") == true,
        _ => true,
    };

    // The listing's own shape: type by name, lastMessageDate in epoch ms, and the contact's details.
    private static JsonObject Present(ApiRequest request, JsonObject conversation)
    {
        var contactId = JsonText.String(conversation, "contactId") ?? "";
        var contact = request.Store.Get(DocumentTypes.Contact, contactId)?.Parse();
        var name = JsonText.String(contact, "name") ?? "";
        conversation["type"] = "TYPE_PHONE";
        var last = LocalTime.Parse(JsonText.String(conversation, "lastMessageDate"));
        conversation["lastMessageDate"] = last?.ToUnixTimeMilliseconds() ?? 0;
        conversation["lastMessageBody"] ??= "";
        conversation["lastMessageType"] ??= "TYPE_SMS";
        conversation["fullName"] = name;
        conversation["contactName"] = name;
        conversation["email"] = JsonText.String(contact, "email") ?? "";
        conversation["phone"] = JsonText.String(contact, "phone") ?? "";
        return conversation;
    }
}
