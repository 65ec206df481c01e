using System.Diagnostics;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Operations.Loading;
using Connector.Runtime.Auth;
using Connector.Runtime.Http;
using Connector.Runtime.Http.RateLimiting;
using Connector.Sandbox;

namespace Connector.Bench;

/// <summary>
/// How fast the sandbox answers contacts.get (bare HttpClient, no limits) next to the runtime's own
/// throughput against it: the sandbox must not be what limits the runtime's figures.
/// </summary>
internal static class SandboxBenchmark
{
    private const int Concurrency = 16;

    public static async Task RunAsync(int requests)
    {
        var catalog = DefinitionLoader.Load(DefinitionsFolder.Locate()).Catalog;
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            Catalog = catalog,
            RateLimits = new SandboxRateLimits { BurstLimit = 10_000_000, DailyLimit = 100_000_000 },
        });
        var token = await sandbox.CreatePrivateTokenAsync();
        using var bare = new HttpClient { BaseAddress = sandbox.BaseUrl };
        using var clients = new ConnectorClients(
            new InvokerOptions { RateLimiter = new RateLimiterOptions { Enabled = false } });
        var invoker = new OperationInvoker(catalog, clients);
        var connection = new ConnectionContext
        {
            Auth = new StaticTokenSource(token.Token),
            BaseUrl = sandbox.BaseUrl,
            LocationId = token.LocationId,
            TokenType = TokenType.Location,
        };
        var inputs = new JsonObject { ["contactId"] = "seD4PfOuKoVMLkEZqohJ" };

        async Task Bare()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/contacts/seD4PfOuKoVMLkEZqohJ");
            request.Headers.Add("Authorization", $"Bearer {token.Token}");
            request.Headers.Add("Version", "2021-07-28");
            using var response = await bare.SendAsync(request);
            response.EnsureSuccessStatusCode();
            _ = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        }

        Task Runtime() => invoker.InvokeAsync("contacts.get", (JsonObject)inputs.DeepClone(), connection);

        await Measure.RateAsync(Bare, 2_000, Concurrency);
        await Measure.RateAsync(Runtime, 2_000, Concurrency);
        var sandboxRate = 0.0;
        var runtimeRate = 0.0;
        for (var round = 0; round < 3; round++)
        {
            sandboxRate = Math.Max(sandboxRate, await Measure.RateAsync(Bare, requests / 3, Concurrency));
            runtimeRate = Math.Max(runtimeRate, await Measure.RateAsync(Runtime, requests / 3, Concurrency));
        }

        Console.WriteLine($"sandbox: contacts.get, {requests:N0} requests each way, {Concurrency} at a time");
        Console.WriteLine($"  sandbox served (bare HttpClient) {sandboxRate,10:N0} requests/s");
        Console.WriteLine($"  runtime against the sandbox      {runtimeRate,10:N0} requests/s");
        Console.WriteLine($"  ratio runtime/sandbox             {runtimeRate / sandboxRate,9:0.00}   "
            + "(the sandbox has headroom when this is below 1)");
    }
}
