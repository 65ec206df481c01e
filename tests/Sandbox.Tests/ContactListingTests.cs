using System.Text.Json.Nodes;
using Connector.Sandbox.Tests.Support;

namespace Connector.Sandbox.Tests;

/// <summary>The paging of both contact listings, as clients of the vendor's API must follow it.</summary>
public sealed class ContactListingTests(SeededSandboxFixture sandbox) : IClassFixture<SeededSandboxFixture>
{
    private const int Total = SeededSandboxFixture.Generated + 2;
    private const string List = $"contacts/?locationId={WellKnownIds.Location}&limit=10";

    private HttpClient Http => sandbox.Http;

    private string Token => sandbox.LocationToken;

    [Fact]
    public async Task Deprecated_listing_pages_newest_first_through_every_contact_with_both_cursors()
    {
        var seen = new List<(string Id, DateTimeOffset Added)>();
        var path = List;
        for (var page = 0; page < 10; page++)
        {
            var (status, body, _) = await Api.GetAsync(Http, path, Token);
            Assert.Equal(200, status);
            Assert.Equal(Total, body!["meta"]!["total"]!.GetValue<int>());
            var contacts = body["contacts"]!.AsArray();
            seen.AddRange(contacts.Select(c =>
                (c!["id"]!.GetValue<string>(), c["dateAdded"]!.GetValue<DateTimeOffset>())));
            if (contacts.Count < 10)
            {
                break;
            }

            var meta = body["meta"]!;
            path = $"{List}&startAfter={meta["startAfter"]}&startAfterId={meta["startAfterId"]}";
        }

        Assert.Equal(Total, seen.Select(c => c.Id).Distinct().Count());
        Assert.Equal(WellKnownIds.Contact, seen[0].Id);
        Assert.Equal(seen.OrderByDescending(c => c.Added).Select(c => c.Added), seen.Select(c => c.Added));
    }

    [Theory]
    [InlineData("startAfter")]
    [InlineData("startAfterId")]
    public async Task Deprecated_listing_with_one_cursor_only_answers_the_first_page_again(string kept)
    {
        var (_, first, _) = await Api.GetAsync(Http, List, Token);
        var meta = first!["meta"]!;

        var (_, again, _) = await Api.GetAsync(Http, $"{List}&{kept}={meta[kept]}", Token);

        Assert.Equal(Ids(first), Ids(again));
    }

    [Fact]
    public async Task Deprecated_listing_refuses_more_than_100_a_page()
    {
        var path = $"contacts/?locationId={WellKnownIds.Location}&limit=101";

        var (status, _, _) = await Api.GetAsync(Http, path, Token);

        Assert.Equal(422, status);
    }

    [Fact]
    public async Task Search_pages_by_page_and_pageLimit_and_reports_the_total()
    {
        var ids = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var (status, body, _) = await Search(new JsonObject { ["page"] = page, ["pageLimit"] = 20 });
            Assert.Equal(200, status);
            Assert.Equal(Total, body!["total"]!.GetValue<int>());
            ids.AddRange(Ids(body));
        }

        Assert.Equal(Total, ids.Distinct().Count());
    }

    [Fact]
    public async Task Search_continues_from_searchAfter_where_page_two_would()
    {
        var (_, first, _) = await Search(new JsonObject { ["page"] = 1, ["pageLimit"] = 15 });
        var (_, second, _) = await Search(new JsonObject { ["page"] = 2, ["pageLimit"] = 15 });
        var cursor = first!["contacts"]!.AsArray()[^1]!["searchAfter"]!.DeepClone();

        var (status, after, _) = await Search(new JsonObject { ["searchAfter"] = cursor, ["pageLimit"] = 15 });

        Assert.Equal(200, status);
        Assert.Equal(Ids(second), Ids(after));
    }

    [Theory]
    [InlineData(501, 1)]
    [InlineData(500, 21)]
    public async Task Search_refuses_pages_beyond_its_limits(int pageLimit, int page)
    {
        var (status, body, _) = await Search(new JsonObject { ["page"] = page, ["pageLimit"] = pageLimit });

        Assert.Equal(422, status);
        Assert.IsType<JsonArray>(body!["message"]);
    }

    [Fact]
    public async Task Search_filters_by_email_without_case()
    {
        var email = new JsonObject { ["field"] = "email", ["operator"] = "eq", ["value"] = "ROSAN@DEOS.COM" };
        var filters = new JsonArray(email);

        var (_, body, _) = await Search(new JsonObject { ["pageLimit"] = 10, ["filters"] = filters });

        Assert.Equal([WellKnownIds.Contact], Ids(body));
    }

    private Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Search(JsonObject body)
    {
        body["locationId"] = WellKnownIds.Location;
        return Api.PostAsync(Http, "contacts/search", Token, body);
    }

    private static List<string> Ids(JsonNode? body) =>
        [.. body!["contacts"]!.AsArray().Select(c => c!["id"]!.GetValue<string>())];
}
