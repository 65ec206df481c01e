using System.Net;
using System.Text.Json.Nodes;
using Connector.Sandbox.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Sandbox.Tests;

/// <summary>The authorization-code flow, refresh-token rotation, expiry, and agency-to-location tokens.</summary>
public sealed class OAuthTests : IAsyncLifetime
{
    private const string Redirect = "http://127.0.0.1:9/callback";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
    private SandboxServer _server = null!;
    private SandboxOAuthClient _client = null!;

    public async Task InitializeAsync()
    {
        var options = new SandboxOptions { Catalog = TestCatalog.Value, TimeProvider = _time };
        _server = await SandboxServer.StartAsync(options);
        _client = await _server.RegisterOAuthClientAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Chooselocation_approves_at_once_and_redirects_with_the_code_and_state()
    {
        using var http = NewClient();

        using var response = await http.GetAsync(AuthorizeUrl("xyz-42"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Redirect + "?", location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("xyz-42", query["state"].ToString());
        Assert.False(string.IsNullOrEmpty(query["code"].ToString()));
    }

    [Fact]
    public async Task Code_is_traded_once_for_a_location_token_that_works()
    {
        using var http = NewClient();
        var code = await CodeAsync(http);

        var (status, tokens) = await TokenAsync(http, ("grant_type", "authorization_code"), ("code", code),
            ("user_type", "Location"), ("redirect_uri", Redirect));
        var (again, error) = await TokenAsync(http, ("grant_type", "authorization_code"), ("code", code));

        Assert.Equal(200, status);
        Assert.Equal("Bearer", tokens["token_type"]!.GetValue<string>());
        Assert.Equal(86399, tokens["expires_in"]!.GetValue<int>());
        Assert.Equal("Location", tokens["userType"]!.GetValue<string>());
        Assert.Equal(WellKnownIds.Location, tokens["locationId"]!.GetValue<string>());
        Assert.Equal(WellKnownIds.Company, tokens["companyId"]!.GetValue<string>());
        Assert.Contains("contacts.readonly", tokens["scope"]!.GetValue<string>().Split(' '));
        Assert.Equal(200, (await Api.GetAsync(http, $"contacts/{WellKnownIds.Contact}", Access(tokens))).Status);
        Assert.Equal(400, again);
        Assert.Equal("invalid_grant", error["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_rotates_the_pair_and_the_old_refresh_token_is_spent()
    {
        using var http = NewClient();
        var (_, first) = await ExchangeCodeAsync(http);

        var (status, second) = await RefreshAsync(http, Refresh(first));
        var (reused, error) = await RefreshAsync(http, Refresh(first));
        var (third, _) = await RefreshAsync(http, Refresh(second));

        Assert.Equal(200, status);
        Assert.NotEqual(Refresh(first), Refresh(second));
        Assert.NotEqual(Access(first), Access(second));
        Assert.Equal(400, reused);
        Assert.Equal("invalid_grant", error["error"]!.GetValue<string>());
        Assert.Equal(200, third);
    }

    [Fact]
    public async Task Access_token_expires_after_86399_seconds()
    {
        using var http = NewClient();
        var (_, tokens) = await ExchangeCodeAsync(http);
        var contact = $"contacts/{WellKnownIds.Contact}";

        _time.Advance(TimeSpan.FromSeconds(86398));
        var (before, _, _) = await Api.GetAsync(http, contact, Access(tokens));
        _time.Advance(TimeSpan.FromSeconds(1));
        var (after, body, _) = await Api.GetAsync(http, contact, Access(tokens));

        Assert.Equal(200, before);
        Assert.Equal(401, after);
        Assert.Equal("Invalid token: access token is invalid", body!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrong_client_secret_is_answered_401_invalid_client()
    {
        using var http = NewClient();
        var code = await CodeAsync(http);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = _client.ClientId,
            ["client_secret"] = "wrong",
            ["grant_type"] = "authorization_code",
            ["code"] = code,
        });
        using var response = await http.PostAsync("oauth/token", form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Agency_token_gets_a_location_token_that_covers_that_location()
    {
        using var http = NewClient();
        var (_, agency) = await ExchangeCodeAsync(http, ("user_type", "Company"));
        using var request = Api.Request(HttpMethod.Post, "oauth/locationToken", Access(agency));
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["companyId"] = WellKnownIds.Company,
            ["locationId"] = WellKnownIds.Location,
        });

        var (status, location, _) = await Api.SendAsync(http, request);

        Assert.Equal("Company", agency["userType"]!.GetValue<string>());
        Assert.Equal(200, status);
        Assert.Equal(WellKnownIds.Location, location!["locationId"]!.GetValue<string>());
        var token = location["access_token"]!.GetValue<string>();
        Assert.Equal(200, (await Api.GetAsync(http, $"contacts/{WellKnownIds.Contact}", token)).Status);
        Assert.Equal(401, (await Api.GetAsync(http, $"contacts/{WellKnownIds.Contact}", Access(agency))).Status);
    }

    [Fact]
    public async Task Location_token_cannot_get_location_tokens()
    {
        using var http = NewClient();
        var (_, tokens) = await ExchangeCodeAsync(http);
        using var request = Api.Request(HttpMethod.Post, "oauth/locationToken", Access(tokens));
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["companyId"] = WellKnownIds.Company,
            ["locationId"] = WellKnownIds.Location,
        });

        var (status, _, _) = await Api.SendAsync(http, request);

        Assert.Equal(401, status);
    }

    private HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.BaseUrl };

    private string AuthorizeUrl(string state) =>
        QueryHelpers.AddQueryString("oauth/chooselocation", new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = _client.ClientId,
            ["redirect_uri"] = Redirect,
            ["scope"] = "contacts.readonly contacts.write oauth.write oauth.readonly",
            ["state"] = state,
        });

    private async Task<string> CodeAsync(HttpClient http)
    {
        using var response = await http.GetAsync(AuthorizeUrl("s"));
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString();
    }

    private async Task<(int Status, JsonNode Body)> ExchangeCodeAsync(
        HttpClient http,
        params (string Name, string Value)[] fields) =>
        await TokenAsync(http, [("grant_type", "authorization_code"), ("code", await CodeAsync(http)), .. fields]);

    private Task<(int Status, JsonNode Body)> RefreshAsync(HttpClient http, string refreshToken) =>
        TokenAsync(http, ("grant_type", "refresh_token"), ("refresh_token", refreshToken));

    private async Task<(int Status, JsonNode Body)> TokenAsync(
        HttpClient http,
        params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string>
        {
            ["client_id"] = _client.ClientId,
            ["client_secret"] = _client.ClientSecret,
        };
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync("oauth/token", content);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static string Access(JsonNode tokens) => tokens["access_token"]!.GetValue<string>();

    private static string Refresh(JsonNode tokens) => tokens["refresh_token"]!.GetValue<string>();
}
