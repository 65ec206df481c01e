using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Sandbox.TrainerCentral;
using static Connector.Sandbox.Tests.TrainerCentral.TrainerCentralApi;
using static Connector.Sandbox.TrainerCentral.TrainerCentralIds;

namespace Connector.Sandbox.Tests.TrainerCentral;

/// <summary>Changes a test or a demo makes to the academy between two polls, seen through the API.</summary>
public sealed class HostingApiTests(TrainerCentralFixture sandbox)
    : IClassFixture<TrainerCentralFixture>, IAsyncLifetime
{
    private const string Members = $"api/v4/{Org}/course/{Course}/courseMembers.json?filter=3&sort=1";
    private const string Learners = $"api/v4/{Org}/portalMembers.json?type=5";

    private TrainerCentralSandbox TrainerCentral => sandbox.Server.TrainerCentral;

    public Task InitializeAsync() => sandbox.Server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AdvanceProgressAsync_to_100_completes_the_course_for_the_learner()
    {
        sandbox.Time.Advance(TimeSpan.FromMinutes(5));

        await TrainerCentral.AdvanceProgressAsync(LearnerEmail, Course, 100);

        var member = await MemberAsync(Enrolment);
        Assert.Equal(100, member["completionPercentage"]!.GetValue<int>());
        Assert.Equal(12, member["completedLesson"]!.GetValue<int>());
        Assert.Equal("completed", Text(member, "status"));
        var now = sandbox.Time.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(now.ToString(CultureInfo.InvariantCulture), Text(member, "lastLogin"));
    }

    [Fact]
    public async Task AdvanceProgressAsync_of_an_invited_learner_makes_them_active()
    {
        await TrainerCentral.AdvanceProgressAsync(InvitedLearnerEmail, ThirdCourse, 30);

        var lookup = $"api/v4/{Org}/fetchuserdetails.json?email={InvitedLearnerEmail}";
        var (_, details) = await GetAsync(sandbox.Http, lookup, sandbox.Token);
        Assert.Equal("active", Text(details!["userDetails"], "status"));
    }

    [Fact]
    public async Task AdvanceProgressAsync_refuses_what_is_not_there_or_not_a_percentage()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => TrainerCentral.AdvanceProgressAsync("nobody@zylker.com", Course, 10));
        await Assert.ThrowsAsync<ArgumentException>(
            () => TrainerCentral.AdvanceProgressAsync(InvitedLearnerEmail, Course, 10));
        await Assert.ThrowsAsync<ArgumentException>(
            () => TrainerCentral.AdvanceProgressAsync(LearnerEmail, Course, 101));
    }

    [Fact]
    public async Task AddLearnerAsync_and_EnrolAsync_show_at_the_head_of_the_listings()
    {
        var learner = await TrainerCentral.AddLearnerAsync("noah.kim@zylker.com", "Noah", "Kim");
        var membership = await TrainerCentral.EnrolAsync("noah.kim@zylker.com", Course);

        var (_, learners) = await GetAsync(sandbox.Http, Learners + "&limit=1", sandbox.Token);
        var (_, members) = await GetAsync(sandbox.Http, Members + "&limit=1", sandbox.Token);
        Assert.Equal(learner.Id, Text(learners!["portalMembers"]![0], "id"));
        Assert.Equal("active", learner.Status);
        Assert.Equal(membership, Text(members!["courseMembers"]![0], "courseMembersId"));
        await Assert.ThrowsAsync<ArgumentException>(
            () => TrainerCentral.AddLearnerAsync("noah.kim@zylker.com", "N", "K"));
    }

    [Fact]
    public async Task ChangeLearnerAsync_renames_the_learner_and_their_course_memberships()
    {
        await TrainerCentral.ChangeLearnerAsync(LearnerEmail, lastName: "Chen-Park");

        var pages = await ReadPagesAsync(sandbox.Http, Learners, "portalMembers", sandbox.Token, 50);
        var learner = pages.SelectMany(p => p).Single(l => Text(l, "id") == Learner);
        Assert.Equal("Ava Chen-Park", Text(learner, "name"));
        Assert.Equal("Ava Chen-Park", Text(await MemberAsync(Enrolment), "name"));
    }

    [Fact]
    public async Task RescheduleWorkshopAsync_moves_the_workshop_and_CancelWorkshopAsync_removes_it()
    {
        var start = new DateTimeOffset(2027, 1, 15, 16, 0, 0, TimeSpan.Zero);

        await TrainerCentral.RescheduleWorkshopAsync(Workshop, start, start.AddHours(2));
        var moved = await TalkAsync(Workshop);
        await TrainerCentral.CancelWorkshopAsync(Workshop);

        var expected = start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(expected, Text(moved, "scheduledTime"));
        Assert.Null(await TalkAsync(Workshop));
        await Assert.ThrowsAsync<ArgumentException>(() => TrainerCentral.CancelWorkshopAsync(Workshop));
    }

    [Fact]
    public async Task ScheduleWorkshopAsync_adds_a_workshop_that_registrations_can_name()
    {
        var start = new DateTimeOffset(2027, 3, 1, 15, 0, 0, TimeSpan.Zero);

        var sessionId = await TrainerCentral.ScheduleWorkshopAsync(
            "Ask Me Anything", start, start.AddHours(1), "Europe/London");
        var (status, _) = await PostAsync(sandbox.Http, $"api/v4/{Org}/addCourseAttendee.json", sandbox.Token,
            Attendee(LearnerEmail, sessionId: sessionId));

        Assert.Equal(200, status);
        Assert.Equal(1, (await TalkAsync(sessionId))!["registeredCount"]!.GetValue<int>());
        Assert.Equal([LearnerEmail], await TrainerCentral.WorkshopRegistrantsAsync(sessionId));
    }

    private async Task<JsonNode> MemberAsync(string courseMembersId)
    {
        var pages = await ReadPagesAsync(sandbox.Http, Members, "courseMembers", sandbox.Token, 50);
        return pages.SelectMany(p => p).Single(m => Text(m, "courseMembersId") == courseMembersId);
    }

    private async Task<JsonNode?> TalkAsync(string sessionId)
    {
        var pages = await ReadPagesAsync(sandbox.Http, $"api/v4/{Org}/talks.json?filter=5", "talks", sandbox.Token, 20);
        return pages.SelectMany(p => p).FirstOrDefault(t => Text(t, "sessionId") == sessionId);
    }
}
