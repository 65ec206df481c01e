using Connector.Sandbox.Storage;
using static Connector.Cli.Tests.Catalog.Expectation;

namespace Connector.Cli.Tests.Catalog;

/// <summary>
/// Every writing GHL operation: either how its effect is read back, or why it cannot be.
/// </summary>
internal static class CatalogEffects
{
    private const string Contact = """{"contactId": "{{contactId}}"}""";
    private const string SecondContact = """{"contactId": "seD4PfOuKoVMLkEZqoh2"}""";
    private const string Note = """{"contactId": "{{contactId}}", "id": "{{id}}"}""";
    private const string Opportunity = """{"id": "{{id}}"}""";
    private const string January = """
        {"locationId": "{{locationId}}", "calendarId": "{{calendarId}}",
         "startTime": "1767225600000", "endTime": "1769904000000"}
        """;

    /// <summary>Write key to the read that shows its effect.</summary>
    public static IReadOnlyDictionary<string, Effect> Readable { get; } = new Dictionary<string, Effect>
    {
        ["associations.create"] = new("associations.get", """{"associationId": "{{output.id}}"}""",
            Shows("key", "firstObjectKey", "firstObjectLabel", "secondObjectKey", "secondObjectLabel")),
        ["associations.update"] = new("associations.get", """{"associationId": "{{associationId}}"}""",
            Shows("firstObjectLabel", "secondObjectLabel")),
        ["associations.delete"] = new("associations.get", """{"associationId": "{{associationId}}"}""", Gone),
        ["associations.relations.create"] = new(
            "associations.relations.list",
            """{"recordId": "{{firstRecordId}}", "locationId": "{{locationId}}"}""",
            new Listed("relations", ("id", "{{output.id}}"), ("secondRecordId", "{{secondRecordId}}"))),
        ["associations.relations.delete"] = new(
            "associations.relations.list",
            """{"recordId": "seD4PfOuKoVMLkEZqohJ", "locationId": "{{locationId}}"}""",
            new Unlisted("relations", "id", "{{relationId}}")),
        ["blogs.posts.create"] = new(
            "blogs.posts.list",
            """{"locationId": "{{locationId}}", "blogId": "{{blogId}}"}""",
            new Listed("blogs", ("_id", "{{output._id}}"), ("title", "{{title}}"), ("urlSlug", "{{urlSlug}}"))),
        ["blogs.posts.update"] = new(
            "blogs.posts.list",
            """{"locationId": "{{locationId}}", "blogId": "{{blogId}}"}""",
            new Listed("blogs", ("_id", "{{postId}}"), ("title", "{{title}}"), ("description", "{{description}}"))),
        ["businesses.create"] = new("businesses.get", """{"businessId": "{{output.id}}"}""",
            Shows("name", "email", "phone", "city", "country")),
        ["businesses.update"] = new("businesses.get", """{"businessId": "{{businessId}}"}""",
            Shows("website", "description")),
        ["businesses.delete"] = new("businesses.get", """{"businessId": "{{businessId}}"}""", Gone),
        ["calendars.appointment_notes.create"] = new(
            "calendars.appointment_notes.list",
            """{"appointmentId": "{{appointmentId}}"}""",
            new Listed("notes", ("id", "{{output.id}}"), ("body", "{{body}}"))),
        ["calendars.appointment_notes.update"] = new(
            "calendars.appointment_notes.list",
            """{"appointmentId": "{{appointmentId}}"}""",
            new Listed("notes", ("id", "{{noteId}}"), ("body", "{{body}}"))),
        ["calendars.appointment_notes.delete"] = new(
            "calendars.appointment_notes.list",
            """{"appointmentId": "{{appointmentId}}"}""",
            new Unlisted("notes", "id", "{{noteId}}")),
        ["calendars.appointments.create"] = new("calendars.appointments.get", """{"eventId": "{{output.id}}"}""",
            Shows("title", "calendarId", "contactId", "appointmentStatus", "assignedUserId")),
        ["calendars.appointments.update"] = new("calendars.appointments.get", """{"eventId": "{{eventId}}"}""",
            Shows("startTime", "endTime", "appointmentStatus")),
        ["calendars.events.delete"] = new("calendars.appointments.get", """{"eventId": "{{eventId}}"}""", Gone),
        ["calendars.block_slots.create"] = new("calendars.blocked_slots.list", January,
            new Listed("events", ("id", "{{output.id}}"), ("title", "{{title}}"))),
        ["calendars.block_slots.update"] = new("calendars.blocked_slots.list", January,
            new Listed("events", ("id", "{{eventId}}"), ("title", "{{title}}"), ("startTime", "{{startTime}}"))),
        ["calendars.create"] = new("calendars.get", """{"calendarId": "{{output.id}}"}""",
            Shows("name", "description", "calendarType", "groupId", "slug", "slotDuration")),
        ["calendars.update"] = new("calendars.get", """{"calendarId": "{{calendarId}}"}""",
            Shows("name", "slotDuration", "slotDurationUnit")),
        ["calendars.delete"] = new("calendars.get", """{"calendarId": "{{calendarId}}"}""", Gone),
        ["calendars.groups.create"] = new("calendars.groups.list", """{"locationId": "{{locationId}}"}""",
            new Listed("groups", ("id", "{{output.id}}"), ("name", "{{name}}"), ("slug", "{{slug}}"))),
        ["calendars.groups.update"] = new("calendars.groups.list", "{}",
            new Listed("groups", ("id", "{{groupId}}"), ("name", "{{name}}"), ("slug", "{{slug}}"))),
        ["calendars.groups.update_status"] = new("calendars.groups.list", "{}",
            new Listed("groups", ("id", "{{groupId}}"), ("isActive", "{{isActive}}"))),
        ["calendars.groups.delete"] = new("calendars.groups.list", "{}",
            new Unlisted("groups", "id", "{{groupId}}")),
        ["calendars.notifications.create"] = new(
            "calendars.notifications.list",
            """{"calendarId": "{{calendarId}}"}""",
            new Listed(".", ("_id", "{{output.0._id}}"), ("subject", "{{subject}}"))),
        ["calendars.notifications.update"] = new(
            "calendars.notifications.get",
            """{"calendarId": "{{calendarId}}", "notificationId": "{{notificationId}}"}""",
            Shows("subject", "isActive")),
        ["calendars.notifications.delete"] = new(
            "calendars.notifications.list",
            """{"calendarId": "{{calendarId}}"}""",
            new Unlisted(".", "_id", "{{notificationId}}")),
        ["calendars.resources.create"] = new(
            "calendars.resources.get",
            """{"resourceType": "{{resourceType}}", "id": "{{output.id}}"}""",
            Shows("name", "description", "quantity")),
        ["calendars.resources.update"] = new(
            "calendars.resources.get",
            """{"resourceType": "{{resourceType}}", "id": "{{id}}"}""",
            Shows("quantity", "outOfService")),
        ["calendars.resources.delete"] = new(
            "calendars.resources.get",
            """{"resourceType": "{{resourceType}}", "id": "{{id}}"}""",
            Gone),
        ["contacts.create"] = new("contacts.get", """{"contactId": "{{output.id}}"}""",
            Shows("firstName", "lastName", "email", "phone", "tags", "source")),
        ["contacts.update"] = new("contacts.get", Contact, Shows("city", "state", "postalCode")),
        ["contacts.upsert"] = new("contacts.get", """{"contactId": "{{output.contact.id}}"}""",
            Shows("firstName", "lastName", "email", "tags")),
        ["contacts.delete"] = new("contacts.get", Contact, Gone),
        ["contacts.bulk_business"] = new("contacts.get", SecondContact, Shows("businessId")),
        ["contacts.tags.add"] = new("contacts.get", Contact, Shows("tags")) { Before = "contacts.tags.remove" },
        ["contacts.tags.remove"] = new("contacts.get", Contact, new Lacks("tags", "{{tags}}"))
        {
            Before = "contacts.tags.add",
        },
        ["contacts.tags.bulk_update"] = new("contacts.get", SecondContact, Shows("tags")),
        ["contacts.followers.add"] = new("contacts.get", Contact, Shows("followers"))
        {
            Before = "contacts.followers.remove",
        },
        ["contacts.followers.remove"] = new("contacts.get", Contact, new Lacks("followers", "{{followers}}"))
        {
            Before = "contacts.followers.add",
        },
        ["contacts.notes.create"] = new(
            "contacts.notes.get",
            """{"contactId": "{{contactId}}", "id": "{{output.id}}"}""",
            Shows("body", "title", "userId")),
        ["contacts.notes.update"] = new("contacts.notes.get", Note, Shows("body")),
        ["contacts.notes.delete"] = new("contacts.notes.get", Note, Gone),
        ["contacts.tasks.create"] = new(
            "contacts.tasks.get",
            """{"contactId": "{{contactId}}", "taskId": "{{output.id}}"}""",
            Shows("title", "body", "completed", "assignedTo")),
        ["contacts.tasks.update"] = new(
            "contacts.tasks.get",
            """{"contactId": "{{contactId}}", "taskId": "{{taskId}}"}""",
            Shows("dueDate")),
        ["contacts.tasks.complete"] = new(
            "contacts.tasks.get",
            """{"contactId": "{{contactId}}", "taskId": "{{taskId}}"}""",
            Shows("completed")),
        ["contacts.tasks.delete"] = new(
            "contacts.tasks.get",
            """{"contactId": "{{contactId}}", "taskId": "{{taskId}}"}""",
            Gone),
        ["conversations.create"] = new("conversations.get", """{"conversationId": "{{output.id}}"}""",
            Shows("contactId", "locationId")),
        ["conversations.messages.send"] = new("conversations.messages.get", """{"id": "{{output.messageId}}"}""",
            new Has("body", "{{message}}"), new Has("contactId", "{{contactId}}")),
        ["conversations.messages.update_status"] = new(
            "conversations.messages.get",
            """{"id": "{{messageId}}"}""",
            Shows("status")),
        ["locations.create"] = new("locations.get", """{"locationId": "{{output.id}}"}""",
            Shows("name", "phone", "city", "country", "timezone")),
        ["opportunities.create"] = new("opportunities.get", """{"id": "{{output.id}}"}""",
            Shows("name", "pipelineId", "pipelineStageId", "status", "contactId", "monetaryValue", "assignedTo")),
        ["opportunities.update"] = new("opportunities.get", Opportunity, Shows("monetaryValue", "pipelineStageId")),
        ["opportunities.update_status"] = new("opportunities.get", Opportunity, Shows("status")),
        ["opportunities.upsert"] = new("opportunities.get", Opportunity,
            Shows("name", "pipelineStageId", "status", "monetaryValue", "followers")),
        ["opportunities.delete"] = new("opportunities.get", Opportunity, Gone),
        ["opportunities.followers.add"] = new("opportunities.get", Opportunity, Shows("followers"))
        {
            Before = "opportunities.followers.remove",
        },
        ["opportunities.followers.remove"] = new(
            "opportunities.get",
            Opportunity,
            new Lacks("followers", "{{followers}}"))
        {
            Before = "opportunities.followers.add",
        },
        ["users.create"] = new("users.get", """{"userId": "{{output.id}}"}""",
            Shows("firstName", "lastName", "email", "phone")),
        ["users.update"] = new("users.get", """{"userId": "{{userId}}"}""",
            new Has("roles.role", "{{role}}"), new Has("platformLanguage", "{{platformLanguage}}")),
        ["users.delete"] = new("users.get", """{"userId": "{{userId}}"}""", Gone),
    };

