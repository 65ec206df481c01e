using System.Text.Json.Nodes;
using Connector.Sandbox.Handlers;
using Connector.Sandbox.Storage;
using static Connector.Sandbox.WellKnownIds;

namespace Connector.Sandbox.Seeding;

/// <summary>
/// The objects under the example ids of docs/authoring.md, shaped like the definitions' samples, so
/// that every definition's example works against a sandbox as written. The well-known location allows
/// duplicate contacts and opportunities, since the create examples repeat the seeded ones.
/// </summary>
internal static class WellKnownSeed
{
    /// <summary>A second location of the same company, which does not allow duplicate contacts.</summary>
    public const string SecondLocation = "lOcA00000000000000a2";

    public const string Zone = "America/New_York";

    public static void Add(SeedBatch batch)
    {
        AddCompanyAndLocations(batch);
        AddPeople(batch);
        AddCalendars(batch);
        AddSales(batch);
        AddConversations(batch);
        AddLists(batch);
        AddBlog(batch);
    }

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    private static void AddCompanyAndLocations(SeedBatch batch)
    {
        batch.Add(DocumentTypes.Company, Company, null, "2025-01-02T09:00:00Z", Json($$$"""
            {"id":"{{{Company}}}","name":"Deo Marketing Agency","email":"john@deo.com","phone":"+12025550107",
             "website":"https://www.deomarketing.com","domain":"https://app.deomarketing.com",
             "address":"3500 Deer Creek Road","city":"Palo Alto","state":"CA","postalCode":"94304",
              "country":"US",
             "timezone":"US/Central","plan":1,"customerType":"agency","status":"active","locationCount":2,
              "isReselling":true}
            """));
        batch.Add(DocumentTypes.Location, Location, Location, "2025-01-02T09:00:00Z", Json($$$"""
            {"id":"{{{Location}}}","companyId":"{{{Company}}}","name":"Deo Dental",
             "domain":"deodental.msgsndr.com",
             "address":"12 Main Street","city":"New York","state":"NY","country":"US","postalCode":"10001",
             "website":"https://deodental.com","timezone":"{{{Zone}}}","firstName":"Rane","lastName":"Deo",
             "email":"rane@deodental.com","phone":"+13125550188",
             "business":{"name":"Deo Dental","address":"12 Main Street","city":"New York","state":"NY",
              "country":"US",
               "postalCode":"10001","website":"https://deodental.com","timezone":"{{{Zone}}}"},
             "settings":{"allowDuplicateContact":true,"allowDuplicateOpportunity":true,
              "allowFacebookNameMerge":false,
               "disableContactTimezone":false}}
            """));
        batch.Add(DocumentTypes.Location, SecondLocation, SecondLocation, "2025-03-01T09:00:00Z", Json($$$"""
            {"id":"{{{SecondLocation}}}","companyId":"{{{Company}}}","name":"Deo Dental Brooklyn",
             "address":"80 Court Street",
             "city":"Brooklyn","state":"NY","country":"US","postalCode":"11201",
              "website":"https://deodental.com/brooklyn",
             "timezone":"{{{Zone}}}","email":"brooklyn@deodental.com","phone":"+17185550123",
             "settings":{"allowDuplicateContact":false,"allowDuplicateOpportunity":false,
              "allowFacebookNameMerge":false,
               "disableContactTimezone":false}}
            """));
    }

