using System.Text.Json.Nodes;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>Course memberships: enrolment and progress.</summary>
internal sealed partial class Academy
{
    /// <summary>
    /// The members of a course; newest enrolment first when <paramref name="newestFirst"/> (the API's
    /// <c>sort=1</c>, as the sandbox reads it), oldest first otherwise.
    /// </summary>
    public IEnumerable<JsonObject> Enrolments(string courseId, bool newestFirst)
    {
        Course(courseId);
        var members = store.List(AcademyDocuments.Enrolment, OrgId)
            .Select(d => (d.CreatedAt, d.Id, Body: d.Parse()))
            .Where(m => JsonText.String(m.Body, "courseId") == courseId);
        var ordered = newestFirst
            ? members.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id, StringComparer.Ordinal)
            : members.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal);
        return ordered.Select(m => m.Body);
    }

    /// <summary>Enrols a learner in a course; a learner already enrolled keeps the membership they have.</summary>
    public JsonObject Enrol(JsonObject learner, string courseId, long? expiryTime)
    {
        lock (_gate)
        {
            var course = Course(courseId);
            var orgMemberId = JsonText.String(learner, "orgMemberId")!;
            return EnrolmentsOf(orgMemberId).FirstOrDefault(e => JsonText.String(e, "courseId") == courseId)
                ?? AddEnrolment(learner, course, expiryTime);
        }
    }

    /// <summary>
    /// Moves a learner's progress in a course to <paramref name="percentage"/>: lessons completed follow,
    /// 100 completes the course, and the learner counts as signed in now (and as signed up, if invited).
    /// </summary>
    public JsonObject SetProgress(string email, string courseId, int percentage)
    {
        if (percentage is < 0 or > 100)
        {
            throw AcademyError.Invalid($"A completion percentage is between 0 and 100, not {percentage}");
        }

        lock (_gate)
        {
            var learner = Learner(email);
            var enrolment = EnrolmentsOf(JsonText.String(learner, "orgMemberId")!)
                .FirstOrDefault(e => JsonText.String(e, "courseId") == courseId)
                ?? throw AcademyError.NotFound($"{email}'s enrolment in course {courseId}");
            var total = (int)(JsonText.Number(enrolment, "totalLesson") ?? 0);
            enrolment["completionPercentage"] = percentage;
            enrolment["completedLesson"] = (int)Math.Round(total * percentage / 100.0, MidpointRounding.AwayFromZero);
            enrolment["status"] = percentage == 100 ? "completed" : "active";
            enrolment["lastLogin"] = AcademyIds.Time(Now);
            Update(AcademyDocuments.Enrolment, JsonText.String(enrolment, "courseMembersId")!, enrolment);
            SignUp(learner);
            return enrolment;
        }
    }

    private IEnumerable<JsonObject> EnrolmentsOf(string orgMemberId) =>
        store.List(AcademyDocuments.Enrolment, OrgId).Select(d => d.Parse())
            .Where(e => JsonText.String(e, "orgMemberId") == orgMemberId);

    private JsonObject AddEnrolment(JsonObject learner, JsonObject course, long? expiryTime)
    {
        var id = AcademyIds.New();
        var enrolment = new JsonObject
        {
            ["courseMembersId"] = id,
            ["courseId"] = JsonText.String(course, "courseId"),
            ["orgMemberId"] = JsonText.String(learner, "orgMemberId"),
            ["email"] = JsonText.String(learner, "email"),
            ["name"] = JsonText.String(learner, "name"),
            ["enrolledTime"] = AcademyIds.Time(Now),
            ["completedLesson"] = 0,
            ["totalLesson"] = (int)(JsonText.Number(course, "totalLesson") ?? 0),
            ["completionPercentage"] = 0,
            ["status"] = "active",
        };
        if (expiryTime is { } expiry)
        {
            enrolment["expiryTime"] = AcademyIds.Time(expiry);
        }

        Save(AcademyDocuments.Enrolment, id, Now, enrolment);
        return enrolment;
    }

    private void SignUp(JsonObject learner)
    {
        if (JsonText.String(learner, "status") == "invited")
        {
            learner["status"] = "active";
            Update(AcademyDocuments.Learner, JsonText.String(learner, "id")!, learner);
        }
    }
}
