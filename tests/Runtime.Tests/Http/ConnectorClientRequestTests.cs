using System.Text.Json.Nodes;
using Connector.Runtime.Auth;
using Connector.Runtime.Http;
using Connector.Runtime.Tests.Support;

namespace Connector.Runtime.Tests.Http;

/// <summary>What reaches the vendor: address, headers, token and body.</summary>
public sealed class ConnectorClientRequestTests
{
    [Fact]
    public async Task SendAsync_AnyRequest_CarriesTheBearerTokenAndTheConnectorsHeaders()
    {
        await using var harness = ClientHarness.Start(Reply.Ok());

        await harness.SendAsync(ClientHarness.Get() with
        {
            Headers = new Dictionary<string, string> { ["X-Extra"] = "note-1", ["Version"] = "2021-04-15" },
        });

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"Bearer {harness.Token}", request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Equal("note-1", request.Header("X-Extra"));
        Assert.Equal("2021-04-15", request.Header("Version"));
    }

    [Fact]
    public async Task SendAsync_OtherAuthHeaderAndScheme_AreUsed()
    {
        await using var harness = ClientHarness.Start(
            o => o with { AuthHeader = "X-Api-Key", AuthScheme = "Token" },
            Reply.Ok());

        await harness.SendAsync(ClientHarness.Get());

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal($"Token {harness.Token}", request.Header("X-Api-Key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task SendAsync_JsonBody_IsSentAsJson()
    {
        await using var harness = ClientHarness.Start(Reply.Json(201, """{"contact":{"id":"c1"}}"""));

        var response = await harness.SendAsync(ClientHarness.Post());

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(ClientHarness.Post().Body, JsonNode.Parse(request.Body)), request.Body);
        Assert.Equal(201, response.StatusCode);
        Assert.Equal("c1", response.Body!["contact"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_FormBody_IsSentFormEncoded()
    {
        await using var harness = ClientHarness.Start(Reply.Ok());
        KeyValuePair<string, string>[] form = [new("grant_type", "refresh_token"), new("code", "a b&c=d+é")];

        await harness.SendAsync(ClientHarness.Post() with { Body = null, Form = form });

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Equal(form, RecordedRequest.Pairs(request.Body));
    }

    [Fact]
    public async Task SendAsync_PathAndQuery_AreJoinedUnderTheBaseUrlsPrefixAndEscaped()
    {
        await using var harness = ClientHarness.Start(Reply.Ok());
        KeyValuePair<string, string>[] query =
        [
            new("locationId", "ve9 EPM&x=1"),
            new("tags", "a+b"),
            new("tags", "é/ü?#%"),
            new("empty", ""),
        ];

        await harness.SendAsync(ClientHarness.Get("/contacts/seD4%2F1/notes") with { Query = query });

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("/v2/contacts/seD4%2F1/notes", request.RawPath);
        Assert.Equal(query, request.Query);
    }

    [Fact]
    public async Task SendAsync_BaseUrlWithoutAPath_SendsThePathAsItIs()
    {
        await using var harness = ClientHarness.Start(Reply.Ok());
        var options = harness.Options with { BaseUrl = harness.Server.Url() };
        using var client = new ConnectorClient(options, time: harness.Time);

        await client.SendAsync(ClientHarness.Get("/contacts/c1"), new StaticTokenSource(harness.Token), default);

        Assert.Equal("/contacts/c1", Assert.Single(harness.Server.Requests).RawPath);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/../x")]
    [InlineData("/contacts/../../x")]
    [InlineData("/contacts/..")]
    [InlineData("/..")]
    [InlineData("contacts")]
    [InlineData("/contacts?admin=1")]
    [InlineData("/contacts#top")]
    public async Task SendAsync_PathThatWouldLeaveTheBaseUrl_IsRefusedBeforeAnythingIsSent(string path)
    {
        await using var harness = ClientHarness.Start(Reply.Ok());

        var error = await Assert.ThrowsAsync<RequestRefusedException>(
            () => harness.SendAsync(ClientHarness.Get(path)));

        Assert.Equal("contacts.get", error.OperationKey);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Server.Connections);
    }

    [Fact]
    public async Task SendAsync_EmptyResponse_HasNoBody()
    {
        await using var harness = ClientHarness.Start(new Reply { Status = 204, ContentType = null });

        var response = await harness.SendAsync(ClientHarness.Get());

        Assert.Equal(204, response.StatusCode);
        Assert.Null(response.Body);
    }

    [Fact]
    public async Task SendAsync_TextResponse_BecomesAJsonString()
    {
        await using var harness = ClientHarness.Start(
            new Reply { Body = "pong", ContentType = "text/plain; charset=utf-8" });

        var response = await harness.SendAsync(ClientHarness.Get());

        Assert.Equal("pong", response.Body!.GetValue<string>());
    }
}
