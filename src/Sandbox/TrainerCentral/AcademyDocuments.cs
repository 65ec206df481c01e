namespace Connector.Sandbox.TrainerCentral;

/// <summary>
/// The names TrainerCentral objects are stored under, beside GHL's. Each document's location column holds
/// the org id of its academy.
/// </summary>
internal static class AcademyDocuments
{
    public const string Portal = "tcPortal";
    public const string Course = "tcCourse";
    public const string Learner = "tcLearner";
    public const string Enrolment = "tcCourseMember";
    public const string Workshop = "tcTalk";
    public const string Lesson = "tcLesson";
    public const string Registration = "tcRegistration";
}
