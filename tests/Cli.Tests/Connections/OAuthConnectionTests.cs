using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Runtime.Auth;
using Connector.Runtime.Connections;

namespace Connector.Cli.Tests.Connections;

public sealed class OAuthConnectionTests : IAsyncLifetime
{
    private OAuthWorld _world = null!;

    public async Task InitializeAsync() => _world = await OAuthWorld.StartAsync();

    [Fact]
    public async Task SignedInConnection_InvokesWithItsLocationAndScopes()
    {
        var stored = await _world.SignInAsync("crm");

        var context = _world.Resolver.Resolve("crm");
        var result = await _world.GetContactAsync(context);

        Assert.Equal("Location", stored.UserType);
        Assert.Equal(TokenType.Location, context.TokenType);
        Assert.Equal("seD4PfOuKoVMLkEZqohJ", result.Output!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExpiredToken_HundredConcurrentInvocations_RefreshExactlyOnce()
    {
        await _world.SignInAsync("crm", expiresAt: DateTimeOffset.UtcNow.AddHours(-1));
        var before = _world.Connections.Get("crm");
        var context = _world.Resolver.Resolve("crm");

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _world.GetContactAsync(context)));

        Assert.All(results, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(1, ((OAuthTokenSource)context.Auth).RefreshCount);
        var after = _world.Connections.Get("crm");
        Assert.NotEqual(before.RefreshToken, after.RefreshToken);
        Assert.Equal(before.Generation + 1, after.Generation);
        Assert.True(after.ExpiresAt > DateTimeOffset.UtcNow.AddHours(23));
    }

    [Fact]
    public async Task RotatedRefreshToken_TheOldOneIsRefused_AndAnotherProcessesPairIsAdopted()
    {
        await _world.SignInAsync("crm", expiresAt: DateTimeOffset.UtcNow.AddHours(-1));
        var first = _world.Resolver.Resolve("crm");
        await _world.GetContactAsync(first);

        // A second process, with its own resolver, starts from the store: it sees the rotated pair.
        using var http = new HttpClient();
        using var other = new Operations.Connections.ConnectionResolver(
            Operations.Tests.Support.ShippedCatalog.Instance,
            _world.Connections,
            http);
        var result = await _world.GetContactAsync(other.Resolve("crm"));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(ConnectionStatus.Active, _world.Connections.Get("crm").Status);
    }

    [Fact]
    public async Task RevokedRefreshToken_MarksTheConnectionForReauthorization()
    {
        await _world.SignInAsync("crm", expiresAt: DateTimeOffset.UtcNow.AddHours(-1));
        var stored = _world.Connections.Get("crm");
        Assert.True(_world.Connections.TrySaveTokens("crm", stored.Generation,
            new TokenSet(
                stored.AccessToken!,
                "revoked-" + Guid.NewGuid().ToString("N"),
                DateTimeOffset.UtcNow.AddHours(-1))));
        var context = _world.Resolver.Resolve("crm");

        var error = await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => _world.GetContactAsync(context));

        Assert.Contains("needs re-authorization", error.Message);
        Assert.Equal(ConnectionStatus.NeedsReauthorization, _world.Connections.Get("crm").Status);
        Assert.Throws<ReauthorizationRequiredException>(() => _world.Resolver.Resolve("crm"));
    }

    [Fact]
    public async Task ConnectionLackingAScope_IsRefusedBeforeAnyRequest()
    {
        await _world.SignInAsync("crm");
        var context = _world.Resolver.Resolve("crm");

        var error = await Assert.ThrowsAsync<InvocationException>(() =>
            _world.Invoker.InvokeAsync("opportunities.get", new() { ["id"] = "oPpO00000000000000a1" }, context));

        Assert.Contains("lacks the scope 'opportunities.readonly'", error.Message);
    }

    [Fact]
    public async Task AgencyConnection_GetsALocationTokenOnDemand_AndKeepsIt()
    {
        var company = await _world.Sandbox.CreateCompanyTokenAsync();
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

        var asLocation = _world.Resolver.Resolve("agency", "ve9EPM428h8vShlRW1KT");
        var result = await _world.GetContactAsync(asLocation);
        var again = _world.Resolver.Resolve("agency", "ve9EPM428h8vShlRW1KT");

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(TokenType.Location, asLocation.TokenType);
        Assert.Same(asLocation.Auth, again.Auth);
        Assert.NotNull(_world.Connections.FindLocationToken("agency", "ve9EPM428h8vShlRW1KT"));
        Assert.Equal(TokenType.Company, _world.Resolver.Resolve("agency").TokenType);
    }

    [Fact]
    public async Task HomeFolder_AfterSignInsAndRefreshes_HoldsNoTokenInClear()
    {
        var stored = await _world.SignInAsync("crm", expiresAt: DateTimeOffset.UtcNow.AddHours(-1));
        await _world.GetContactAsync(_world.Resolver.Resolve("crm"));
        var refreshed = _world.Connections.Get("crm");

        var contents = _world.HomeContents();

        Assert.DoesNotContain(stored.AccessToken!, contents);
        Assert.DoesNotContain(stored.RefreshToken!, contents);
        Assert.DoesNotContain(refreshed.AccessToken!, contents);
        Assert.DoesNotContain(refreshed.RefreshToken!, contents);
        Assert.DoesNotContain(_world.App.ClientSecret, contents);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
