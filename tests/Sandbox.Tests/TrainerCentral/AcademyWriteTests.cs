using System.Text.Json.Nodes;
using Connector.Sandbox.TrainerCentral;
using static Connector.Sandbox.Tests.TrainerCentral.TrainerCentralApi;

namespace Connector.Sandbox.Tests.TrainerCentral;

/// <summary>The API's writes, and the listings that show them at once.</summary>
public sealed class AcademyWriteTests(TrainerCentralFixture sandbox)
    : IClassFixture<TrainerCentralFixture>, IAsyncLifetime
{
    private const string Invite = $"api/v4/{Org}/addCourseAttendee.json";
    private const string Learners = $"api/v4/{Org}/portalMembers.json?type=5&limit=5";
    private const string NewEmail = "rosan@deos.com";
    private const string Sessions = $"api/v4/{Org}/sessions";

    public Task InitializeAsync() => sandbox.Server.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Invitation_to_the_academy_adds_an_invited_learner_at_the_head_of_the_listing()
    {
        var (status, body) = await PostAsync(sandbox.Http, Invite, sandbox.Token, Attendee(NewEmail));

        Assert.Equal(200, status);
        var (_, listing) = await GetAsync(sandbox.Http, Learners, sandbox.Token);
        var newest = listing!["portalMembers"]![0]!;
        Assert.Equal(NewEmail, Text(newest, "email"));
        Assert.Equal("Rosan Deo", Text(newest, "name"));
        Assert.Equal("invited", Text(newest, "status"));
        Assert.Equal(Text(body!["courseAttendee"], "portalMemberId"), Text(newest, "id"));
    }

    [Fact]
    public async Task Inviting_a_learner_twice_keeps_one_learner()
    {
        await PostAsync(sandbox.Http, Invite, sandbox.Token, Attendee(NewEmail));
        await PostAsync(sandbox.Http, Invite, sandbox.Token, Attendee(NewEmail.ToUpperInvariant()));

        var all = await ReadPagesAsync(sandbox.Http, Learners, "portalMembers", sandbox.Token, 50);

        Assert.Single(all.SelectMany(p => p), l => Text(l, "email") == NewEmail);
    }

    [Fact]
    public async Task Invitation_to_a_course_adds_a_member_at_the_head_of_the_course_listing()
    {
        var (status, body) = await PostAsync(sandbox.Http, Invite, sandbox.Token,
            Attendee(NewEmail, courseId: TrainerCentralIds.Course));

        Assert.Equal(200, status);
        var members = $"api/v4/{Org}/course/{TrainerCentralIds.Course}/courseMembers.json?filter=3&sort=1&limit=1";
        var (_, listing) = await GetAsync(sandbox.Http, members, sandbox.Token);
        var member = listing!["courseMembers"]![0]!;
        Assert.Equal(Text(body!["courseAttendee"], "courseMembersId"), Text(member, "courseMembersId"));
        Assert.Equal(NewEmail, Text(member, "email"));
        Assert.Equal(0, member["completionPercentage"]!.GetValue<int>());
        Assert.Equal(12, member["totalLesson"]!.GetValue<int>());
        Assert.Null(member["lastLogin"]);
    }

    [Fact]
    public async Task Invitation_to_an_unknown_course_is_a_404_and_invites_nobody()
    {
        var attendee = Attendee(NewEmail, courseId: "2160000000000099999");

        var (status, _) = await PostAsync(sandbox.Http, Invite, sandbox.Token, attendee);

        var lookup = $"api/v4/{Org}/fetchuserdetails.json?email={NewEmail}";
        var (_, details) = await GetAsync(sandbox.Http, lookup, sandbox.Token);
        Assert.Equal(404, status);
        Assert.Empty(details!["userDetails"]!.AsObject());
    }

    [Fact]
    public async Task Registration_for_a_workshop_counts_once_and_remembers_who_registered()
    {
        var attendee = Attendee(NewEmail, sessionId: TrainerCentralIds.Workshop);

        var (_, first) = await PostAsync(sandbox.Http, Invite, sandbox.Token, attendee);
        var (_, second) = await PostAsync(sandbox.Http, Invite, sandbox.Token, attendee);

        Assert.Equal(3, first!["courseAttendee"]!["registeredCount"]!.GetValue<int>());
        Assert.Equal(3, second!["courseAttendee"]!["registeredCount"]!.GetValue<int>());
        var talk = await TalkAsync(TrainerCentralIds.Workshop);
        Assert.Equal(3, talk!["registeredCount"]!.GetValue<int>());
        var registrants = await sandbox.Server.TrainerCentral.WorkshopRegistrantsAsync(TrainerCentralIds.Workshop);
        Assert.Equal([TrainerCentralIds.LearnerEmail, TrainerCentralIds.SecondLearnerEmail, NewEmail], registrants);
    }

    [Fact]
    public async Task A_created_workshop_is_listed_and_a_deleted_one_is_gone()
    {
        var session = new JsonObject
        {
            ["session"] = new JsonObject
            {
                ["name"] = "Spring Launch Workshop",
                ["deliveryMode"] = 3,
                ["scheduledTime"] = "1801756800000",
                ["scheduledEndTime"] = 1801760400000,
                ["timezone"] = "America/New_York",
            },
        };

        var (created, body) = await PostAsync(sandbox.Http, $"{Sessions}.json", sandbox.Token, session);
        var sessionId = Text(body!["session"], "sessionId");
        var listed = await TalkAsync(sessionId);
        var delete = $"{Sessions}/{sessionId}.json";
        var (deleted, _) = await SendAsync(sandbox.Http, HttpMethod.Delete, delete, sandbox.Token);
        var (again, _) = await SendAsync(sandbox.Http, HttpMethod.Delete, delete, sandbox.Token);

        Assert.Equal(200, created);
        Assert.Equal("1801760400000", Text(listed, "scheduledEndTime"));
        Assert.Equal(0, listed!["registeredCount"]!.GetValue<int>());
        Assert.Equal(200, deleted);
        Assert.Null(await TalkAsync(sessionId));
        Assert.Equal(404, again);
    }

    [Theory]
    [InlineData(
        """{"session":{"name":"x","deliveryMode":3,"scheduledTime":9,"scheduledEndTime":1,"timezone":"UTC"}}""")]
    [InlineData("""{"session":{"name":"x","deliveryMode":3,"scheduledTime":1,"scheduledEndTime":2,"timezone":"X"}}""")]
    [InlineData("""{"session":{"name":"x","deliveryMode":7}}""")]
    [InlineData("""{"session":{"deliveryMode":3}}""")]
    [InlineData("""{"name":"x"}""")]
    public async Task A_session_that_cannot_be_scheduled_is_refused_with_400(string json)
    {
        var (status, body) = await PostAsync(sandbox.Http, $"{Sessions}.json", sandbox.Token, JsonNode.Parse(json)!);

        Assert.Equal(400, status);
        Assert.False(string.IsNullOrEmpty(body!["error"]!["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_invitation_without_an_email_is_refused_with_400()
    {
        var (status, _) = await PostAsync(sandbox.Http, Invite, sandbox.Token,
            new JsonObject { ["courseAttendee"] = new JsonObject { ["firstName"] = "Rosan" } });

        Assert.Equal(400, status);
    }

    private async Task<JsonNode?> TalkAsync(string sessionId)
    {
        var pages = await ReadPagesAsync(sandbox.Http, $"api/v4/{Org}/talks.json?filter=5", "talks", sandbox.Token, 20);
        return pages.SelectMany(p => p).FirstOrDefault(t => Text(t, "sessionId") == sessionId);
    }
}
