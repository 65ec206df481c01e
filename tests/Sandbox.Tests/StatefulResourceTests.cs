using System.Text.Json.Nodes;
using Connector.Sandbox.Tests.Support;

namespace Connector.Sandbox.Tests;

/// <summary>What one request changes, the next one sees.</summary>
public sealed class StatefulResourceTests : IAsyncLifetime
{
    private SandboxServer _server = null!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Catalog = TestCatalog.Value });
        _token = (await _server.CreatePrivateTokenAsync()).Token;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Contact_lives_from_create_through_update_and_upsert_to_delete()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        var (created, body, _) = await Api.PostAsync(http, "contacts/", _token, new JsonObject
        {
            ["locationId"] = WellKnownIds.Location,
            ["firstName"] = "Lena",
            ["email"] = "lena@example.com",
            ["tags"] = new JsonArray("VIP", "vip", "Webinar"),
        });
        var id = body!["contact"]!["id"]!.GetValue<string>();

        var (_, updated, _) = await Api.SendAsync(http, Api.Request(HttpMethod.Put, $"contacts/{id}", _token,
            body: new JsonObject { ["city"] = "Lisbon" }));
        var (_, upserted, _) = await Api.PostAsync(http, "contacts/upsert", _token, new JsonObject
        {
            ["locationId"] = WellKnownIds.Location,
            ["email"] = "LENA@example.com",
            ["lastName"] = "Roth",
        });
        var (_, read, _) = await Api.GetAsync(http, $"contacts/{id}", _token);
        await Api.SendAsync(http, Api.Request(HttpMethod.Delete, $"contacts/{id}", _token));
        var (gone, _, _) = await Api.GetAsync(http, $"contacts/{id}", _token);

        Assert.Equal(201, created);
        Assert.Equal(["vip", "webinar"], body["contact"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("Lisbon", updated!["contact"]!["city"]!.GetValue<string>());
        Assert.False(upserted!["new"]!.GetValue<bool>());
        Assert.Equal(id, upserted["contact"]!["id"]!.GetValue<string>());
        Assert.Equal("Lena Roth", read!["contact"]!["name"]!.GetValue<string>());
        Assert.Equal("Lisbon", read["contact"]!["city"]!.GetValue<string>());
        Assert.Equal(404, gone);
    }

    [Fact]
    public async Task Location_that_forbids_duplicates_refuses_a_second_contact_with_the_same_email()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        var other = (await _server.CreatePrivateTokenAsync("lOcA00000000000000a2")).Token;
        JsonObject Contact() => new() { ["locationId"] = "lOcA00000000000000a2", ["email"] = "kim@example.com" };

        var (first, created, _) = await Api.PostAsync(http, "contacts/", other, Contact());
        var (second, refused, _) = await Api.PostAsync(http, "contacts/", other, Contact());

        Assert.Equal(201, first);
        Assert.Equal(400, second);
        var existing = created!["contact"]!["id"]!.GetValue<string>();
        Assert.Equal(existing, refused!["meta"]!["contactId"]!.GetValue<string>());
        Assert.Equal("email", refused["meta"]!["matchingField"]!.GetValue<string>());
    }

    [Fact]
    public async Task Booked_slot_leaves_the_free_slots_and_cannot_be_booked_twice()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        var booking = new JsonObject
        {
            ["locationId"] = WellKnownIds.Location,
            ["calendarId"] = WellKnownIds.Calendar,
            ["contactId"] = WellKnownIds.SecondContact,
            ["startTime"] = "2026-01-13T14:30:00-05:00",
        };
        var freeSlots = $"calendars/{WellKnownIds.Calendar}/free-slots?startDate=1768280400000"
            + "&endDate=1768366799999&timezone=America/New_York";

        var (_, before, _) = await Api.GetAsync(http, freeSlots, _token, Api.CalendarsVersion);
        var (first, appointment, _) = await Api.PostAsync(
            http, "calendars/events/appointments", _token, booking, Api.CalendarsVersion);
        var (second, _, _) = await Api.PostAsync(
            http, "calendars/events/appointments", _token, booking, Api.CalendarsVersion);
        var (_, after, _) = await Api.GetAsync(http, freeSlots, _token, Api.CalendarsVersion);

        Assert.Equal(16, Slots(before).Count);
        Assert.Contains("2026-01-13T14:30:00-05:00", Slots(before));
        Assert.Equal(200, first);
        Assert.Equal("2026-01-13T15:00:00-05:00", appointment!["endTime"]!.GetValue<string>());
        Assert.Equal(400, second);
        Assert.DoesNotContain("2026-01-13T14:30:00-05:00", Slots(after));
        Assert.Equal(15, Slots(after).Count);
    }

    [Fact]
    public async Task Tags_added_and_removed_are_what_the_contact_then_carries()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        var tags = $"contacts/{WellKnownIds.Contact}/tags";
        var add = new JsonObject { ["tags"] = new JsonArray("Spring") };

        var (added, addBody, _) = await Api.PostAsync(http, tags, _token, add);
        var (removed, removeBody, _) = await Api.SendAsync(http, Api.Request(HttpMethod.Delete, tags, _token,
            body: new JsonObject { ["tags"] = new JsonArray("vip") }));
        var (_, contact, _) = await Api.GetAsync(http, $"contacts/{WellKnownIds.Contact}", _token);

        Assert.Equal(201, added);
        Assert.Equal(["vip", "spring"], addBody!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(200, removed);
        Assert.Equal(["spring"], removeBody!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["spring"], contact!["contact"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    private static List<string> Slots(JsonNode? answer) =>
        [.. answer!.AsObject().SelectMany(d => d.Value!["slots"]!.AsArray().Select(s => s!.GetValue<string>()))];
}
