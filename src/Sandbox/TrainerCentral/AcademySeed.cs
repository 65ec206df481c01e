using System.Text.Json.Nodes;
using Connector.Sandbox.Seeding;
using static Connector.Sandbox.TrainerCentral.TrainerCentralIds;

namespace Connector.Sandbox.TrainerCentral;

/// <summary>
/// The academy every sandbox starts with: the objects under <see cref="TrainerCentralIds"/>, then
/// <c>seed</c> generated learners enrolled in the courses with some progress, and a workshop for every
/// 15 of them. One generator seeded with the number drives it all (no clock), so the same number always
/// gives the same academy.
/// </summary>
internal sealed class AcademySeed(int seed, SeedBatch batch)
{
    private static readonly long First = SeedBatch.Ms("2025-06-01T08:00:00Z");
    private static readonly long Last = SeedBatch.Ms("2026-01-04T20:00:00Z");
    private static readonly long Day = (long)TimeSpan.FromDays(1).TotalMilliseconds;
    private static readonly string[] Zones = ["America/New_York", "Europe/London", "Asia/Kolkata"];

    private static readonly SeedCourse[] Courses =
    [
        new(Course, "Digital Marketing Essentials", "Plan, launch and measure campaigns", 12,
            "2025-03-01T09:00:00Z", "2025-11-02T14:30:00Z"),
        new(SecondCourse, "Sales Funnels 101", "From first click to first sale", 8,
            "2025-05-10T09:00:00Z", "2025-05-10T09:00:00Z"),
        new(ThirdCourse, "Email Automation Masterclass", "Sequences that sell while you sleep", 10,
            "2025-09-15T09:00:00Z", "2025-09-15T09:00:00Z"),
    ];

    private readonly Random _random = new(seed);
    private readonly List<JsonObject> _generated = [];

    public void Add()
    {
        AddPortal();
        foreach (var course in Courses)
        {
            AddCourse(course);
        }

        AddWellKnownLearners();
        AddWellKnownWorkshops();
        for (var i = 0; i < seed; i++)
        {
            AddGeneratedLearner(i);
        }

        for (var i = 0; i < seed / 15; i++)
        {
            AddGeneratedWorkshop(i);
        }
    }

    private void AddPortal() =>
        batch.Add(AcademyDocuments.Portal, OrgId, OrgId, "2025-01-06T09:00:00Z", new JsonObject
        {
            ["id"] = OrgId,
            ["portalName"] = "Zylker Academy",
            ["url"] = AcademyUrl,
            ["isDefault"] = "true",
        });

    private void AddCourse(SeedCourse course)
    {
        var (created, updated) = (SeedBatch.Ms(course.Created), SeedBatch.Ms(course.Updated));
        batch.Add(AcademyDocuments.Course, course.Id, OrgId, created, updated, new JsonObject
        {
            ["courseId"] = course.Id,
            ["courseName"] = course.Name,
            ["subTitle"] = course.SubTitle,
            ["courseURL"] = $"{AcademyUrl}/course/{course.Name.ToLowerInvariant().Replace(' ', '-')}",
            ["totalLesson"] = course.Lessons,
            ["createdTime"] = AcademyIds.Time(created),
            ["lastUpdatedTime"] = AcademyIds.Time(updated),
        });
    }

