namespace Connector.Sandbox.TrainerCentral;

/// <summary>The OAuth scopes of the TrainerCentral API, as Zoho accounts grants them.</summary>
public static class TrainerCentralScopes
{
    public const string PortalRead = "TrainerCentral.portalapi.READ";
    public const string CourseRead = "TrainerCentral.courseapi.READ";
    public const string CourseCreate = "TrainerCentral.courseapi.CREATE";
    public const string CourseUpdate = "TrainerCentral.courseapi.UPDATE";
    public const string SectionCreate = "TrainerCentral.sectionapi.CREATE";
    public const string SessionCreate = "TrainerCentral.sessionapi.CREATE";
    public const string SessionDelete = "TrainerCentral.sessionapi.DELETE";
    public const string TalkRead = "TrainerCentral.talkapi.READ";
    public const string PresenterRead = "TrainerCentral.presenterapi.READ";
    public const string PresenterDelete = "TrainerCentral.presenterapi.DELETE";
    public const string UserRead = "TrainerCentral.userapi.READ";
    public const string UserCreate = "TrainerCentral.userapi.CREATE";

    /// <summary>Every scope: what a token gets when none are asked for.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        PortalRead, CourseRead, CourseCreate, CourseUpdate, SectionCreate, SessionCreate, SessionDelete, TalkRead,
        PresenterRead, PresenterDelete, UserRead, UserCreate,
    ];
}
