using Connector.Operations.Definitions;
using Connector.Runtime.Connections;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Cli.Tests.Connections;

public sealed class AgencyLocationTokenTests : IAsyncLifetime
{
    private const string Location = "ve9EPM428h8vShlRW1KT";

    // One clock for the sandbox and the token sources: a day later, the sandbox refuses the old token too.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private OAuthWorld _world = null!;

    public async Task InitializeAsync() => _world = await OAuthWorld.StartAsync(_clock);

    [Fact]
    public async Task CachedLocationToken_OnceExpired_IsObtainedAgainThroughLocationToken()
    {
        await AddAgencyAsync("agency");
        await _world.GetContactAsync(_world.Resolver.Resolve("agency", Location));
        await _world.GetContactAsync(_world.Resolver.Resolve("agency", Location));
        var first = _world.Connections.FindLocationToken("agency", Location)!;
        Assert.Equal(1, _world.OAuthRequests.Count("/oauth/locationToken"));

        _clock.Advance(TimeSpan.FromDays(1));
        var asLocation = _world.Resolver.Resolve("agency", Location);
        var result = await _world.GetContactAsync(asLocation);

        var second = _world.Connections.FindLocationToken("agency", Location)!;
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(TokenType.Location, asLocation.TokenType);
        Assert.Equal(2, _world.OAuthRequests.Count("/oauth/locationToken"));
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(86399), second.ExpiresAt);
        Assert.Equal(second.AccessToken, await asLocation.Auth.GetTokenAsync(default));
    }

    [Fact]
    public async Task CachedLocationToken_IsReadFromTheStore_ByAnotherProcess()
    {
        await AddAgencyAsync("agency");
        await _world.GetContactAsync(_world.Resolver.Resolve("agency", Location));

        using var other = new ConnectorProcess(_world.Home, new OAuthRequestLog());
        var result = await _world.GetContactAsync(other.Resolve("agency", Location));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(1, _world.OAuthRequests.Count("/oauth/locationToken"));
    }

    private async Task AddAgencyAsync(string name)
    {
        var company = await _world.Sandbox.CreateCompanyTokenAsync();
        _world.Connections.Add(new StoredConnection
        {
            Name = name,
            Connector = "ghl",
            Kind = ConnectionKind.PrivateToken,
            UserType = "Company",
            CompanyId = company.CompanyId,
            AccessToken = company.Token,
            BaseUrl = _world.Sandbox.BaseUrl,
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
