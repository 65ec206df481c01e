using System.Net;
using System.Web;

namespace Connector.Cli.Tests.Connections;

/// <summary>The sign-in address `connections add` prints, and how it treats the redirect that comes back.</summary>
[Collection(SharedHome.Name)]
public sealed class SignInCommandTests : IAsyncLifetime
{
    private OAuthWorld _world = null!;

    public async Task InitializeAsync() => _world = (await OAuthWorld.StartAsync()).AsConnectorHome();

    [Fact]
    public async Task Add_WithSeveralScopes_PrintsAnAddressWithoutRawSpaces_ThatSignsInWithThoseScopes()
    {
        var run = SignInRun.Start(
            "--name", "crm", "--client-id", _world.App.ClientId, "--client-secret", _world.App.ClientSecret,
            "--scopes", "contacts.readonly locations.readonly",
            "--base-url", _world.Sandbox.BaseUrl.ToString(), "--timeout", "30");

        var printed = await run.AuthorizeLineAsync();
        using (var browser = new HttpClient())
        {
            Assert.Contains("Connected", await browser.GetStringAsync(new Uri(printed)));
        }

        Assert.True(await run.Exit == 0, run.Error);
        Assert.DoesNotContain(' ', printed);
        Assert.Contains("scope=contacts.readonly%20locations.readonly", printed);
        Assert.Equal(["contacts.readonly", "locations.readonly"], _world.Connections.Get("crm").Scopes);
    }

    [Fact]
    public async Task Add_RedirectWithAnotherState_IsRefused_AndNothingIsStored()
    {
        var run = SignInRun.Start(
            "--name", "crm", "--client-id", _world.App.ClientId, "--client-secret", _world.App.ClientSecret,
            "--base-url", _world.Sandbox.BaseUrl.ToString(), "--timeout", "30");
        var authorize = new Uri(await run.AuthorizeLineAsync());
        var redirect = HttpUtility.ParseQueryString(authorize.Query)["redirect_uri"]!;

        // A redirect this command did not start: a real code from the vendor, but someone else's state.
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var approval = await browser.GetAsync(authorize.AbsoluteUri.Replace(
            "state=", "state=forged", StringComparison.Ordinal));
        var forged = approval.Headers.Location!;
        Assert.StartsWith(redirect, forged.AbsoluteUri, StringComparison.Ordinal);
        using var answer = await browser.GetAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(1, await run.Exit);
        Assert.Contains("different state: refused", run.Error);
        Assert.Null(_world.Connections.Find("crm"));
    }

    [Theory]
    [InlineData(false, "marketplace.gohighlevel.com")]
    [InlineData(true, "marketplace.leadconnectorhq.com")]
    public async Task Add_PrintsTheConnectorsAuthorizeAddress_OrItsWhiteLabelOne(bool whiteLabel, string host)
    {
        string[] args = ["--name", "crm", "--client-id", "client-1", "--client-secret", "not-used", "--timeout", "1"];
        var run = SignInRun.Start(whiteLabel ? [.. args, "--white-label"] : args);

        var printed = new Uri(await run.AuthorizeLineAsync());

        Assert.Equal(host, printed.Host);
        Assert.Equal("/v2/oauth/chooselocation", printed.AbsolutePath);
        Assert.Equal(1, await run.Exit);
        Assert.Contains("no sign-in within 1 s", run.Error);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
