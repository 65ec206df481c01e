using System.Diagnostics;
using System.Text.Json.Nodes;
using Connector.Operations.Definitions;
using Connector.Operations.Invoking;
using Connector.Operations.Loading;
using Connector.Runtime.Auth;
using Connector.Runtime.Http;
using Connector.Sandbox;

namespace Connector.Bench;

/// <summary>
/// A bulk job against the sandbox's real limit (100 requests per 10 s per location): how much of the
/// budget the runtime used, and how many 429s it met on the way.
/// </summary>
internal static class BudgetBenchmark
{
    private const int Concurrency = 16;

    public static async Task RunAsync(int invocations)
    {
        var catalog = DefinitionLoader.Load(DefinitionsFolder.Locate()).Catalog;
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Catalog = catalog });
        var limits = sandbox.RateLimits;
        var token = await sandbox.CreatePrivateTokenAsync();
        var throttled = 0;
        using var clients = new ConnectorClients(
            new InvokerOptions(),
            handlers: () => new CountingHandler(() => Interlocked.Increment(ref throttled)));
        var invoker = new OperationInvoker(catalog, clients);
        var connection = new ConnectionContext
        {
            Auth = new StaticTokenSource(token.Token),
            BaseUrl = sandbox.BaseUrl,
            LocationId = token.LocationId,
            TokenType = TokenType.Location,
        };

        var sent = new List<TimeSpan>();
        var watch = Stopwatch.StartNew();
        await Measure.RateAsync(async () =>
        {
            await invoker.InvokeAsync(
                "contacts.get", new JsonObject { ["contactId"] = "seD4PfOuKoVMLkEZqohJ" }, connection);
            lock (sent)
            {
                sent.Add(watch.Elapsed);
            }
        }, invocations, Concurrency);
        var elapsed = watch.Elapsed;

        // The most a client could have sent in that time: a full window at once, then one window's worth
        // each time a window slides. The ideal job of N requests takes (N / limit - 1) windows.
        var ideal = TimeSpan.FromTicks(
            limits.BurstWindow.Ticks * ((invocations + limits.BurstLimit - 1) / limits.BurstLimit - 1));
        Console.WriteLine($"budget: {invocations:N0} contacts.get through the runtime, {Concurrency} at a time, "
            + $"sandbox limit {limits.BurstLimit} per {limits.BurstWindow.TotalSeconds:0} s");
        Console.WriteLine($"  took {elapsed.TotalSeconds,8:0.0} s; "
            + $"the fastest a client can obey the limit: {ideal.TotalSeconds:0.0} s");
        Console.WriteLine($"  share of the budget used {ideal / elapsed,6:0.000}   (goal: 0.97 or more)");
        Console.WriteLine($"  429 responses met        {throttled,6}   (goal: none)");
    }

    /// <summary>Counts the 429s that reach the client, under the retries.</summary>
    private sealed class CountingHandler(Action throttled) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode == 429)
            {
                throttled();
            }

            return response;
        }
    }
}
