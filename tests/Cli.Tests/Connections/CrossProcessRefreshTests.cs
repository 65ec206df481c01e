using System.Collections.Concurrent;
using System.Net;
using Connector.Runtime.Auth;
using Connector.Runtime.Connections;

namespace Connector.Cli.Tests.Connections;

/// <summary>
/// Two processes refreshing one connection whose access token has expired, each with its own store on the
/// same SQLite file: only one can spend the refresh token, and the other is refused it (invalid_grant).
/// </summary>
public sealed class CrossProcessRefreshTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<HttpStatusCode> _refreshes = new();
    private OAuthWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await OAuthWorld.StartAsync();
        await _world.SignInAsync("crm", expiresAt: DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Fact]
    public async Task RefusedProcessMarksWhileTheOtherStores_TheNewPairIsKept_AndTheConnectionWorks()
    {
        var before = _world.Connections.Get("crm");
        using var gateB = new TokenRequestGate(_refreshes, hold: true);
        using var processA = new ConnectorProcess(_world.Home, new TokenRequestGate(_refreshes, hold: false));
        using var processB = new ConnectorProcess(_world.Home, gateB);
        var sourceA = processA.TokenSource("crm");
        var sourceB = processB.TokenSource("crm");

        // B has spent the refresh token and holds the new pair, not yet stored, when A is refused the same one.
        var refreshingB = sourceB.GetTokenAsync(default).AsTask();
        await gateB.Answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<ReauthorizationRequiredException>(() => sourceA.GetTokenAsync(default).AsTask());
        Assert.Equal(ConnectionStatus.NeedsReauthorization, processA.Connections.Get("crm").Status);
        gateB.Release();
        var tokenB = await refreshingB;

        var after = _world.Connections.Get("crm");
        Assert.Equal(ConnectionStatus.Active, after.Status);
        Assert.Equal(tokenB, after.AccessToken);
        Assert.NotEqual(before.RefreshToken, after.RefreshToken);
        await AssertBothInvokeAsync(processA, processB);
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest }, _refreshes.Order());
        Assert.Equal(tokenB, await sourceA.GetTokenAsync(default));
    }

    [Fact]
    public async Task RefusedProcessRereadsAfterTheOtherStored_AdoptsItsPair_WithoutMarking()
    {
        using var gateA = new TokenRequestGate(_refreshes, hold: true);
        using var gateB = new TokenRequestGate(_refreshes, hold: true);
        using var processA = new ConnectorProcess(_world.Home, gateA);
        using var processB = new ConnectorProcess(_world.Home, gateB);
        var sourceA = processA.TokenSource("crm");
        var sourceB = processB.TokenSource("crm");

        // A is refused the refresh token B has just spent; B stores its pair before A reads the store again.
        var refreshingB = sourceB.GetTokenAsync(default).AsTask();
        await gateB.Answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var refreshingA = sourceA.GetTokenAsync(default).AsTask();
        await gateA.Answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        gateB.Release();
        var tokenB = await refreshingB;
        gateA.Release();
        var tokenA = await refreshingA;

        Assert.Equal(tokenB, tokenA);
        Assert.Equal(ConnectionStatus.Active, _world.Connections.Get("crm").Status);
        await AssertBothInvokeAsync(processA, processB);
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest }, _refreshes.Order());
    }

    // Each process invokes twice more: the stored pair serves both, and no further refresh is sent.
    private async Task AssertBothInvokeAsync(ConnectorProcess processA, ConnectorProcess processB)
    {
        foreach (var process in new[] { processA, processB, processA, processB })
        {
            var result = await _world.GetContactAsync(process.Resolve("crm"));
            Assert.Equal(200, result.StatusCode);
        }

        Assert.Equal(1, _refreshes.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, _refreshes.Count);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