    private void AddWellKnownLearners()
    {
        var ava = AddLearner(
            new SeedPerson(Learner, "2160000000000030001", "Ava", "Chen", LearnerEmail, "active"),
            SeedBatch.Ms("2025-06-02T10:15:00Z"));
        var liam = AddLearner(
            new SeedPerson(SecondLearner, "2160000000000030002", "Liam", "Okafor", SecondLearnerEmail, "active"),
            SeedBatch.Ms("2025-07-14T16:40:00Z"));
        var priya = AddLearner(
            new SeedPerson(InvitedLearner, "2160000000000030003", "Priya", "Patel", InvitedLearnerEmail, "invited"),
            SeedBatch.Ms("2025-11-20T11:00:00Z"));
        AddEnrolment(Enrolment, ava, Courses[0], "2025-06-03T08:00:00Z", 5, "2025-12-01T18:20:00Z");
        AddEnrolment(CompletedEnrolment, ava, Courses[1], "2025-09-01T10:00:00Z", 8, "2025-10-06T07:45:00Z");
        AddEnrolment("2160000000000041003", liam, Courses[0], "2025-07-15T09:05:00Z", 1, "2025-08-20T19:00:00Z");
        AddEnrolment("2160000000000041004", priya, Courses[2], "2025-11-20T11:01:00Z", 0, null);
    }

    private void AddWellKnownWorkshops()
    {
        var teardown = NewWorkshop(Workshop, "2160000000000052001", "Live Q&A: Campaign Teardown", Course,
            SeedBatch.Ms("2027-01-14T16:00:00Z"), 60, "America/New_York", SeedBatch.Ms("2026-11-20T12:00:00Z"));
        Register(teardown, "2160000000000030001", LearnerEmail, SeedBatch.Ms("2026-11-21T08:00:00Z"));
        Register(teardown, "2160000000000030002", SecondLearnerEmail, SeedBatch.Ms("2026-11-22T08:00:00Z"));
        AddWorkshop(teardown);
        AddWorkshop(NewWorkshop(SecondWorkshop, "2160000000000052002", "Funnel Clinic", null,
            SeedBatch.Ms("2027-01-21T15:00:00Z"), 90, "Europe/London", SeedBatch.Ms("2026-11-25T09:30:00Z")));
    }

    private void AddGeneratedLearner(int index)
    {
        var (first, last) = (Pick(SeedNames.FirstNames), Pick(SeedNames.LastNames));
        var email = $"{first}.{last}.{index}@learners.zylker.com".ToLowerInvariant()
            .Replace("ü", "ue", StringComparison.Ordinal);
        var joined = First + _random.NextInt64(Last - First);
        var invited = _random.Next(5) == 0;
        var person = new SeedPerson(AcademyIds.New(_random), AcademyIds.New(_random), first, last, email,
            invited ? "invited" : "active");
        var learner = AddLearner(person, joined);
        _generated.Add(learner);
        foreach (var course in Courses.Where((_, i) => i == index % Courses.Length || _random.Next(3) == 0))
        {
            var enrolled = joined + _random.NextInt64(10 * Day);
            var done = invited ? 0 : _random.Next(5) == 0 ? course.Lessons : _random.Next(course.Lessons);
            long? login = invited ? null : Math.Min(Last, enrolled + _random.NextInt64(60 * Day));
            AddEnrolment(AcademyIds.New(_random), learner, course, enrolled, done, login);
        }
    }

    private void AddGeneratedWorkshop(int index)
    {
        var start = SeedBatch.Ms("2027-02-01T15:00:00Z") + (_random.Next(150) * Day);
        var courseId = _random.Next(2) == 0 ? Pick(Courses).Id : null;
        var created = SeedBatch.Ms("2026-11-01T09:00:00Z") + (index * Day);
        var workshop = NewWorkshop(AcademyIds.New(_random), AcademyIds.New(_random), $"Office Hours #{index + 1}",
            courseId, start, _random.Next(2) == 0 ? 60 : 90, Pick(Zones), created);
        foreach (var learner in _generated.Where(_ => _random.Next(10) == 0).Take(5))
        {
            var (member, email) = (JsonText.String(learner, "orgMemberId")!, JsonText.String(learner, "email")!);
            Register(workshop, member, email, created + Day);
        }

        AddWorkshop(workshop);
    }

