using System.Globalization;
using Connector.Sandbox.TrainerCentral;
using static Connector.Sandbox.Tests.TrainerCentral.TrainerCentralApi;

namespace Connector.Sandbox.Tests.TrainerCentral;

/// <summary>Offset paging with limit and si: every item once, and the end is the first short page.</summary>
public sealed class AcademyPagingTests(TrainerCentralFixture sandbox) : IClassFixture<TrainerCentralFixture>
{
    private const string Learners = $"api/v4/{Org}/portalMembers.json?type=5";
    private const int WellKnownLearners = 3;

    [Fact]
    public async Task Learners_are_read_a_page_at_a_time_until_a_short_page()
    {
        var pages = await ReadPagesAsync(sandbox.Http, Learners, "portalMembers", sandbox.Token, limit: 10);

        var total = TrainerCentralFixture.Generated + WellKnownLearners;
        Assert.Equal([10, 10, 10, 10, total - 40], pages.Select(p => p.Count));
        Assert.Equal(total, pages.SelectMany(p => p).Select(l => Text(l, "id")).Distinct().Count());
    }

    [Fact]
    public async Task Learners_come_newest_first()
    {
        var pages = await ReadPagesAsync(sandbox.Http, Learners, "portalMembers", sandbox.Token, limit: 50);

        var times = pages.SelectMany(p => p).Select(l => Millis(l, "time")).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task A_listing_that_fills_its_last_page_exactly_ends_with_an_empty_page()
    {
        var (_, all) = await GetAsync(sandbox.Http, $"api/v4/{Org}/courses.json?limit=100", sandbox.Token);
        var count = all!["courses"]!.AsArray().Count;

        var pages = await ReadPagesAsync(sandbox.Http, $"api/v4/{Org}/courses.json", "courses", sandbox.Token, count);

        Assert.Equal([count, 0], pages.Select(p => p.Count));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=ten")]
    [InlineData("si=-1")]
    public async Task A_paging_parameter_that_is_not_a_count_is_refused_with_400(string parameter)
    {
        var (status, body) = await GetAsync(sandbox.Http, $"{Learners}&{parameter}", sandbox.Token);

        Assert.Equal(400, status);
        Assert.Equal("INVALID_INPUT", body!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Course_members_sorted_with_1_come_newest_enrolment_first()
    {
        var path = $"api/v4/{Org}/course/{TrainerCentralIds.Course}/courseMembers.json?filter=3&sort=1";

        var pages = await ReadPagesAsync(sandbox.Http, path, "courseMembers", sandbox.Token, limit: 7);

        var enrolled = pages.SelectMany(p => p).Select(m => Millis(m, "enrolledTime")).ToList();
        Assert.True(enrolled.Count > 7, "the seed should give the course more than one page of members");
        Assert.Equal(enrolled.OrderDescending(), enrolled);
    }

    private static long Millis(System.Text.Json.Nodes.JsonNode item, string name) =>
        long.Parse(Text(item, name), CultureInfo.InvariantCulture);
}