    private static void AddPeople(SeedBatch batch)
    {
        batch.Add(DocumentTypes.User, User, null, "2025-01-02T09:00:00Z", Json($$$"""
            {"id":"{{{User}}}","companyId":"{{{Company}}}","name":"John Deo","firstName":"John",
             "lastName":"Deo",
             "email":"john@deo.com","phone":"+18888888801","extension":"",
             "permissions":{"contactsEnabled":true,"opportunitiesEnabled":true,"appointmentsEnabled":true,
              "conversationsEnabled":true},
             "roles":{"type":"account","role":"admin","locationIds":["{{{Location}}}"],
              "restrictSubAccount":false},
             "deleted":false,"platformLanguage":"en_US"}
            """));
        AddContact(batch, Contact, "2026-01-05T10:00:00Z", "2026-01-06T08:30:00Z", Json($$$"""
            {"firstName":"Rosan","lastName":"Deo","email":"rosan@deos.com","phone":"+18888888888",
             "companyName":"DGS VolMAX",
             "timezone":"{{{Zone}}}","source":"public api","tags":["vip"],"city":"New York","country":"US",
             "customFields":[{"id":"{{{CustomField}}}","value":"Spring course"}],"businessId":"{{{Business}}}",
              "assignedTo":"{{{User}}}"}
            """));
        AddContact(batch, SecondContact, "2026-01-05T09:00:00Z", "2026-01-05T09:00:00Z", Json($$$"""
            {"firstName":"Marta","lastName":"Deo","email":"marta@deos.com","phone":"+18888888802",
             "timezone":"{{{Zone}}}",
             "source":"public api","tags":[],"country":"US"}
            """));
        batch.Add(DocumentTypes.Task, ContactTask, Location, "2026-01-05T10:05:00Z", Json($$$"""
            {"id":"{{{ContactTask}}}","contactId":"{{{Contact}}}","title":"Call back",
             "body":"Ask about the spring course.",
             "assignedTo":"{{{User}}}","dueDate":"2026-02-01T10:00:00.000Z","completed":false}
            """));
        batch.Add(DocumentTypes.Note, ContactNote, Location, "2026-01-05T10:00:00Z", Json($$$"""
            {"id":"{{{ContactNote}}}","contactId":"{{{Contact}}}","userId":"{{{User}}}",
             "title":"Follow-up summary",
             "body":"Called back, interested in the spring course.","color":"#FFAA00","pinned":false,
             "dateAdded":"2026-01-05T10:00:00.000Z"}
            """));
        batch.Add(DocumentTypes.Business, Business, Location, "2026-01-05T10:00:00Z", Json($$$"""
            {"id":"{{{Business}}}","name":"Deo Academy","phone":"+18832327657","email":"hello@deos.com",
             "website":"deos.com",
             "address":"12 Main Street","city":"New York","state":"NY","postalCode":"10001","country":"US",
             "description":"Evening language courses.","locationId":"{{{Location}}}",
             "createdAt":"2026-01-05T10:00:00.000Z","updatedAt":"2026-01-06T08:30:00.000Z"}
            """));
    }

    private static void AddContact(SeedBatch batch, string id, string added, string updated, JsonObject fields)
    {
        var contact = ContactFields.New(id, Location);
        ContactFields.Apply(contact, fields);
        ContactFields.Stamp(contact, SeedBatch.Ms(added), SeedBatch.Ms(updated));
        batch.Add(DocumentTypes.Contact, id, Location, SeedBatch.Ms(added), SeedBatch.Ms(updated), contact);
    }