    private JsonObject AddLearner(SeedPerson person, long joined) =>
        batch.Add(AcademyDocuments.Learner, person.Id, OrgId, joined, joined, new JsonObject
        {
            ["id"] = person.Id,
            ["orgMemberId"] = person.OrgMemberId,
            ["email"] = person.Email,
            ["name"] = $"{person.FirstName} {person.LastName}",
            ["firstName"] = person.FirstName,
            ["lastName"] = person.LastName,
            ["status"] = person.Status,
            ["time"] = AcademyIds.Time(joined),
        });

    private void AddEnrolment(
        string id,
        JsonObject learner,
        SeedCourse course,
        string enrolled,
        int done,
        string? login) =>
        AddEnrolment(id, learner, course, SeedBatch.Ms(enrolled), done, login is null ? null : SeedBatch.Ms(login));

    private void AddEnrolment(string id, JsonObject learner, SeedCourse course, long enrolled, int done, long? login)
    {
        var percentage = (int)Math.Round(done * 100.0 / course.Lessons, MidpointRounding.AwayFromZero);
        var enrolment = new JsonObject
        {
            ["courseMembersId"] = id,
            ["courseId"] = course.Id,
            ["orgMemberId"] = learner["orgMemberId"]!.DeepClone(),
            ["email"] = learner["email"]!.DeepClone(),
            ["name"] = learner["name"]!.DeepClone(),
            ["enrolledTime"] = AcademyIds.Time(enrolled),
        };
        if (login is { } at)
        {
            enrolment["lastLogin"] = AcademyIds.Time(at);
        }

        enrolment["completedLesson"] = done;
        enrolment["totalLesson"] = course.Lessons;
        enrolment["completionPercentage"] = percentage;
        enrolment["status"] = percentage == 100 ? "completed" : "active";
        batch.Add(AcademyDocuments.Enrolment, id, OrgId, enrolled, login ?? enrolled, enrolment);
    }

    private static JsonObject NewWorkshop(
        string sessionId,
        string talkId,
        string name,
        string? courseId,
        long start,
        int minutes,
        string timezone,
        long created)
    {
        var workshop = new JsonObject { ["id"] = talkId, ["sessionId"] = sessionId, ["name"] = name };
        if (courseId is not null)
        {
            workshop["courseId"] = courseId;
        }

        workshop["scheduledTime"] = AcademyIds.Time(start);
        workshop["scheduledEndTime"] = AcademyIds.Time(start + (minutes * 60_000L));
        workshop["timezone"] = timezone;
        workshop["joinURL"] = $"{AcademyUrl}/meeting/{sessionId}";
        workshop["registeredCount"] = 0;
        workshop["attendedCount"] = 0;
        workshop["createdTime"] = AcademyIds.Time(created);
        return workshop;
    }

    private void AddWorkshop(JsonObject workshop)
    {
        var created = AcademyIds.ParseTime(JsonText.String(workshop, "createdTime"))!.Value;
        var sessionId = JsonText.String(workshop, "sessionId")!;
        batch.Add(AcademyDocuments.Workshop, sessionId, OrgId, created, created, workshop);
    }

    // Before the workshop is added: a document is written when added, and the count must be in it.
    private void Register(JsonObject workshop, string orgMemberId, string email, long at)
    {
        var sessionId = JsonText.String(workshop, "sessionId")!;
        batch.Add(AcademyDocuments.Registration, $"{sessionId}:{orgMemberId}", OrgId, at, at, new JsonObject
        {
            ["sessionId"] = sessionId,
            ["orgMemberId"] = orgMemberId,
            ["email"] = email,
            ["registeredTime"] = AcademyIds.Time(at),
        });
        workshop["registeredCount"] = (int)(JsonText.Number(workshop, "registeredCount") ?? 0) + 1;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private sealed record SeedCourse(
        string Id,
        string Name,
        string SubTitle,
        int Lessons,
        string Created,
        string Updated);

    private sealed record SeedPerson(
        string Id,
        string OrgMemberId,
        string FirstName,
        string LastName,
        string Email,
        string Status);
}
