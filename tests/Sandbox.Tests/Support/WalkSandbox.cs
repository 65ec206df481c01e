namespace Connector.Sandbox.Tests.Support;

/// <summary>One sandbox, with a location token and an agency token carrying every scope, shared by a test class.</summary>
public sealed class WalkSandbox : IAsyncLifetime
{
    private SandboxServer? _server;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public HttpClient Http { get; private set; } = null!;

    public string LocationToken { get; private set; } = "";

    public string CompanyToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { Catalog = TestCatalog.Value });
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
