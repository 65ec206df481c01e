using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Sandbox.Tests.Support;

namespace Connector.Sandbox.Tests;

/// <summary>Injected faults answer the next requests in place of their real answers, then stop.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private const string Contact = $"contacts/{WellKnownIds.Contact}";

    private SandboxServer _server = null!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Catalog = TestCatalog.Value });
        _token = (await _server.CreatePrivateTokenAsync()).Token;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task No_fault_is_injected_by_default()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };

        var (status, _, _) = await Api.GetAsync(http, Contact, _token);

        Assert.Equal(0, _server.Faults.Pending);
        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData(SandboxFault.TooManyRequests, 429)]
    [InlineData(SandboxFault.InternalServerError, 500)]
    [InlineData(SandboxFault.BadGateway, 502)]
    [InlineData(SandboxFault.ServiceUnavailable, 503)]
    public async Task Status_fault_answers_that_many_requests_then_real_answers_return(
        SandboxFault fault,
        int expected)
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        _server.Faults.Inject(fault, count: 2);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.SendAsync(Api.Request(HttpMethod.Get, Contact, _token));
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([expected, expected, 200], statuses);
    }

    [Fact]
    public async Task Injected_429_carries_the_budget_headers_with_no_burst_left()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        _server.Faults.Inject(SandboxFault.TooManyRequests);

        var (_, _, response) = await Api.GetAsync(http, Contact, _token);

        Assert.Equal("0", Api.Header(response, "X-RateLimit-Remaining"));
        Assert.NotEqual("0", Api.Header(response, "X-RateLimit-Daily-Remaining"));
    }

    [Fact]
    public async Task Reset_fault_drops_the_connection()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        _server.Faults.Inject(SandboxFault.ResetConnection);

        await Assert.ThrowsAsync<HttpRequestException>(
            () => http.SendAsync(Api.Request(HttpMethod.Get, Contact, _token)));
        Assert.Equal(200, (await Api.GetAsync(http, Contact, _token)).Status);
    }

    [Fact]
    public async Task Truncated_fault_answers_200_with_json_cut_short()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        _server.Faults.Inject(SandboxFault.TruncatedJson);

        using var response = await http.SendAsync(Api.Request(HttpMethod.Get, Contact, _token));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(text));
    }

    [Fact]
    public async Task Hung_request_never_answers_while_others_do_and_is_dropped_when_the_sandbox_stops()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        _server.Faults.Inject(SandboxFault.Hang);
        var hung = http.SendAsync(Api.Request(HttpMethod.Get, Contact, _token));
        while (_server.Faults.Pending > 0 && !hung.IsCompleted)
        {
            await Task.Yield();
        }

        var (status, _, _) = await Api.GetAsync(http, Contact, _token);
        var answeredBeforeStop = hung.IsCompleted;
        await _server.StopAsync();

        Assert.Equal(200, status);
        Assert.False(answeredBeforeStop);
        await Assert.ThrowsAsync<HttpRequestException>(() => hung);
    }

    [Fact]
    public async Task Admin_route_injects_and_clears_faults_for_other_processes()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        using var inject = await http.PostAsync("_sandbox/faults",
            new StringContent("""{"fault":"503","count":3}""", System.Text.Encoding.UTF8, "application/json"));
        var pending = _server.Faults.Pending;
        var (faulted, _, _) = await Api.GetAsync(http, Contact, _token);
        using var clear = await http.DeleteAsync("_sandbox/faults");

        var (after, _, _) = await Api.GetAsync(http, Contact, _token);

        Assert.Equal(3, pending);
        Assert.Equal(503, faulted);
        Assert.Equal(200, after);
    }
}
