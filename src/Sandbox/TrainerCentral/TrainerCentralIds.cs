namespace Connector.Sandbox.TrainerCentral;

/// <summary>
/// The ids of the TrainerCentral objects every sandbox seeds, whatever its seed number: the ids the
/// examples of definitions/trainercentral use, so that every example works against the sandbox as
/// written. Ids are digits in strings, as TrainerCentral writes them.
/// </summary>
public static class TrainerCentralIds
{
    /// <summary>The academy's org id: what <c>/api/v4/org/portals.json</c> answers and every path holds.</summary>
    public const string OrgId = "702145118";

    /// <summary>The academy's own address, as the portal listing gives it.</summary>
    public const string AcademyUrl = "https://zylkeracademy.trainercentral.com";

    /// <summary>"Digital Marketing Essentials": 12 lessons, two learners enrolled.</summary>
    public const string Course = "2160000000000012001";

    /// <summary>"Sales Funnels 101": 8 lessons, completed by <see cref="LearnerEmail"/>.</summary>
    public const string SecondCourse = "2160000000000012002";

    /// <summary>"Email Automation Masterclass": 10 lessons, one invited learner who has not started.</summary>
    public const string ThirdCourse = "2160000000000012003";

    /// <summary>Ava Chen's portal member id: active, in <see cref="Course"/> and <see cref="SecondCourse"/>.</summary>
    public const string Learner = "2160000000000031001";

    public const string LearnerEmail = "ava.chen@zylker.com";

    /// <summary>Liam Okafor's portal member id: an active learner, early in <see cref="Course"/>.</summary>
    public const string SecondLearner = "2160000000000031002";

    public const string SecondLearnerEmail = "liam.okafor@zylker.com";

    /// <summary>Priya Patel's portal member id: invited, in <see cref="ThirdCourse"/>, never signed in.</summary>
    public const string InvitedLearner = "2160000000000031003";

    public const string InvitedLearnerEmail = "priya.patel@zylker.com";

    /// <summary>Ava Chen's membership of <see cref="Course"/> (42 %).</summary>
    public const string Enrolment = "2160000000000041001";

    /// <summary>Ava Chen's membership of <see cref="SecondCourse"/> (completed).</summary>
    public const string CompletedEnrolment = "2160000000000041002";

    /// <summary>
    /// Session id of "Live Q&amp;A: Campaign Teardown", a workshop of <see cref="Course"/> with two registrations.
    /// </summary>
    public const string Workshop = "2160000000000051001";

    /// <summary>Session id of "Funnel Clinic", a workshop of its own with no registrations.</summary>
    public const string SecondWorkshop = "2160000000000051002";
}
