using Connector.Cli.Tests.Support;
using Connector.Runtime.Auth;
using Connector.Runtime.Connections;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Cli.Tests.Connections;

/// <summary>
/// Signs in, refreshes, obtains and renews location tokens and loses a refresh token, through the commands
/// and through a resolver that logs every level; then looks for each token and secret in the clear in the
/// home folder, every log line, every command's output and every exception.
/// </summary>
[Collection(SharedHome.Name)]
public sealed class SecretScanTests : IAsyncLifetime
{
    private const string Location = "ve9EPM428h8vShlRW1KT";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly CapturedLogs _logs = new();
    private readonly List<string> _secrets = [];
    private readonly List<string> _printed = [];
    private OAuthWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = (await OAuthWorld.StartAsync(_clock, _logs.Factory)).AsConnectorHome();
    }

    [Fact]
    public async Task AfterSignInRefreshLocationTokensAndRevocation_NoTokenIsInClearAnywhere()
    {
        await SignInWithTheCommandAsync();
        await RefreshThroughTheCommandAndTheResolverAsync();
        await UseAnAgencyLocationTokenTwiceAsync();
        var refused = await LoseTheRefreshTokenAsync();
        _printed.Add(refused.ToString());
        foreach (var command in new[] { "list", "show crm", "show agency" })
        {
            Assert.Equal(0, (await RunAsync(["connections", .. command.Split(' ')])).ExitCode);
        }

        Assert.Contains("needs re-authorization", (await RunAsync(["connections", "test", "crm"])).Error);

        // The scan must have something to read: each kind of event was logged.
        Assert.Contains(_logs.Lines, l => l.Contains(" 2001 ", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.Contains(" 2002 ", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.Contains(" 2004 ", StringComparison.Ordinal));
        Assert.Equal(_secrets.Count, _secrets.Distinct().Count());
        var everything = string.Join('\n', _world.HomeContents(), _logs.Text, string.Join('\n', _printed));
        Assert.All(_secrets, secret => Assert.DoesNotContain(secret, everything, StringComparison.Ordinal));
    }

    private async Task SignInWithTheCommandAsync()
    {
        var run = SignInRun.Start(
            "--name", "crm", "--client-id", _world.App.ClientId, "--client-secret", _world.App.ClientSecret,
            "--base-url", _world.Sandbox.BaseUrl.ToString(), "--timeout", "30");
        using (var browser = new HttpClient())
        {
            await browser.GetStringAsync(new Uri(await run.AuthorizeLineAsync()));
        }

        Assert.True(await run.Exit == 0, run.Error);
        _printed.Add(run.Output + run.Error);
        _secrets.Add(_world.App.ClientSecret);
        CollectPair("crm");
    }

    private async Task RefreshThroughTheCommandAndTheResolverAsync()
    {
        // The command's own process refreshes a token that has expired by the system clock...
        var stored = _world.Connections.Get("crm");
        Assert.True(_world.Connections.TrySaveTokens("crm", stored.Generation,
            new TokenSet(stored.AccessToken!, stored.RefreshToken, DateTimeOffset.UtcNow.AddHours(-1))));
        var invoked = await RunAsync(["invoke", "contacts.get", "--example", "--connection", "crm"]);
        Assert.True(invoked.ExitCode == 0, invoked.Error);
        Assert.NotEqual(stored.RefreshToken, _world.Connections.Get("crm").RefreshToken);
        CollectPair("crm");

        // ...and the logging resolver refreshes once the shared clock has moved past the new expiry.
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(200, (await _world.GetContactAsync(_world.Resolver.Resolve("crm"))).StatusCode);
        CollectPair("crm");
    }

    private async Task UseAnAgencyLocationTokenTwiceAsync()
    {
        var company = await _world.Sandbox.CreateCompanyTokenAsync();
        _secrets.Add(company.Token);
        _world.Connections.Add(new StoredConnection
        {
            Name = "agency",
            Connector = "ghl",
            Kind = ConnectionKind.PrivateToken,
            UserType = "Company",
            CompanyId = company.CompanyId,
            AccessToken = company.Token,
            BaseUrl = _world.Sandbox.BaseUrl,
        });
        for (var day = 0; day < 2; day++)
        {
            await _world.GetContactAsync(_world.Resolver.Resolve("agency", Location));
            _secrets.Add(_world.Connections.FindLocationToken("agency", Location)!.AccessToken);
            _clock.Advance(TimeSpan.FromDays(1));
        }

        var invoked = await RunAsync(
            ["invoke", "contacts.get", "--example", "--connection", "agency", "--location-id", Location]);
        Assert.True(invoked.ExitCode == 0, invoked.Error);
        _secrets.Add(_world.Connections.FindLocationToken("agency", Location)!.AccessToken);
    }

    private async Task<ReauthorizationRequiredException> LoseTheRefreshTokenAsync()
    {
        var stored = _world.Connections.Get("crm");
        var revoked = NewToken("revoked");
        _secrets.Add(revoked);
        Assert.True(_world.Connections.TrySaveTokens("crm", stored.Generation,
            new TokenSet(stored.AccessToken!, revoked, _clock.GetUtcNow().AddHours(-1))));
        _clock.Advance(TimeSpan.FromDays(1));

        var refused = await Assert.ThrowsAsync<ReauthorizationRequiredException>(
            () => _world.GetContactAsync(_world.Resolver.Resolve("crm")));
        var invoked = await RunAsync(["invoke", "contacts.get", "--example", "--connection", "crm"]);
        Assert.Contains("needs re-authorization", invoked.Error);
        return refused;
    }

    private static string NewToken(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private void CollectPair(string name)
    {
        var connection = _world.Connections.Get(name);
        _secrets.Add(connection.AccessToken!);
        _secrets.Add(connection.RefreshToken!);
    }

    private async Task<CliRun> RunAsync(string[] args)
    {
        var run = await CliRun.ExecuteAsync(args);
        _printed.Add($"{run.Output}\n{run.Error}");
        return run;
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        _logs.Dispose();
    }
}