    private static void AddCalendars(SeedBatch batch)
    {
        batch.Add(DocumentTypes.CalendarGroup, CalendarGroup, Location, "2025-12-01T09:00:00Z", Json($$$"""
            {"id":"{{{CalendarGroup}}}","locationId":"{{{Location}}}","name":"Sales team",
             "description":"Calendars of the sales team","slug":"sales-team","isActive":true}
            """));
        var calendar = CalendarHandlers.New(Calendar, Location, Json($$$"""
            {"groupId":"{{{CalendarGroup}}}","name":"Discovery call",
             "description":"A 30 minute call to get to know you.",
             "slug":"discovery-call","calendarType":"round_robin",
              "eventType":"RoundRobin_OptimizeForAvailability",
             "autoConfirm":true,"teamMembers":[{"userId":"{{{User}}}","priority":0.5}],
             "openHours":[{"daysOfTheWeek":[1,2,3,4,5],"hours":[{"openHour":9,"openMinute":0,"closeHour":17,
              "closeMinute":0}]}]}
            """));
        batch.Add(DocumentTypes.Calendar, Calendar, Location, "2025-12-01T09:00:00Z", calendar);
        batch.Add(DocumentTypes.Appointment, Appointment, Location, "2026-01-02T14:12:00Z", Json($$$"""
            {"id":"{{{Appointment}}}","title":"Discovery call with Rosan Deo","calendarId":"{{{Calendar}}}",
             "locationId":"{{{Location}}}",
             "contactId":"{{{Contact}}}","groupId":"{{{CalendarGroup}}}","appointmentStatus":"confirmed",
              "assignedUserId":"{{{User}}}",
             "users":["{{{User}}}"],"address":"https://meet.google.com/yqp-gogr-wve",
              "meetingLocationType":"custom",
             "notes":"Wants to hear about the spring course.","isRecurring":false,
             "startTime":"2026-01-05T10:00:00-05:00","endTime":"2026-01-05T10:30:00-05:00",
             "dateAdded":"2026-01-02T09:12:00-05:00","dateUpdated":"2026-01-02T09:12:00-05:00",
             "createdBy":{"userId":"{{{User}}}","source":"third_party"}}
            """));
        batch.Add(DocumentTypes.AppointmentNote, AppointmentNote, Location, "2026-01-05T15:40:00Z", Json($$$"""
            {"id":"{{{AppointmentNote}}}","appointmentId":"{{{Appointment}}}",
             "body":"Asked to bring last year's invoices.",
             "userId":"{{{User}}}","contactId":"{{{Contact}}}","dateAdded":"2026-01-05T15:40:00.000Z",
             "createdBy":{"id":"{{{User}}}","name":"John Deo"}}
            """));
        batch.Add(DocumentTypes.BlockSlot, BlockSlot, Location, "2026-01-02T14:12:00Z", Json($$$"""
            {"id":"{{{BlockSlot}}}","locationId":"{{{Location}}}","calendarId":"{{{Calendar}}}",
             "assignedUserId":"{{{User}}}",
             "title":"Team offsite","startTime":"2026-01-06T13:00:00-05:00",
              "endTime":"2026-01-06T17:00:00-05:00",
             "dateAdded":"2026-01-02T09:12:00-05:00","dateUpdated":"2026-01-02T09:12:00-05:00"}
            """));
        var created = "2025-12-01T09:00:00Z";
        batch.Add(DocumentTypes.Notification, CalendarNotification, Location, created, Json($$$"""
            {"_id":"{{{CalendarNotification}}}","calendarId":"{{{Calendar}}}","receiverType":"contact",
             "channel":"email",
             "notificationType":"reminder","isActive":true,"deleted":false,
              "subject":"Reminder: your call tomorrow",
             "body":"See you tomorrow at 10 am. Reply to this email to reschedule.",
              "beforeTime":[{"timeOffset":1,"unit":"days"}]}
            """));
        batch.Add(DocumentTypes.Resource, CalendarResource, Location, "2025-12-01T09:00:00Z", Json($$$"""
            {"id":"{{{CalendarResource}}}","locationId":"{{{Location}}}","name":"Projector",
             "resourceType":"equipments",
             "isActive":true,"description":"Portable projector for workshops","quantity":2,"outOfService":0,
              "capacity":1,
             "calendarIds":["{{{Calendar}}}"]}
            """));
    }

