using Connector.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Sandbox.Tests;

/// <summary>The burst and daily budgets per location, their five headers, and 429 past them.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const string Contact = $"contacts/{WellKnownIds.Contact}";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
    private SandboxServer _server = null!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions
        {
            Catalog = TestCatalog.Value,
            TimeProvider = _time,
            RateLimits = new SandboxRateLimits
            {
                BurstLimit = 3,
                BurstWindow = TimeSpan.FromSeconds(10),
                DailyLimit = 5,
            },
        });
        _token = (await _server.CreatePrivateTokenAsync()).Token;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_answer_reports_the_budgets_and_the_request_past_the_burst_gets_429()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (status, _, response) = await Api.GetAsync(http, Contact, _token);
            Assert.Equal(200, status);
            remaining.Add(Api.Header(response, "X-RateLimit-Remaining"));
        }

        var (refused, _, last) = await Api.GetAsync(http, Contact, _token);

        Assert.Equal(["2", "1", "0"], remaining);
        Assert.Equal(429, refused);
        Assert.Equal("3", Api.Header(last, "X-RateLimit-Max"));
        Assert.Equal("0", Api.Header(last, "X-RateLimit-Remaining"));
        Assert.Equal("10000", Api.Header(last, "X-RateLimit-Interval-Milliseconds"));
        Assert.Equal("5", Api.Header(last, "X-RateLimit-Limit-Daily"));
        Assert.Equal("2", Api.Header(last, "X-RateLimit-Daily-Remaining"));
    }

    [Fact]
    public async Task Burst_window_slides_a_request_frees_its_place_one_window_after_it_was_made()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        await Api.GetAsync(http, Contact, _token);
        _time.Advance(TimeSpan.FromSeconds(4));
        await Api.GetAsync(http, Contact, _token);
        await Api.GetAsync(http, Contact, _token);

        _time.Advance(TimeSpan.FromSeconds(6));
        var (freed, _, _) = await Api.GetAsync(http, Contact, _token);
        var (stillFull, _, _) = await Api.GetAsync(http, Contact, _token);

        Assert.Equal(200, freed);
        Assert.Equal(429, stillFull);
    }

    [Fact]
    public async Task Daily_budget_is_spent_for_the_day_and_comes_back_the_next_day()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await Api.GetAsync(http, Contact, _token)).Status);
            _time.Advance(TimeSpan.FromSeconds(11));
        }

        var (spent, _, response) = await Api.GetAsync(http, Contact, _token);
        _time.Advance(TimeSpan.FromDays(1));
        var (nextDay, _, _) = await Api.GetAsync(http, Contact, _token);

        Assert.Equal(429, spent);
        Assert.Equal("0", Api.Header(response, "X-RateLimit-Daily-Remaining"));
        Assert.Equal("3", Api.Header(response, "X-RateLimit-Remaining"));
        Assert.Equal(200, nextDay);
    }

    [Fact]
    public async Task Each_location_has_its_own_budgets()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        var other = await _server.CreatePrivateTokenAsync("lOcA00000000000000a2");
        for (var i = 0; i < 3; i++)
        {
            await Api.GetAsync(http, Contact, _token);
        }

        var (status, _, _) = await Api.GetAsync(http, "contacts/?locationId=lOcA00000000000000a2", other.Token);

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Budgets_changed_while_running_apply_to_the_next_request()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        for (var i = 0; i < 3; i++)
        {
            await Api.GetAsync(http, Contact, _token);
        }

        _server.RateLimits = new SandboxRateLimits { BurstLimit = 10, DailyLimit = 100 };
        var (status, _, response) = await Api.GetAsync(http, Contact, _token);

        Assert.Equal(200, status);
        Assert.Equal("6", Api.Header(response, "X-RateLimit-Remaining"));
    }
}