    /// <summary>
    /// Writes whose effect no operation of the catalog reads, though the sandbox keeps it: the vendor
    /// offers no read of a contact's campaigns or workflows, so the sandbox's own state is read.
    /// </summary>
    public static IReadOnlyDictionary<string, Membership> ReadInTheSandbox { get; } = new Dictionary<string, Membership>
    {
        ["contacts.campaigns.add"] = new(DocumentTypes.CampaignMember, "campaignId", Present: true)
        {
            Before = "contacts.campaigns.remove",
        },
        ["contacts.campaigns.remove"] = new(DocumentTypes.CampaignMember, "campaignId", Present: false)
        {
            Before = "contacts.campaigns.add",
        },
        ["contacts.campaigns.remove_all"] = new(DocumentTypes.CampaignMember, null, Present: false)
        {
            Before = "contacts.campaigns.add",
        },
        ["contacts.workflows.add"] = new(DocumentTypes.WorkflowMember, "workflowId", Present: true)
        {
            Before = "contacts.workflows.remove",
        },
        ["contacts.workflows.remove"] = new(DocumentTypes.WorkflowMember, "workflowId", Present: false)
        {
            Before = "contacts.workflows.add",
        },
    };

    /// <summary>
    /// Writing operations whose effect no operation of the catalog reads, with the reason. The example
    /// test still invokes each of them against the sandbox; only the read-back is missing.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Unreadable { get; } = new Dictionary<string, string>
    {
        ["contacts.find"] = "a search sent as POST: it reads contacts and changes nothing",
        ["calendars.groups.validate_slug"] = "asks whether a slug is free: it changes nothing",
        ["conversations.live_chat.typing"] = "a typing indicator shown to a live-chat visitor: the API keeps "
            + "nothing to read, and the sandbox answers with the vendor's canned success",
    };
}
