using System.Net;
using System.Text.Json.Nodes;
using Connector.Runtime.Auth;
using Connector.Sandbox.TrainerCentral;
using Connector.Sandbox.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using static Connector.Sandbox.Tests.TrainerCentral.TrainerCentralApi;

namespace Connector.Sandbox.Tests.TrainerCentral;

/// <summary>
/// The Zoho accounts stand-in: codes (two minutes, once), access tokens (one hour), refresh tokens that are
/// not rotated and mint at most 10 access tokens in 10 minutes.
/// </summary>
public sealed class ZohoTokenTests : IAsyncLifetime, IDisposable
{
    private const string Redirect = "http://127.0.0.1:9/callback";
    private const string Courses = $"api/v4/{Org}/courses.json";
    private const string TwoScopes = "TrainerCentral.courseapi.READ,TrainerCentral.talkapi.READ";
    private const int ZohoTokenLimit = 10;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private SandboxServer _server = null!;
    private SandboxOAuthClient _client = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var options = new SandboxOptions { Catalog = TestCatalog.Value, TimeProvider = _time };
        _server = await SandboxServer.StartAsync(options);
        _client = await _server.TrainerCentral.RegisterOAuthClientAsync();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server.BaseUrl };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Access_token_works_for_one_hour_and_then_is_refused()
    {
        var token = (await _server.TrainerCentral.CreateTokenAsync()).AccessToken;

        _time.Advance(TimeSpan.FromMinutes(59));
        var (before, _) = await GetAsync(_http, Courses, token);
        _time.Advance(TimeSpan.FromMinutes(1));
        var (after, body) = await GetAsync(_http, Courses, token);

        Assert.Equal(200, before);
        Assert.Equal(401, after);
        Assert.Equal("INVALID_OAUTHTOKEN", body!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Authorize_approves_at_once_and_redirects_with_code_state_location_and_accounts_server()
    {
        using var response = await _http.GetAsync(AuthorizeUrl("xyz-42"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Redirect + "?", location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("xyz-42", query["state"].ToString());
        Assert.Equal("us", query["location"].ToString());
        Assert.Equal(_server.BaseUrl.GetLeftPart(UriPartial.Authority), query["accounts-server"].ToString());
        Assert.False(string.IsNullOrEmpty(query["code"].ToString()));
    }

    [Fact]
    public async Task Authorize_refuses_an_unknown_client_and_a_scope_that_is_not_TrainerCentrals()
    {
        using var unknownClient = await _http.GetAsync(AuthorizeUrl("s", clientId: "nobody"));
        using var ghlScope = await _http.GetAsync(AuthorizeUrl("s", scope: "contacts.readonly"));

        Assert.Equal(HttpStatusCode.BadRequest, unknownClient.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ghlScope.StatusCode);
    }

    [Fact]
    public async Task Code_is_traded_once_for_a_pair_whose_access_token_lives_an_hour_and_works()
    {
        var code = await CodeAsync();

        var first = await TokenAsync(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect));
        var again = await TokenAsync(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect));

        Assert.Equal(3600, first["expires_in"]!.GetValue<int>());
        Assert.Equal("Bearer", first["token_type"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(first["refresh_token"]?.GetValue<string>()));
        Assert.Contains(TrainerCentralScopes.CourseRead, first["scope"]!.GetValue<string>().Split(','));
        Assert.Equal(200, (await GetAsync(_http, Courses, Access(first))).Status);
        Assert.Equal("invalid_code", again["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Code_older_than_two_minutes_is_refused()
    {
        var code = await CodeAsync();

        _time.Advance(TimeSpan.FromMinutes(2));
        var answer = await TokenAsync(("grant_type", "authorization_code"), ("code", code));

        Assert.Equal("invalid_code", answer["error"]!.GetValue<string>());
        Assert.Null(answer["access_token"]);
    }

    [Fact]
    public async Task Wrong_client_secret_is_refused_as_an_invalid_client()
    {
        var code = await CodeAsync();

        var answer = await TokenAsync(("grant_type", "authorization_code"), ("code", code), ("client_secret", "wrong"));

        Assert.Equal("invalid_client", answer["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_mints_a_new_access_token_and_keeps_the_same_refresh_token()
    {
        var pair = await _server.TrainerCentral.CreateTokenAsync(client: _client);

        var first = await TokenAsync(("grant_type", "refresh_token"), ("refresh_token", pair.RefreshToken));
        var second = await TokenAsync(("grant_type", "refresh_token"), ("refresh_token", pair.RefreshToken));

        Assert.Null(first["refresh_token"]);
        Assert.NotEqual(Access(first), Access(second));
        Assert.NotEqual(pair.AccessToken, Access(first));
        Assert.Equal(200, (await GetAsync(_http, Courses, Access(first))).Status);
        Assert.Equal(200, (await GetAsync(_http, Courses, Access(second))).Status);
        Assert.Equal(200, (await GetAsync(_http, Courses, pair.AccessToken)).Status);
    }

    [Fact]
    public async Task Eleventh_refresh_within_ten_minutes_is_denied_until_the_first_leaves_the_window()
    {
        var pair = await _server.TrainerCentral.CreateTokenAsync(client: _client);
        for (var i = 0; i < ZohoTokenLimit; i++)
        {
            var minted = await TokenAsync(("grant_type", "refresh_token"), ("refresh_token", pair.RefreshToken));
            Assert.NotNull(minted["access_token"]);
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        var (denied, body) = await PostTokenAsync(
            ("grant_type", "refresh_token"), ("refresh_token", pair.RefreshToken));
        _time.Advance(TimeSpan.FromMinutes(5));
        var later = await TokenAsync(("grant_type", "refresh_token"), ("refresh_token", pair.RefreshToken));

        Assert.Equal(400, denied);
        Assert.Equal("Access Denied", body["error"]!.GetValue<string>());
        Assert.Contains("too many requests", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(later["access_token"]);
    }

    [Fact]
    public async Task Refresh_token_of_another_client_is_refused()
    {
        var other = await _server.TrainerCentral.RegisterOAuthClientAsync();
        var pair = await _server.TrainerCentral.CreateTokenAsync(client: other);

        var answer = await TokenAsync(("grant_type", "refresh_token"), ("refresh_token", pair.RefreshToken));

        Assert.Equal("invalid_code", answer["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Runtime_OAuth_client_authorizes_exchanges_and_refreshes_with_the_connectors_settings()
    {
        var connector = TestCatalog.Value.GetConnector("trainercentral");
        var oauth = new OAuthClient(connector.Auth.OAuth2!.ToSettings(null, _server.BaseUrl), _http, _time);
        var redirect = new Uri(Redirect);

        var authorize = oauth.AuthorizeUrl(_client.ClientId, redirect, TrainerCentralScopes.All, "s-1");
        using var approved = await _http.GetAsync(authorize);
        var code = QueryHelpers.ParseQuery(approved.Headers.Location!.Query)["code"].ToString();
        var (id, secret) = (_client.ClientId, _client.ClientSecret);
        var tokens = await oauth.ExchangeCodeAsync(id, secret, code, redirect, null, default);
        var refreshed = await oauth.RefreshAsync(id, secret, tokens.RefreshToken!, null, default);

        Assert.Contains("access_type=offline", authorize.Query, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(1), oauth.ExpiryOf(tokens.ExpiresIn) - _time.GetUtcNow());
        Assert.Null(refreshed.RefreshToken);
        Assert.Equal(200, (await GetAsync(_http, Courses, refreshed.AccessToken)).Status);
    }

    private string AuthorizeUrl(string state, string? clientId = null, string scope = TwoScopes) =>
        QueryHelpers.AddQueryString("oauth/v2/auth", new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId ?? _client.ClientId,
            ["scope"] = scope,
            ["redirect_uri"] = Redirect,
            ["state"] = state,
            ["access_type"] = "offline",
            ["prompt"] = "consent",
        });

    private async Task<string> CodeAsync()
    {
        using var response = await _http.GetAsync(AuthorizeUrl("s"));
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString();
    }

    private async Task<JsonObject> TokenAsync(params (string Name, string Value)[] fields)
    {
        var (status, body) = await PostTokenAsync(fields);
        Assert.Equal(200, status);
        return body;
    }

    private async Task<(int Status, JsonObject Body)> PostTokenAsync(params (string Name, string Value)[] fields)
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

        using var response = await _http.PostAsync("oauth/v2/token", new FormUrlEncodedContent(form));
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static string Access(JsonObject tokens) => tokens["access_token"]!.GetValue<string>();
}
