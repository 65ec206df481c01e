using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Operations.Tests.Support;
using Connector.Runtime.Auth;
using Connector.Runtime.Http;
using Connector.Runtime.Http.RateLimiting;
using Connector.Sandbox;

namespace Connector.Cli.Tests.Catalog;

/// <summary>
/// The shipped catalog against a sandbox on 127.0.0.1: an invoker that neither retries nor waits for
/// budget (so every refusal shows), and a location and an agency connection to it.
/// </summary>
internal sealed class SandboxCatalog : IAsyncDisposable
{
    private readonly ConnectorClients _clients = new(new InvokerOptions
    {
        MaxRetries = 0,
        RateLimiter = new RateLimiterOptions { Enabled = false },
    });

    private SandboxCatalog(SandboxServer sandbox, ConnectionContext location, ConnectionContext agency)
    {
        Sandbox = sandbox;
        Invoker = new OperationInvoker(ShippedCatalog.Instance, _clients);
        Location = location;
        Agency = agency;
    }

    public SandboxServer Sandbox { get; }

    public OperationInvoker Invoker { get; }

    public ConnectionContext Location { get; }

    public ConnectionContext Agency { get; }

    /// <param name="unlimited">Lift the sandbox's rate limits, for tests that send hundreds of requests.</param>
    public static async Task<SandboxCatalog> StartAsync(bool unlimited = true)
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            Catalog = ShippedCatalog.Instance,
            RateLimits = unlimited
                ? new SandboxRateLimits { BurstLimit = 100_000, DailyLimit = 1_000_000 }
                : SandboxRateLimits.Vendor,
        });
        var location = await sandbox.CreatePrivateTokenAsync();
        var company = await sandbox.CreateCompanyTokenAsync();
        var connection = new ConnectionContext
        {
            Name = "location",
            Auth = new StaticTokenSource(location.Token),
            BaseUrl = sandbox.BaseUrl,
            LocationId = location.LocationId,
            CompanyId = location.CompanyId,
            TokenType = TokenType.Location,
        };
        var agency = connection with
        {
            Name = "agency",
            Auth = new StaticTokenSource(company.Token),
            TokenType = TokenType.Company,
        };
        return new SandboxCatalog(sandbox, connection, agency);
    }

    public async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        await Sandbox.DisposeAsync();
    }
}
