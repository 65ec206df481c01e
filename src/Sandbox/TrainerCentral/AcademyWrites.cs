using System.Text.Json.Nodes;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>
/// The API's writes: invitations (to the academy, a course or a workshop), sessions created and deleted.
/// </summary>
internal static class AcademyWrites
{
    private const int LiveWorkshop = 3;
    private const int OnDemandLesson = 4;

    /// <summary>
    /// <c>addCourseAttendee.json</c>: invites to the academy, and with courseId enrols in a course, or with
    /// sessionId (public code only) registers for a workshop. What is named is checked before anyone is invited.
    /// </summary>
    public static JsonObject AddCourseAttendee(AcademyRequest request)
    {
        var attendee = request.Object("courseAttendee");
        var email = AcademyRequest.Text(attendee, "email")
            ?? throw AcademyError.Invalid("courseAttendee.email is required");
        var courseId = AcademyRequest.Text(attendee, "courseId");
        var sessionId = AcademyRequest.Text(attendee, "sessionId");
        if (courseId is not null && sessionId is not null)
        {
            throw AcademyError.Invalid("Send courseId or sessionId, not both");
        }

        var academy = request.Academy;
        _ = courseId is null ? null : academy.Course(courseId);
        _ = sessionId is null ? null : academy.Workshop(sessionId);
        var expiry = AcademyRequest.Whole(attendee, "expiryTime");
        var learner = academy.Invite(
            email, AcademyRequest.Text(attendee, "firstName"), AcademyRequest.Text(attendee, "lastName"));
        var answer = DescribeLearner(learner);
        if (courseId is not null)
        {
            var enrolment = academy.Enrol(learner, courseId, expiry);
            answer["courseId"] = courseId;
            answer["courseMembersId"] = enrolment["courseMembersId"]!.DeepClone();
            answer["expiryTime"] = enrolment["expiryTime"]?.DeepClone();
        }
        else if (sessionId is not null)
        {
            var workshop = academy.Register(learner, sessionId);
            answer["sessionId"] = sessionId;
            answer["registeredCount"] = workshop["registeredCount"]!.DeepClone();
        }

        return new JsonObject { ["courseAttendee"] = Compact(answer) };
    }

    /// <summary><c>sessions.json</c>: a live workshop (delivery mode 3) or a course's on-demand lesson (4).</summary>
    public static JsonObject CreateSession(AcademyRequest request)
    {
        var session = request.Object("session");
        var name = AcademyRequest.Text(session, "name") ?? throw AcademyError.Invalid("session.name is required");
        var courseId = AcademyRequest.Text(session, "courseId");
        var created = AcademyRequest.Whole(session, "deliveryMode") switch
        {
            LiveWorkshop => DescribeWorkshop(Schedule(request.Academy, session, name, courseId)),
            OnDemandLesson => request.Academy.AddLesson(name, courseId
                ?? throw AcademyError.Invalid("An on-demand lesson (deliveryMode 4) needs courseId")),
            _ => throw AcademyError.Invalid("session.deliveryMode must be 3 (live) or 4 (on-demand)"),
        };
        return new JsonObject { ["session"] = created };
    }

    /// <summary><c>sessions/{sessionId}.json</c>: deletes a workshop or a lesson.</summary>
    public static JsonObject DeleteSession(AcademyRequest request)
    {
        var sessionId = request.Path("sessionId");
        request.Academy.DeleteSession(sessionId);
        var deleted = new JsonObject { ["sessionId"] = sessionId, ["deleted"] = true };
        return new JsonObject { ["session"] = deleted };
    }

    private static JsonObject Schedule(Academy academy, JsonObject session, string name, string? courseId)
    {
        var start = AcademyRequest.Whole(session, "scheduledTime")
            ?? throw AcademyError.Invalid("session.scheduledTime is required for a live workshop");
        var end = AcademyRequest.Whole(session, "scheduledEndTime")
            ?? throw AcademyError.Invalid("session.scheduledEndTime is required for a live workshop");
        var timezone = AcademyRequest.Text(session, "timezone")
            ?? throw AcademyError.Invalid("session.timezone is required for a live workshop");
        return academy.Schedule(name, courseId, start, end, timezone);
    }

    private static JsonObject DescribeWorkshop(JsonObject workshop) => Compact(new JsonObject
    {
        ["sessionId"] = workshop["sessionId"]!.DeepClone(),
        ["talkId"] = workshop["id"]!.DeepClone(),
        ["name"] = workshop["name"]!.DeepClone(),
        ["courseId"] = workshop["courseId"]?.DeepClone(),
        ["deliveryMode"] = LiveWorkshop,
        ["scheduledTime"] = workshop["scheduledTime"]!.DeepClone(),
        ["scheduledEndTime"] = workshop["scheduledEndTime"]!.DeepClone(),
        ["timezone"] = workshop["timezone"]!.DeepClone(),
        ["joinURL"] = workshop["joinURL"]!.DeepClone(),
        ["createdTime"] = workshop["createdTime"]!.DeepClone(),
    });

    private static JsonObject DescribeLearner(JsonObject learner) => new()
    {
        ["email"] = learner["email"]!.DeepClone(),
        ["firstName"] = learner["firstName"]!.DeepClone(),
        ["lastName"] = learner["lastName"]!.DeepClone(),
        ["orgMemberId"] = learner["orgMemberId"]!.DeepClone(),
        ["portalMemberId"] = learner["id"]!.DeepClone(),
        ["status"] = learner["status"]!.DeepClone(),
    };

    // Fields without a value are left out rather than sent as null, as the API does with lastLogin.
    private static JsonObject Compact(JsonObject body)
    {
        foreach (var name in body.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            body.Remove(name);
        }

        return body;
    }
}
