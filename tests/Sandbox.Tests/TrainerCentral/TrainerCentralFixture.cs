using Connector.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Connector.Sandbox.Tests.TrainerCentral;

/// <summary>
/// A sandbox on a fake clock with 45 generated learners, and a TrainerCentral token carrying every scope.
/// Tests that change the academy reset it first.
/// </summary>
public sealed class TrainerCentralFixture : IAsyncLifetime
{
    public const int Generated = 45;

    private SandboxServer? _server;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public SandboxServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public HttpClient Http { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(
            new SandboxOptions { Catalog = TestCatalog.Value, Seed = Generated, TimeProvider = Time });
        Http = new HttpClient { BaseAddress = _server.BaseUrl };
        Token = (await _server.TrainerCentral.CreateTokenAsync()).AccessToken;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
