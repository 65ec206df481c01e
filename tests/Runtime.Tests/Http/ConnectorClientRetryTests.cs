using Connector.Runtime.Http;
using Connector.Runtime.Tests.Support;

namespace Connector.Runtime.Tests.Http;

/// <summary>What is sent again, when, and what is not.</summary>
public sealed class ConnectorClientRetryTests
{
    private static readonly (string, string)[] BurstSpent =
    [
        ("X-RateLimit-Max", "100"),
        ("X-RateLimit-Remaining", "0"),
        ("X-RateLimit-Interval-Milliseconds", "10000"),
        ("X-RateLimit-Limit-Daily", "200000"),
        ("X-RateLimit-Daily-Remaining", "199000"),
    ];

    [Fact]
    public async Task SendAsync_429WithRateLimitHeadersThenSuccess_RetriesOnceAfterTheWindowSlides()
    {
        await using var harness = ClientHarness.Start(Reply.Json(429, "", BurstSpent), Reply.Ok("""{"id":"c1"}"""));

        var response = await harness.SendThroughWaitsAsync(ClientHarness.Get());

        Assert.Equal("c1", response.Body!["id"]!.GetValue<string>());
        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(10),
            $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}, before the vendor's window had slid");
    }

    [Fact]
    public async Task SendAsync_429WithoutAnyHeaderThenSuccess_RetriesAndSucceeds()
    {
        await using var harness = ClientHarness.Start(new Reply { Status = 429, ContentType = null }, Reply.Ok());

        var response = await harness.SendThroughWaitsAsync(ClientHarness.Get());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_SendsTheRetryNoSoonerThanAsked()
    {
        await using var harness = ClientHarness.Start(
            o => o with { RateBudgets = [] },
            Reply.Json(429, """{"message":"slow down"}""", ("Retry-After", "30")),
            Reply.Ok());

        var response = await harness.SendThroughWaitsAsync(ClientHarness.Get(), step: TimeSpan.FromMilliseconds(250));

        Assert.Equal(200, response.StatusCode);
        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(30),
            $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfter_HoldsTheRetryWhileTheClockIsShortOfIt()
    {
        await using var harness = ClientHarness.Start(
            o => o with { RateBudgets = [] },
            Reply.Json(429, "", ("Retry-After", "30")),
            Reply.Ok());

        var sending = harness.SendAsync(ClientHarness.Get());
        var first = await harness.Server.WaitForRequestAsync(1);
        await harness.Time.AdvanceUntilAsync(
            () => harness.Time.GetUtcNow() >= first.ReceivedAt.AddSeconds(29),
            TimeSpan.FromSeconds(1));

        Assert.Single(harness.Server.Requests);
        Assert.False(sending.IsCompleted);
        await harness.Time.AdvanceUntilCompletedAsync(sending, TimeSpan.FromSeconds(1));
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_429WithNoDailyRequestsLeft_FailsAtOnceWithoutRetrying()
    {
        await using var harness = ClientHarness.Start(
            Reply.Json(429, "", ("X-RateLimit-Remaining", "80"), ("X-RateLimit-Daily-Remaining", "0")),
            Reply.Ok());

        var error = await harness.SendExpectingFailureAsync<RateLimitedException>(ClientHarness.Get());

        Assert.Equal("contacts.get", error.OperationKey);
        Assert.Contains("daily", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task SendAsync_429ThatEndsTheRetries_KeepsTheVendorsMessageAndTraceId()
    {
        await using var harness = ClientHarness.Start(Reply.Json(
            429,
            """{"message":"Too many requests for this location","traceId":"7f3c-trace"}""",
            ("X-RateLimit-Daily-Remaining", "0")));

        var error = await harness.SendExpectingFailureAsync<RateLimitedException>(ClientHarness.Get());

        Assert.Equal("7f3c-trace", error.TraceId);
        Assert.Equal(["Too many requests for this location"], error.Messages);
        Assert.Contains("(traceId 7f3c-trace)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AfterTheDailyBudgetWasSpent_NextRequestIsRefusedWithoutSending()
    {
        await using var harness = ClientHarness.Start(
            Reply.Json(429, "", ("X-RateLimit-Daily-Remaining", "0")),
            Reply.Ok());
        await harness.SendExpectingFailureAsync<RateLimitedException>(ClientHarness.Get());

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => harness.SendAsync(ClientHarness.Post()));

        Assert.Equal("contacts.create", error.OperationKey);
        Assert.Contains("daily rate budget", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task SendAsync_429Storm_FailsAsRateLimitedAfterMaxRetries()
    {
        await using var harness = ClientHarness.Start(Reply.Json(429, "", BurstSpent));

        var error = await harness.SendExpectingFailureAsync<RateLimitedException>(ClientHarness.Get());

        Assert.Equal(1 + harness.Options.MaxRetries, harness.Server.Requests.Count);
        Assert.Contains("HTTP 429", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task SendAsync_ServerErrorOnGet_IsRetried(int status)
    {
        await using var harness = ClientHarness.Start(Reply.Json(status, """{"message":"try later"}"""), Reply.Ok());

        var response = await harness.SendThroughWaitsAsync(ClientHarness.Get());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ServerErrorThatPersists_FailsAfterMaxRetriesWithTheLastError()
    {
        await using var harness = ClientHarness.Start(Reply.Json(503, """{"message":"maintenance"}"""));

        var error = await harness.SendExpectingFailureAsync<ApiException>(ClientHarness.Get());

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(["maintenance"], error.Messages);
        Assert.Equal(3, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ServerErrorOnAPostThatIsNotRepeatable_IsNotSentAgain()
    {
        await using var harness = ClientHarness.Start(Reply.Json(500, """{"message":"oops"}"""), Reply.Ok());

        var error = await harness.SendExpectingFailureAsync<ApiException>(ClientHarness.Post());

        Assert.Equal(500, error.StatusCode);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task SendAsync_ServerErrorOnAPostMarkedRepeatable_IsRetried()
    {
        await using var harness = ClientHarness.Start(Reply.Json(502, ""), Reply.Json(201, """{"id":"c1"}"""));

        var response = await harness.SendThroughWaitsAsync(ClientHarness.Post(repeatable: true));

        Assert.Equal(201, response.StatusCode);
        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task SendAsync_ClientError_IsNotRetried(int status)
    {
        await using var harness = ClientHarness.Start(Reply.Json(status, """{"message":"no"}"""), Reply.Ok());

        var error = await harness.SendExpectingFailureAsync<ApiException>(ClientHarness.Get());

        Assert.Equal(status, error.StatusCode);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task SendAsync_NothingListening_TriesEveryAttemptThenFailsToConnect()
    {
        await using var harness = ClientHarness.Start(Reply.Ok());
        using var client = new ConnectorClient(
            harness.Options with { BaseUrl = new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/v2/") },
            time: harness.Time);

        var sending = client.SendAsync(ClientHarness.Post(), new Auth.StaticTokenSource(harness.Token), default);
        var error = await Assert.ThrowsAsync<ConnectionFailedException>(
            () => harness.Time.AdvanceUntilCompletedAsync(sending, TimeSpan.FromSeconds(1)));

        Assert.Equal("contacts.create", error.OperationKey);
        Assert.Contains("3 attempt(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ConnectionResetOnAPost_IsNotSentAgain()
    {
        await using var harness = ClientHarness.Start(Reply.Reset(), Reply.Ok());

        var error = await harness.SendExpectingFailureAsync<ConnectionFailedException>(ClientHarness.Post());

        Assert.Equal("contacts.create", error.OperationKey);
        Assert.Single(harness.Server.Requests);
    }

    [Theory]
    [InlineData(ReplyKind.Reset)]
    [InlineData(ReplyKind.Truncated)]
    public async Task SendAsync_BrokenConnectionOnGet_IsRetried(ReplyKind broken)
    {
        await using var harness = ClientHarness.Start(
            new Reply { Kind = broken, Body = """{"contacts":[""" },
            Reply.Ok());

        var response = await harness.SendThroughWaitsAsync(ClientHarness.Get());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_TruncatedEveryTime_FailsAsAConnectionFailure()
    {
        await using var harness = ClientHarness.Start(Reply.Truncated());

        var error = await harness.SendExpectingFailureAsync<ConnectionFailedException>(ClientHarness.Get());

        Assert.Equal("contacts.get", error.OperationKey);
        Assert.Equal(3, harness.Server.Requests.Count);
    }
}
