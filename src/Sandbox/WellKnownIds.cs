namespace Connector.Sandbox;

/// <summary>
/// The ids of the objects every sandbox seeds, whatever its seed number: the ids the operation
/// definitions' examples use (docs/authoring.md, "Example ids"), so that every example works as written.
/// </summary>
public static class WellKnownIds
{
    public const string Location = "ve9EPM428h8vShlRW1KT";
    public const string Company = "5DP4iH6HLkQsiKESj6rh";
    public const string Contact = "seD4PfOuKoVMLkEZqohJ";
    public const string SecondContact = "seD4PfOuKoVMLkEZqoh2";
    public const string ContactTask = "tAsK00000000000000a1";
    public const string ContactNote = "nOtE00000000000000a1";
    public const string User = "uSeR00000000000000a1";
    public const string Calendar = "cAlE00000000000000a1";
    public const string CalendarGroup = "gRoU00000000000000a1";
    public const string Appointment = "eVeN00000000000000a1";
    public const string AppointmentNote = "aNoT00000000000000a1";
    public const string BlockSlot = "bLoC00000000000000a1";
    public const string CalendarNotification = "nOtI00000000000000a1";
    public const string CalendarResource = "rEsO00000000000000a1";
    public const string Pipeline = "pIpE00000000000000a1";
    public const string PipelineStage = "sTaG00000000000000a1";
    public const string Opportunity = "oPpO00000000000000a1";
    public const string Business = "bUsI00000000000000a1";
    public const string Conversation = "cOnV00000000000000a1";
    public const string Message = "mEsS00000000000000a1";
    public const string EmailMessage = "eMaI00000000000000a1";
    public const string Campaign = "cAmP00000000000000a1";
    public const string Workflow = "78559bb3-b920-461e-b010-7b2a2816d2a9";
    public const string CustomField = "cUsT00000000000000a1";
    public const string Association = "aSsO00000000000000a1";
    public const string Relation = "rElA00000000000000a1";
    public const string Blog = "bLoG00000000000000a1";
    public const string BlogPost = "pOsT00000000000000a1";
    public const string BlogAuthor = "aUtH00000000000000a1";
    public const string BlogCategory = "cAtE00000000000000a1";
    public const string Snapshot = "sNaP00000000000000a1";
}
