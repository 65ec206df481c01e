namespace Connector.Sandbox.Storage;

/// <summary>The names under which each kind of object is stored.</summary>
internal static class DocumentTypes
{
    public const string Company = "company";
    public const string Location = "location";
    public const string Contact = "contact";
    public const string Task = "task";
    public const string Note = "note";
    public const string User = "user";
    public const string Calendar = "calendar";
    public const string CalendarGroup = "calendarGroup";
    public const string Appointment = "appointment";
    public const string BlockSlot = "blockSlot";
    public const string AppointmentNote = "appointmentNote";
    public const string Notification = "calendarNotification";
    public const string Resource = "calendarResource";
    public const string Pipeline = "pipeline";
    public const string Opportunity = "opportunity";
    public const string Business = "business";
    public const string Conversation = "conversation";
    public const string Message = "message";
    public const string EmailMessage = "emailMessage";
    public const string Campaign = "campaign";
    public const string CampaignMember = "campaignMember";
    public const string Workflow = "workflow";
    public const string WorkflowMember = "workflowMember";
    public const string CustomField = "customField";
    public const string Association = "association";
    public const string Relation = "relation";
    public const string Blog = "blog";
    public const string BlogPost = "blogPost";
    public const string BlogAuthor = "blogAuthor";
    public const string BlogCategory = "blogCategory";
    public const string Snapshot = "snapshot";
}