    private static void AddSales(SeedBatch batch)
    {
        batch.Add(DocumentTypes.Pipeline, Pipeline, Location, "2025-12-01T09:00:00Z", Json($$$"""
            {"id":"{{{Pipeline}}}","name":"Sales","locationId":"{{{Location}}}","showInFunnel":true,
             "showInPieChart":true,
             "stages":[{"id":"{{{PipelineStage}}}","name":"New lead","position":0},
                       {"id":"sTaG00000000000000a2","name":"Contacted","position":1},
                       {"id":"sTaG00000000000000a3","name":"Proposal sent","position":2},
                       {"id":"sTaG00000000000000a4","name":"Enrolled","position":3}]}
            """));
        batch.Add(DocumentTypes.Opportunity, Opportunity, Location, SeedBatch.Ms("2026-01-05T10:00:00Z"),
            SeedBatch.Ms("2026-01-06T08:30:00Z"), Json($$$"""
            {"id":"{{{Opportunity}}}","name":"Spring course - Rosan Deo","monetaryValue":500,
             "pipelineId":"{{{Pipeline}}}",
             "pipelineStageId":"{{{PipelineStage}}}","assignedTo":"{{{User}}}","status":"open",
              "source":"public api",
             "lastStatusChangeAt":"2026-01-05T10:00:00.000Z","lastStageChangeAt":"2026-01-05T10:00:00.000Z",
             "createdAt":"2026-01-05T10:00:00.000Z","updatedAt":"2026-01-06T08:30:00.000Z",
              "contactId":"{{{Contact}}}",
             "locationId":"{{{Location}}}","customFields":[{"id":"{{{CustomField}}}",
              "fieldValue":"Evening classes"}],"followers":[]}
            """));
    }

    private static void AddConversations(SeedBatch batch)
    {
        batch.Add(DocumentTypes.Conversation, Conversation, Location, "2026-01-05T10:00:00Z", Json($$$"""
            {"id":"{{{Conversation}}}","contactId":"{{{Contact}}}","locationId":"{{{Location}}}",
             "deleted":false,"inbox":true,
             "type":1,"unreadCount":1,"assignedTo":"{{{User}}}","starred":false,
              "dateAdded":"2026-01-05T10:00:00.000Z",
             "dateUpdated":"2026-01-05T10:00:00.000Z","lastMessageDate":"2026-01-05T10:00:00.000Z",
             "lastMessageBody":"Is the spring course still open?","lastMessageType":"TYPE_SMS",
              "lastMessageDirection":"inbound"}
            """));
        batch.Add(DocumentTypes.Message, Message, Location, "2026-01-05T10:00:00Z", Json($$$"""
            {"id":"{{{Message}}}","type":2,"messageType":"TYPE_SMS","locationId":"{{{Location}}}",
             "contactId":"{{{Contact}}}",
             "conversationId":"{{{Conversation}}}","dateAdded":"2026-01-05T10:00:00.000Z",
              "body":"Is the spring course still open?",
             "direction":"inbound","status":"delivered","contentType":"text/plain","attachments":[],
              "source":"app"}
            """));
        batch.Add(DocumentTypes.EmailMessage, EmailMessage, Location, "2026-01-05T10:00:00Z", Json($$$"""
            {"id":"{{{EmailMessage}}}","threadId":"{{{Message}}}","locationId":"{{{Location}}}",
             "contactId":"{{{Contact}}}",
             "conversationId":"{{{Conversation}}}","dateAdded":"2026-01-05T10:00:00.000Z",
              "subject":"Your spring course booking",
             "body":"<p>Hi Rosan, your place is booked.</p>","direction":"outbound","status":"delivered",
              "contentType":"text/html",
             "attachments":[],"from":"Deo Academy <hello@deos.com>","to":["rosan@deos.com"],"cc":[],"bcc":[],
              "source":"app"}
            """));
    }

