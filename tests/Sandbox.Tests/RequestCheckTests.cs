using System.Text.Json.Nodes;
using Connector.Sandbox.Tests.Support;

namespace Connector.Sandbox.Tests;

/// <summary>The vendor's checks in its words: token, Version header, token kind, scopes, locations, fields.</summary>
public sealed class RequestCheckTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string Contact = $"contacts/{WellKnownIds.Contact}";

    private HttpClient Http => sandbox.Http;

    [Theory]
    [InlineData(null)]
    [InlineData("pit-00000000-0000-0000-0000-000000000000")]
    public async Task Missing_or_unknown_token_is_answered_401_invalid_token(string? token)
    {
        var (status, body, response) = await Api.GetAsync(Http, Contact, token);

        Assert.Equal(401, status);
        Assert.Equal(401, body!["statusCode"]!.GetValue<int>());
        Assert.Equal("Invalid token: access token is invalid", body["message"]!.GetValue<string>());
        Assert.Equal("Unauthorized", body["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["traceId"]?.GetValue<string>()));
        Assert.Equal("", Api.Header(response, "X-RateLimit-Remaining"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2021-04-15")]
    [InlineData("2020-01-01")]
    public async Task Missing_or_wrong_Version_header_is_answered_400(string? version)
    {
        var (status, body, _) = await Api.GetAsync(Http, Contact, sandbox.LocationToken, version);

        Assert.Equal(400, status);
        Assert.Equal("Bad Request", body!["error"]!.GetValue<string>());
        Assert.Contains("Version", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2021-07-28")]
    [InlineData("2023-02-21")]
    public async Task The_definitions_version_and_the_vendor_SDKs_version_are_accepted(string version)
    {
        var (status, body, _) = await Api.GetAsync(Http, Contact, sandbox.LocationToken, version);

        Assert.Equal(200, status);
        Assert.Equal(WellKnownIds.Contact, body!["contact"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Operation_without_a_version_needs_no_Version_header()
    {
        var (status, _, _) = await Api.GetAsync(
            Http, $"conversations/messages/email/{WellKnownIds.EmailMessage}", sandbox.LocationToken, version: null);

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Token_without_the_operations_scope_is_answered_401()
    {
        var token = await sandbox.Server.CreatePrivateTokenAsync(scopes: ["contacts.write"]);

        var (status, body, _) = await Api.GetAsync(Http, Contact, token.Token);

        Assert.Equal(401, status);
        Assert.Equal("The token is not authorized for this scope.", body!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Token_with_the_operations_scope_only_is_enough()
    {
        var token = await sandbox.Server.CreatePrivateTokenAsync(scopes: ["contacts.readonly"]);

        var (status, _, _) = await Api.GetAsync(Http, Contact, token.Token);

        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData("contacts/?locationId=lOcA00000000000000a2")]
    [InlineData("opportunities/search?location_id=lOcA00000000000000a2")]
    [InlineData("locations/lOcA00000000000000a2/customFields")]
    public async Task Location_the_token_does_not_cover_is_answered_403(string path)
    {
        var (status, body, _) = await Api.GetAsync(Http, path, sandbox.LocationToken);

        Assert.Equal(403, status);
        Assert.Equal("The token does not have access to this location.", body!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Location_in_the_body_that_the_token_does_not_cover_is_answered_403()
    {
        var (status, body, _) = await Api.PostAsync(Http, "contacts/", sandbox.LocationToken,
            new JsonObject { ["locationId"] = "lOcA00000000000000a2", ["firstName"] = "Ana" });

        Assert.Equal(403, status);
        Assert.Equal("The token does not have access to this location.", body!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Object_of_a_location_the_token_does_not_cover_is_answered_403()
    {
        var other = await sandbox.Server.CreatePrivateTokenAsync("lOcA00000000000000a2");

        var (status, _, _) = await Api.GetAsync(Http, Contact, other.Token);

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task Agency_token_reaches_every_location_of_its_company_and_no_other()
    {
        var own = await sandbox.Server.CreateCompanyTokenAsync();
        var stranger = await sandbox.Server.CreateCompanyTokenAsync("oThErCoMpAnY00000001");

        var (ownStatus, ownBody, _) = await Api.GetAsync(Http, "locations/lOcA00000000000000a2", own.Token);
        var (strangerStatus, _, _) = await Api.GetAsync(Http, "locations/lOcA00000000000000a2", stranger.Token);

        Assert.Equal(200, ownStatus);
        Assert.Equal(WellKnownIds.Company, ownBody!["location"]!["companyId"]!.GetValue<string>());
        Assert.Equal(403, strangerStatus);
    }

    [Fact]
    public async Task Location_token_on_an_agency_only_operation_is_answered_401()
    {
        var (status, body, _) = await Api.GetAsync(Http, $"companies/{WellKnownIds.Company}", sandbox.LocationToken);

        Assert.Equal(401, status);
        Assert.Contains("authClass", body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_body_field_is_answered_422_with_a_list_of_messages()
    {
        var (status, body, _) = await Api.PostAsync(Http, "contacts/search", sandbox.LocationToken,
            new JsonObject { ["locationId"] = WellKnownIds.Location });

        Assert.Equal(422, status);
        Assert.Equal(422, body!["statusCode"]!.GetValue<int>());
        Assert.Equal("Unprocessable Entity", body["error"]!.GetValue<string>());
        var messages = body["message"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        Assert.Contains("pageLimit should not be empty", messages);
    }

    [Fact]
    public async Task Body_field_of_the_wrong_type_is_answered_422_naming_it()
    {
        var (status, body, _) = await Api.PostAsync(Http, "contacts/", sandbox.LocationToken, new JsonObject
        {
            ["locationId"] = WellKnownIds.Location,
            ["firstName"] = 42,
            ["tags"] = "vip",
            ["dnd"] = "yes",
        });

        Assert.Equal(422, status);
        var messages = body!["message"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
        string[] expected = ["firstName must be a string", "dnd must be a boolean value", "tags must be an array"];
        Assert.Equal(expected, messages);
    }

    [Fact]
    public async Task Value_outside_the_fields_choices_is_answered_422()
    {
        var (status, body, _) = await Api.SendAsync(Http, Api.Request(HttpMethod.Put,
            $"opportunities/{WellKnownIds.Opportunity}/status", sandbox.LocationToken,
            body: new JsonObject { ["status"] = "maybe" }));

        Assert.Equal(422, status);
        Assert.StartsWith("status must be one of the following values: open, won, lost, abandoned",
            body!["message"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_that_is_not_JSON_is_answered_400()
    {
        using var request = Api.Request(HttpMethod.Post, "contacts/", sandbox.LocationToken);
        request.Content = new StringContent("{\"firstName\": ", System.Text.Encoding.UTF8, "application/json");

        var (status, _, _) = await Api.SendAsync(Http, request);

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Literal_path_segment_wins_over_a_parameter()
    {
        var path = $"contacts/search/duplicate?locationId={WellKnownIds.Location}&email=ROSAN@deos.com";

        var (status, body, _) = await Api.GetAsync(Http, path, sandbox.LocationToken);

        Assert.Equal(200, status);
        Assert.Equal(WellKnownIds.Contact, body!["contact"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_path_is_answered_404_in_the_vendors_shape()
    {
        var (status, body, _) = await Api.GetAsync(Http, "nothing/here", sandbox.LocationToken);

        Assert.Equal(404, status);
        Assert.Equal("Cannot GET /nothing/here", body!["message"]!.GetValue<string>());
    }
}
