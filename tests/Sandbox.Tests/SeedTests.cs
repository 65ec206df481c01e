using System.Text.Json.Nodes;
using Connector.Sandbox.Tests.Support;

namespace Connector.Sandbox.Tests;

/// <summary>The seed number decides the generated data, entirely.</summary>
public sealed class SeedTests
{
    [Fact]
    public async Task Same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        var first = await ReadAsync(seed: 30);
        var second = await ReadAsync(seed: 30);
        var other = await ReadAsync(seed: 31);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Seed_number_is_the_number_of_generated_contacts_beside_the_well_known_ones()
    {
        var options = new SandboxOptions { Catalog = TestCatalog.Value, Seed = 12 };
        await using var sandbox = await SandboxServer.StartAsync(options);
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        var token = (await sandbox.CreatePrivateTokenAsync()).Token;

        var (_, body, _) = await Api.GetAsync(http, $"contacts/?locationId={WellKnownIds.Location}&limit=1", token);

        Assert.Equal(14, body!["meta"]!["total"]!.GetValue<int>());
    }

    // Everything a client can read of the generated world, as text.
    private static async Task<string> ReadAsync(int seed)
    {
        var options = new SandboxOptions { Catalog = TestCatalog.Value, Seed = seed };
        await using var sandbox = await SandboxServer.StartAsync(options);
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        var token = (await sandbox.CreatePrivateTokenAsync()).Token;
        var location = WellKnownIds.Location;
        var parts = new List<JsonNode?>();
        foreach (var (path, version) in new[]
        {
            ($"contacts/?locationId={location}&limit=100", Api.ContactsVersion),
            ($"opportunities/search?location_id={location}&limit=100", Api.ContactsVersion),
            ($"users/?locationId={location}", Api.ContactsVersion),
            ($"businesses/?locationId={location}", Api.ContactsVersion),
            ($"conversations/search?locationId={location}&limit=100", Api.CalendarsVersion),
            ($"calendars/events?locationId={location}&calendarId={WellKnownIds.Calendar}&startTime=0"
                + "&endTime=1893456000000", Api.CalendarsVersion),
        })
        {
            parts.Add((await Api.GetAsync(http, path, token, version)).Body);
        }

        return new JsonArray([.. parts]).ToJsonString();
    }
}
