using Connector.Sandbox.TrainerCentral;
using Connector.Sandbox.Tests.Support;
using static Connector.Sandbox.Tests.TrainerCentral.TrainerCentralApi;

namespace Connector.Sandbox.Tests.TrainerCentral;

/// <summary>What the TrainerCentral API asks of a request before answering: credential, scope, academy.</summary>
public sealed class AcademyAuthTests(TrainerCentralFixture sandbox) : IClassFixture<TrainerCentralFixture>
{
    private const string Courses = $"api/v4/{Org}/courses.json";

    [Fact]
    public async Task Portals_give_the_org_id_that_every_other_path_takes()
    {
        var (status, body) = await GetAsync(sandbox.Http, "api/v4/org/portals.json", sandbox.Token);

        Assert.Equal(200, status);
        var portal = Assert.Single(body!["portals"]!.AsArray());
        Assert.Equal("true", Text(portal, "isDefault"));
        Assert.Equal(sandbox.Server.TrainerCentral.OrgId, Text(portal, "id"));
        var (courses, _) = await GetAsync(sandbox.Http, $"api/v4/{Text(portal, "id")}/courses.json", sandbox.Token);
        Assert.Equal(200, courses);
    }

    [Fact]
    public async Task A_request_without_a_token_is_refused_with_401_in_Zohos_error_shape()
    {
        var (status, body) = await GetAsync(sandbox.Http, Courses, token: null);

        Assert.Equal(401, status);
        Assert.Equal("INVALID_OAUTHTOKEN", body!["error"]!["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["error"]!["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_valid_token_sent_as_Bearer_is_refused()
    {
        var (status, _) = await SendAsync(sandbox.Http, HttpMethod.Get, Courses, sandbox.Token, scheme: "Bearer");

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Credentials_do_not_cross_between_GHL_and_TrainerCentral()
    {
        var ghl = (await sandbox.Server.CreatePrivateTokenAsync()).Token;

        var (ghlOnTc, _) = await GetAsync(sandbox.Http, Courses, ghl);
        var (tcOnGhl, _, _) = await Api.GetAsync(sandbox.Http, $"contacts/{WellKnownIds.Contact}", sandbox.Token);
        var (ghlOnGhl, _, _) = await Api.GetAsync(sandbox.Http, $"contacts/{WellKnownIds.Contact}", ghl);

        Assert.Equal(401, ghlOnTc);
        Assert.Equal(401, tcOnGhl);
        Assert.Equal(200, ghlOnGhl);
    }

    [Fact]
    public async Task A_token_without_the_endpoints_scope_is_refused_and_with_it_is_answered()
    {
        var pair = await sandbox.Server.TrainerCentral.CreateTokenAsync([TrainerCentralScopes.PortalRead]);
        var token = pair.AccessToken;

        var (courses, body) = await GetAsync(sandbox.Http, Courses, token);
        var (portals, _) = await GetAsync(sandbox.Http, "api/v4/org/portals.json", token);

        Assert.Equal(401, courses);
        Assert.Equal("OAUTH_SCOPE_MISMATCH", body!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(200, portals);
    }

    [Fact]
    public async Task Another_academys_org_id_is_refused_with_403()
    {
        var (status, body) = await GetAsync(sandbox.Http, "api/v4/999999999/courses.json", sandbox.Token);

        Assert.Equal(403, status);
        Assert.Contains("999999999", body!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_path_under_api_v4_is_a_404_in_Zohos_shape()
    {
        var (status, body) = await GetAsync(sandbox.Http, $"api/v4/{Org}/nothing.json", sandbox.Token);

        Assert.Equal(404, status);
        Assert.NotNull(body!["error"]!["code"]);
    }

    [Fact]
    public async Task CreateTokenAsync_refuses_a_scope_that_is_not_TrainerCentrals()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => sandbox.Server.TrainerCentral.CreateTokenAsync(["contacts.readonly"]));

        Assert.Contains("contacts.readonly", error.Message, StringComparison.Ordinal);
    }
}
