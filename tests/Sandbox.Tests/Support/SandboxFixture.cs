namespace Connector.Sandbox.Tests.Support;

/// <summary>A sandbox shared by a test class, with a location and an agency token carrying every scope.</summary>
public class SandboxFixture : IAsyncLifetime
{
    private SandboxServer? _server;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public HttpClient Http { get; private set; } = null!;

    public string LocationToken { get; private set; } = "";

    public string CompanyToken { get; private set; } = "";

    /// <summary>How the sandbox is started: in memory, seeded with no generated contacts.</summary>
    protected virtual SandboxOptions Options => new() { Catalog = TestCatalog.Value };

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(Options);
        LocationToken = (await _server.CreatePrivateTokenAsync()).Token;
        CompanyToken = (await _server.CreateCompanyTokenAsync()).Token;
        Http = new HttpClient { BaseAddress = _server.BaseUrl };
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