    private static void AddLists(SeedBatch batch)
    {
        batch.Add(DocumentTypes.Campaign, Campaign, Location, "2025-12-01T09:00:00Z", Json($$$"""
            {"id":"{{{Campaign}}}","name":"Spring course follow-up","status":"published",
             "locationId":"{{{Location}}}"}
            """));
        batch.Add(DocumentTypes.Workflow, Workflow, Location, SeedBatch.Ms("2026-01-05T10:00:00Z"),
            SeedBatch.Ms("2026-01-06T08:30:00Z"), Json($$$"""
            {"id":"{{{Workflow}}}","name":"New lead follow-up","status":"published","version":2,
             "createdAt":"2026-01-05T10:00:00.000Z","updatedAt":"2026-01-06T08:30:00.000Z",
              "locationId":"{{{Location}}}"}
            """));
        batch.Add(DocumentTypes.CustomField, CustomField, Location, "2025-12-01T09:00:00Z", Json($$$"""
            {"id":"{{{CustomField}}}","name":"Pincode","fieldKey":"contact.pincode","placeholder":"Pin code",
             "dataType":"TEXT",
             "position":0,"locationId":"{{{Location}}}","model":"contact"}
            """));
        batch.Add(DocumentTypes.Association, Association, Location, "2025-12-01T09:00:00Z", Json($$$"""
            {"id":"{{{Association}}}","locationId":"{{{Location}}}","key":"student_teacher",
             "firstObjectLabel":"student",
             "firstObjectKey":"custom_objects.children","secondObjectLabel":"teacher",
              "secondObjectKey":"contact",
             "associationType":"USER_DEFINED"}
            """));
        batch.Add(DocumentTypes.Relation, Relation, Location, "2025-12-01T09:00:00Z", Json($$$"""
            {"id":"{{{Relation}}}","associationId":"{{{Association}}}","firstRecordId":"{{{Contact}}}",
             "secondRecordId":"{{{SecondContact}}}","locationId":"{{{Location}}}"}
            """));
        batch.Add(DocumentTypes.Snapshot, Snapshot, null, "2025-06-01T09:00:00Z", Json($$$"""
            {"id":"{{{Snapshot}}}","name":"Language School Snapshot","type":"own","companyId":"{{{Company}}}"}
            """));
    }

    private static void AddBlog(SeedBatch batch)
    {
        batch.Add(DocumentTypes.Blog, Blog, Location, "2025-06-01T09:00:00Z", Json($$$"""
            {"_id":"{{{Blog}}}","name":"Deo Dental Blog","locationId":"{{{Location}}}"}
            """));
        batch.Add(DocumentTypes.BlogAuthor, BlogAuthor, Location, "2026-01-05T10:00:00Z", Json($$$"""
            {"_id":"{{{BlogAuthor}}}","name":"Rosan Deo","locationId":"{{{Location}}}",
             "updatedAt":"2026-01-05T10:00:00.000Z",
             "canonicalLink":"https://blog.deodental.com/author/rosan-deo"}
            """));
        batch.Add(DocumentTypes.BlogCategory, BlogCategory, Location, "2026-01-05T10:00:00Z", Json($$$"""
            {"_id":"{{{BlogCategory}}}","label":"Dental care","locationId":"{{{Location}}}",
             "updatedAt":"2026-01-05T10:00:00.000Z",
             "canonicalLink":"https://blog.deodental.com/category/dental-care","urlSlug":"dental-care"}
            """));
        batch.Add(DocumentTypes.BlogPost, BlogPost, Location, "2026-01-05T10:00:00Z", Json($$$"""
            {"_id":"{{{BlogPost}}}","blogId":"{{{Blog}}}","locationId":"{{{Location}}}",
             "title":"Five habits for healthier teeth",
             "description":"Simple daily habits that keep your smile bright.",
             "imageUrl":"https://storage.googleapis.com/deo-dental/media/teeth.jpeg",
              "imageAltText":"A bright smile",
             "status":"PUBLISHED","urlSlug":"five-habits-healthier-teeth",
             "canonicalLink":"https://blog.deodental.com/post/five-habits-healthier-teeth",
              "author":"{{{BlogAuthor}}}",
             "categories":["{{{BlogCategory}}}"],"tags":["dental","habits"],"archived":false,
             "publishedAt":"2026-01-05T10:00:00.000Z","updatedAt":"2026-01-06T08:30:00.000Z"}
            """));
    }
}
