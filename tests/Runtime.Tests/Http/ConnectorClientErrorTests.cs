using Connector.Runtime.Auth;
using Connector.Runtime.Http;
using Connector.Runtime.Tests.Support;

namespace Connector.Runtime.Tests.Http;

/// <summary>How the vendor's errors reach the caller: typed, naming the operation, never showing the token.</summary>
public sealed class ConnectorClientErrorTests
{
    private const string InvalidToken = """
        {"statusCode":401,"message":"Invalid token: access token is invalid","traceId":"4f1c-77"}
        """;

    [Fact]
    public async Task SendAsync_MalformedJsonWithStatus200_FailsNamingTheOperation()
    {
        await using var harness = ClientHarness.Start(Reply.Ok("""{"contacts":[{"id":"c1",}"""), Reply.Ok());

        var error = await harness.SendExpectingFailureAsync<MalformedResponseException>(ClientHarness.Get());

        Assert.Equal("contacts.get", error.OperationKey);
        Assert.Equal(200, error.StatusCode);
        Assert.StartsWith("contacts.get: HTTP 200 with a body that is not valid JSON", error.Message,
            StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task SendAsync_401_IsAnApiExceptionWithTheVendorsMessageAndTraceId()
    {
        await using var harness = ClientHarness.Start(Reply.Json(401, InvalidToken), Reply.Ok());

        var error = await harness.SendExpectingFailureAsync<ApiException>(ClientHarness.Get());

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(["Invalid token: access token is invalid"], error.Messages);
        Assert.Equal("4f1c-77", error.TraceId);
        Assert.Equal("contacts.get: HTTP 401: Invalid token: access token is invalid (traceId 4f1c-77)",
            error.Message);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task SendAsync_401WithATokenSourceThatRefreshes_IsSentOnceMoreWithTheNewToken()
    {
        await using var harness = ClientHarness.Start(Reply.Json(401, InvalidToken), Reply.Ok("""{"id":"c1"}"""));
        var (expired, fresh) = (TestTokens.New("old"), TestTokens.New("new"));
        var tokens = new RotatingTokenSource(expired, fresh);

        var response = await harness.SendThroughWaitsAsync(ClientHarness.Post(), tokens);

        Assert.Equal("c1", response.Body!["id"]!.GetValue<string>());
        var requests = harness.Server.Requests;
        Assert.Equal([$"Bearer {expired}", $"Bearer {fresh}"], requests.Select(r => r.Header("Authorization")));
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(1, tokens.Refreshes);
    }

    [Fact]
    public async Task SendAsync_401AgainAfterARefresh_FailsWithoutRefreshingInALoop()
    {
        await using var harness = ClientHarness.Start(Reply.Json(401, InvalidToken));
        var tokens = new RotatingTokenSource(TestTokens.New("a"), TestTokens.New("b"), TestTokens.New("c"));

        var error = await harness.SendExpectingFailureAsync<ApiException>(ClientHarness.Get(), tokens);

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_422WithAMessageArray_KeepsEachMessage()
    {
        await using var harness = ClientHarness.Start(Reply.Json(422, """
            {"statusCode":422,"message":["email must be an email","phone must be a valid phone number"]}
            """));

        var error = await harness.SendExpectingFailureAsync<ApiException>(ClientHarness.Post());

        Assert.Equal(422, error.StatusCode);
        Assert.Equal(["email must be an email", "phone must be a valid phone number"], error.Messages);
        Assert.Null(error.TraceId);
        Assert.Equal("contacts.create: HTTP 422: email must be an email; phone must be a valid phone number",
            error.Message);
    }

    [Fact]
    public async Task SendAsync_ErrorPageThatIsNotJson_ReportsItsText()
    {
        await using var harness = ClientHarness.Start(
            new Reply { Status = 403, Body = "<h1>Forbidden by proxy</h1>", ContentType = "text/html" });

        var error = await harness.SendExpectingFailureAsync<ApiException>(ClientHarness.Get());

        Assert.Equal(["<h1>Forbidden by proxy</h1>"], error.Messages);
    }

    [Fact]
    public async Task SendAsync_ErrorWithoutABody_ReportsTheStatus()
    {
        await using var harness = ClientHarness.Start(new Reply { Status = 404, ContentType = null });

        var error = await harness.SendExpectingFailureAsync<ApiException>(ClientHarness.Get());

        Assert.Equal("contacts.get: HTTP 404: NotFound", error.Message);
    }

    [Theory]
    [InlineData("401")]
    [InlineData("422")]
    [InlineData("500")]
    [InlineData("429-daily")]
    [InlineData("malformed")]
    [InlineData("reset")]
    [InlineData("timeout")]
    [InlineData("unreachable")]
    public async Task SendAsync_AnyFailure_NeverShowsTheTokenInTheErrorOrTheLog(string failure)
    {
        var reply = failure switch
        {
            "401" => Reply.Json(401, InvalidToken),
            "422" => Reply.Json(422, """{"message":["bad"]}"""),
            "500" => Reply.Json(500, """{"message":"oops"}"""),
            "429-daily" => Reply.Json(429, "", ("X-RateLimit-Daily-Remaining", "0")),
            "malformed" => Reply.Ok("{"),
            "reset" => Reply.Reset(),
            _ => Reply.Hang(),
        };
        await using var harness = ClientHarness.Start(o => o with { AttemptTimeout = TimeSpan.FromSeconds(5) },
            reply);
        var nowhere = harness.Options with { BaseUrl = new Uri($"http://127.0.0.1:{LoopbackServer.UnusedPort()}/") };
        using var unreachable = new ConnectorClient(nowhere, time: harness.Time, logger: harness.Log);
        var client = failure == "unreachable" ? unreachable : harness.Client;

        var auth = new StaticTokenSource(harness.Token);
        var sending = client.SendAsync(ClientHarness.Post(repeatable: true), auth, default);
        var error = await Assert.ThrowsAnyAsync<OperationException>(
            () => harness.Time.AdvanceUntilCompletedAsync(sending, TimeSpan.FromSeconds(1)));

        Assert.DoesNotContain(harness.Token, error.ToString(), StringComparison.Ordinal);
        Assert.All(harness.Log.Lines, line => Assert.DoesNotContain(harness.Token, line, StringComparison.Ordinal));
    }
}
