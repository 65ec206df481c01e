using System.Text.Json.Nodes;
using Connector.Operations.Invoking;
using Connector.Operations.Tests.Support;
using Connector.Runtime.Auth;
using Connector.Sandbox;
using Connector.Sandbox.TrainerCentral;

namespace Connector.Operations.Tests.TrainerCentral;

/// <summary>
/// The sandbox's TrainerCentral academy (45 generated learners besides the well-known ones) on 127.0.0.1,
/// with an invoker of the shipped catalog and connections to it. Tests that change the academy reset it.
/// </summary>
public sealed class AcademySandbox : IAsyncLifetime, IDisposable
{
    public const int Learners = 45 + 3;

    private SandboxServer? _server;
    private ConnectorClients? _clients;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public OperationInvoker Invoker { get; private set; } = null!;

    public ConnectionContext Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new SandboxOptions { Catalog = ShippedCatalog.Instance, Seed = Learners - 3 };
        _server = await SandboxServer.StartAsync(options);
        _clients = new ConnectorClients(new InvokerOptions { MaxRetries = 0 });
        Invoker = new OperationInvoker(ShippedCatalog.Instance, _clients);
        Connection = await ConnectAsync();
    }

    /// <summary>A connection to the academy whose token carries the scopes named (default: all).</summary>
    public async Task<ConnectionContext> ConnectAsync(IEnumerable<string>? scopes = null)
    {
        var token = await Server.TrainerCentral.CreateTokenAsync(scopes);
        return new ConnectionContext
        {
            Name = "academy",
            Auth = new StaticTokenSource(token.AccessToken),
            BaseUrl = Server.BaseUrl,
            Values = new Dictionary<string, string> { ["orgId"] = Server.TrainerCentral.OrgId },
        };
    }

    public Task<InvocationResult> InvokeAsync(string key, JsonObject inputs, ConnectionContext? connection = null) =>
        Invoker.InvokeAsync(key, inputs, connection ?? Connection);

    public async Task<List<JsonNode>> ReadItemsAsync(string key, JsonObject inputs)
    {
        var items = new List<JsonNode>();
        await foreach (var item in Invoker.ReadItemsAsync(key, inputs, Connection))
        {
            items.Add(item!);
        }

        return items;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _clients?.Dispose();
}
