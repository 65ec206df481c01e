using System.Text.Json.Nodes;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>The API's listings and look-ups, each answered as <c>{"name": [...]}</c> a page at a time.</summary>
internal static class AcademyReads
{
    // The only member type and course-member filter the sandbox keeps; other values list nothing.
    private const string LearnerType = "5";
    private const string EnrolledFilter = "3";
    private const string NewestFirst = "1";

    public static JsonObject Portals(AcademyRequest request) =>
        new() { ["portals"] = new JsonArray([.. request.Academy.Portals()]) };

    public static JsonObject Courses(AcademyRequest request) =>
        new() { ["courses"] = request.Page(request.Academy.Courses()) };

    public static JsonObject Learners(AcademyRequest request) => new()
    {
        ["portalMembers"] =
            request.Page(request.Query("type") is null or LearnerType ? request.Academy.Learners() : []),
    };

    public static JsonObject Enrolments(AcademyRequest request)
    {
        var members = request.Academy.Enrolments(request.Path("courseId"), request.Query("sort") == NewestFirst);
        return new JsonObject
        {
            ["courseMembers"] = request.Page(request.Query("filter") is null or EnrolledFilter ? members : []),
        };
    }

    // Filter 5 is every workshop (an admin's view), 1 the caller's own; the token's user presents them all.
    public static JsonObject Talks(AcademyRequest request) => new()
    {
        ["talks"] = request.Page(request.Query("filter") is null or "5" or "1" ? request.Academy.Workshops() : []),
    };

    /// <summary>A learner's details by email; an empty <c>userDetails</c> when no learner has it.</summary>
    public static JsonObject UserDetails(AcademyRequest request)
    {
        var email = request.Query("email") ?? throw AcademyError.Invalid("The query needs email");
        if (request.Academy.FindLearner(email) is not { } learner)
        {
            return new JsonObject { ["userDetails"] = new JsonObject() };
        }

        var details = new JsonObject
        {
            ["email"] = learner["email"]!.DeepClone(),
            ["firstName"] = learner["firstName"]!.DeepClone(),
            ["lastName"] = learner["lastName"]!.DeepClone(),
            ["orgMemberId"] = learner["orgMemberId"]!.DeepClone(),
            ["portalMemberId"] = learner["id"]!.DeepClone(),
            ["status"] = learner["status"]!.DeepClone(),
        };
        if (request.Query("fetchSignupData") == "true")
        {
            details["signupTime"] = learner["time"]!.DeepClone();
        }

        return new JsonObject { ["userDetails"] = details };
    }
}
