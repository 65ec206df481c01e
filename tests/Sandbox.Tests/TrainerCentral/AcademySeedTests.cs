using System.Text.Json.Nodes;
using Connector.Sandbox.Tests.Support;
using Connector.Sandbox.TrainerCentral;
using static Connector.Sandbox.Tests.TrainerCentral.TrainerCentralApi;

namespace Connector.Sandbox.Tests.TrainerCentral;

/// <summary>The seed number decides the academy, entirely; the well-known objects are there whatever it is.</summary>
public sealed class AcademySeedTests
{
    private static readonly string[] CourseIds =
        [TrainerCentralIds.Course, TrainerCentralIds.SecondCourse, TrainerCentralIds.ThirdCourse];

    [Fact]
    public async Task Same_seed_gives_the_same_academy_and_another_seed_another()
    {
        var first = await ReadAsync(seed: 30);
        var second = await ReadAsync(seed: 30);
        var other = await ReadAsync(seed: 31);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Seed_number_is_the_number_of_generated_learners_beside_the_well_known_ones()
    {
        var academy = JsonNode.Parse(await ReadAsync(seed: 12))!.AsArray();

        var learners = academy[2]!["portalMembers"]!.AsArray();
        Assert.Equal(15, learners.Count);
        var ava = Assert.Single(learners, l => Text(l, "id") == TrainerCentralIds.Learner);
        Assert.Equal(TrainerCentralIds.LearnerEmail, Text(ava, "email"));
    }

    [Fact]
    public async Task Seed_zero_holds_the_well_known_academy_the_examples_name()
    {
        var academy = JsonNode.Parse(await ReadAsync(seed: 0))!.AsArray();

        Assert.Equal(CourseIds.Order(), academy[1]!["courses"]!.AsArray().Select(c => Text(c, "courseId")).Order());
        Assert.Equal(3, academy[2]!["portalMembers"]!.AsArray().Count);
        var talks = academy[^1]!["talks"]!.AsArray();
        Assert.Equal([TrainerCentralIds.Workshop, TrainerCentralIds.SecondWorkshop],
            talks.Select(t => Text(t, "sessionId")));
        Assert.Equal(2, talks[0]!["registeredCount"]!.GetValue<int>());
        var completed = academy[4]!["courseMembers"]!.AsArray()
            .Single(m => Text(m, "courseMembersId") == TrainerCentralIds.CompletedEnrolment)!;
        Assert.Equal(100, completed["completionPercentage"]!.GetValue<int>());
    }

    // Everything a client can read of the academy, as text: portals, courses, learners, members, talks.
    private static async Task<string> ReadAsync(int seed)
    {
        var options = new SandboxOptions { Catalog = TestCatalog.Value, Seed = seed };
        await using var sandbox = await SandboxServer.StartAsync(options);
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        var token = (await sandbox.TrainerCentral.CreateTokenAsync()).AccessToken;
        var parts = new JsonArray();
        var paths = new[]
            {
                "api/v4/org/portals.json", $"api/v4/{Org}/courses.json?limit=500",
                $"api/v4/{Org}/portalMembers.json?type=5&limit=500",
            }
            .Concat(CourseIds.Select(id => $"api/v4/{Org}/course/{id}/courseMembers.json?filter=3&sort=1&limit=500"))
            .Append($"api/v4/{Org}/talks.json?filter=5&limit=500");
        foreach (var path in paths)
        {
            var (status, body) = await GetAsync(http, path, token);
            Assert.Equal(200, status);
            parts.Add(body);
        }

        return parts.ToJsonString();
    }
}
