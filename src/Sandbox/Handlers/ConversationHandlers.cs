using System.Text;
using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>
/// Conversations and their messages: sending adds an outbound message to the contact's latest
/// conversation (starting one when there is none) and keeps the conversation's last-message fields.
/// </summary>
internal static class ConversationHandlers
{
    // A valid, empty WAV file: what a call recording of no length sounds like.
    private static readonly byte[] SilentRecording = Convert.FromBase64String(
        "UklGRiQAAABXQVZFZm10IBAAAAABAAEARKwAAIhYAQACABAAZGF0YQAAAAA=");

    private static readonly string[] Transcript =
    [
        "This call may be recorded for quality assurance purposes.",
        "Hi, I am calling about the spring course.",
    ];

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("conversations.create", Create);
        registry.Add("conversations.get", request => request.Ok(Load(request, request.Path("conversationId"))));
        registry.Add("conversations.search", ConversationSearch.Search);
        registry.Add("conversations.messages.send", Send);
        registry.Add("conversations.messages.get", request => request.Ok(LoadMessage(request, request.Path("id"))));
        registry.Add("conversations.messages.list", ListMessages);
        registry.Add("conversations.messages.update_status", UpdateStatus);
        registry.Add("conversations.email.get", request => request.Ok(request.Load(DocumentTypes.EmailMessage, request.Path("id"), "Email")));
        registry.Add("conversations.messages.recording", Recording);
        registry.Add("conversations.messages.transcription", Transcription);
        registry.Add("conversations.messages.transcription_download", TranscriptionText);
    }

    private static StoredDocument Load(ApiRequest request, string id) =>
        request.Load(DocumentTypes.Conversation, id, "Conversation");

    private static StoredDocument LoadMessage(ApiRequest request, string id) =>
        request.Load(DocumentTypes.Message, id, "Message");

    /// <summary>A new conversation with a contact, stored.</summary>
    public static StoredDocument Open(ApiRequest request, string locationId, string contactId)
    {
        var id = Ids.New();
        var now = JsonText.Time(request.Now);
        var conversation = new JsonObject
        {
            ["id"] = id,
            ["contactId"] = contactId,
            ["locationId"] = locationId,
            ["deleted"] = false,
            ["inbox"] = true,
            ["type"] = 1,
            ["unreadCount"] = 0,
            ["starred"] = false,
            ["dateAdded"] = now,
            ["dateUpdated"] = now,
            ["lastMessageDate"] = now,
        };
        return request.Save(DocumentTypes.Conversation, id, locationId, conversation);
    }

    private static ApiResult Create(ApiRequest request)
    {
        var contact = ContactHandlers.Load(request, JsonText.String(request.Body, "contactId")!);
        var conversation = Open(request, contact.LocationId!, contact.Id);
        return request.Ok(new JsonObject { ["success"] = true, ["conversation"] = conversation.Parse() });
    }

    private static ApiResult Send(ApiRequest request)
    {
        var body = request.BodyObject;
        var contact = ContactHandlers.Load(request, JsonText.String(body, "contactId")!);
        var conversation = request.Store.List(DocumentTypes.Conversation, contact.LocationId!)
            .Where(d => JsonText.String(d.Parse(), "contactId") == contact.Id)
            .OrderByDescending(d => d.UpdatedAt).FirstOrDefault()
            ?? Open(request, contact.LocationId!, contact.Id);
        var (number, name) = MessageTypes.Of(JsonText.String(body, "type"));
        var isEmail = name == "TYPE_EMAIL";
        var id = Ids.New();
        var message = new JsonObject
        {
            ["id"] = id,
            ["type"] = number,
            ["messageType"] = name,
            ["locationId"] = contact.LocationId,
            ["contactId"] = contact.Id,
            ["conversationId"] = conversation.Id,
            ["dateAdded"] = JsonText.Time(request.Now),
            ["body"] = JsonText.String(body, isEmail ? "html" : "message") ?? JsonText.String(body, "message") ?? "",
            ["direction"] = "outbound",
            ["status"] = JsonText.String(body, "status") ?? "pending",
            ["contentType"] = isEmail ? "text/html" : "text/plain",
            ["attachments"] = JsonText.Array(JsonText.Strings(body, "attachments")),
            ["source"] = "api",
        };
        var answer = new JsonObject { ["conversationId"] = conversation.Id, ["messageId"] = id };
        if (isEmail)
        {
            var emailId = SaveEmail(request, message, body, contact);
            message["meta"] = new JsonObject { ["email"] = new JsonObject { ["messageIds"] = JsonText.Array([emailId]) } };
            answer["emailMessageId"] = emailId;
        }

        request.Save(DocumentTypes.Message, id, contact.LocationId, message);
        Touch(request, conversation, message);
        answer["msg"] = "Message queued successfully.";
        answer["status"] = JsonText.String(message, "status") is "delivered" or "failed" or "read" ? message["status"]!.DeepClone() : "pending";
        return request.Ok(answer);
    }

    private static string SaveEmail(ApiRequest request, JsonObject message, JsonObject body, StoredDocument contact)
    {
        var id = Ids.New();
        var email = new JsonObject
        {
            ["id"] = id,
            ["threadId"] = JsonText.String(body, "threadId") ?? JsonText.String(message, "id"),
            ["locationId"] = contact.LocationId,
            ["contactId"] = contact.Id,
            ["conversationId"] = JsonText.String(message, "conversationId"),
            ["dateAdded"] = JsonText.String(message, "dateAdded"),
            ["subject"] = JsonText.String(body, "subject") ?? "",
            ["body"] = JsonText.String(message, "body"),
            ["direction"] = "outbound",
            ["status"] = "pending",
            ["contentType"] = "text/html",
            ["attachments"] = new JsonArray(),
            ["from"] = JsonText.String(body, "emailFrom") ?? "sandbox@example.com",
            ["to"] = JsonText.Array([JsonText.String(body, "emailTo") ?? JsonText.String(contact.Parse(), "email") ?? ""]),
            ["cc"] = JsonText.Array(JsonText.Strings(body, "emailCc")),
            ["bcc"] = JsonText.Array(JsonText.Strings(body, "emailBcc")),
            ["source"] = "api",
        };
        request.Save(DocumentTypes.EmailMessage, id, contact.LocationId, email);
        return id;
    }

    private static void Touch(ApiRequest request, StoredDocument document, JsonObject message)
    {
        var conversation = document.Parse();
        conversation["lastMessageBody"] = message["body"]?.DeepClone();
        conversation["lastMessageType"] = message["messageType"]?.DeepClone();
        conversation["lastMessageDirection"] = message["direction"]?.DeepClone();
        conversation["lastMessageDate"] = JsonText.Time(request.Now);
        conversation["dateUpdated"] = JsonText.Time(request.Now);
        request.Resave(document, conversation);
    }

    private static ApiResult ListMessages(ApiRequest request)
    {
        var conversation = Load(request, request.Path("conversationId"));
        var types = request.Query("type")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var messages = request.Store.List(DocumentTypes.Message, conversation.LocationId!)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Parse())
            .Where(m => JsonText.String(m, "conversationId") == conversation.Id)
            .Where(m => types is null || types.Contains(JsonText.String(m, "messageType")))
            .ToList();
        var start = request.Query("lastMessageId") is { } last
            ? messages.FindIndex(m => JsonText.String(m, "id") == last) + 1
            : 0;
        var limit = request.QueryInt("limit", 20);
        var page = messages.Skip(start).Take(limit).ToList();
        return request.Ok(new JsonObject
        {
            ["lastMessageId"] = page.Count > 0 ? JsonText.String(page[^1], "id") : "",
            ["nextPage"] = start + page.Count < messages.Count,
            ["messages"] = new JsonArray([.. page]),
        });
    }

    private static ApiResult UpdateStatus(ApiRequest request)
    {
        var existing = LoadMessage(request, request.Path("messageId"));
        var message = existing.Parse();
        message["status"] = JsonText.String(request.Body, "status");
        if (request.BodyObject["error"] is JsonObject error)
        {
            message["error"] = error.DeepClone();
        }

        request.Resave(existing, message);
        return request.Ok(new JsonObject
        {
            ["conversationId"] = JsonText.String(message, "conversationId"),
            ["messageId"] = existing.Id,
            ["status"] = message["status"]?.DeepClone(),
        });
    }

    private static StoredDocument CallMessage(ApiRequest request)
    {
        var message = LoadMessage(request, request.Path("messageId"));
        return message.LocationId == request.Path("locationId") ? message : throw ApiException.NotFound("Message");
    }

    private static ApiResult Recording(ApiRequest request)
    {
        CallMessage(request);
        return ApiResult.Bytes(request.Plan.SuccessStatus, SilentRecording, "audio/x-wav");
    }

    private static ApiResult Transcription(ApiRequest request)
    {
        CallMessage(request);
        var sentences = Transcript.Select((text, i) => (JsonNode)new JsonObject
        {
            ["mediaChannel"] = i % 2 + 1,
            ["sentenceIndex"] = i + 1,
            ["startTime"] = i * 4000 + 340,
            ["endTime"] = i * 4000 + 3900,
            ["transcript"] = text,
            ["confidence"] = 0.9,
        });
        return request.Ok(new JsonArray([.. sentences]));
    }

    private static ApiResult TranscriptionText(ApiRequest request)
    {
        CallMessage(request);
        var text = Encoding.UTF8.GetBytes(string.Join('\n', Transcript) + "\n");
        return ApiResult.Bytes(request.Plan.SuccessStatus, text, "text/plain; charset=utf-8");
    }
}
