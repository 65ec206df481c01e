using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Connector.Operations.Invoking;
using Connector.Operations.Loading;
using Connector.Runtime.Auth;
using Connector.Runtime.Http.RateLimiting;

namespace Connector.Bench;

/// <summary>
/// The same contacts.create requests sent through the runtime and through a bare HttpClient, with the
/// same concurrency, against one local server; prints the ratio of their throughputs.
/// </summary>
internal static class PipelineBenchmark
{
    private const int Concurrency = 16;
    private const int Rounds = 5;

    public static async Task RunAsync(int requests)
    {
        await using var server = await EchoServer.StartAsync();
        var catalog = DefinitionLoader.Load(DefinitionsFolder.Locate()).Catalog;
        var op = catalog.Get("contacts.create");
        using var clients = new ConnectorClients(new InvokerOptions { RateLimiter = new RateLimiterOptions { Enabled = false } });
        var invoker = new OperationInvoker(catalog, clients);
        var connection = new ConnectionContext { Auth = new StaticTokenSource("pit-bench"), BaseUrl = server.BaseUrl };
        using var bare = new HttpClient { BaseAddress = server.BaseUrl };
        var body = op.Example.ToJsonString();

        Task Runtime() => invoker.InvokeAsync(op.Key, (JsonObject)op.Example.DeepClone(), connection);
        async Task Bare()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/contacts/")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Authorization", "Bearer pit-bench");
            request.Headers.Add("Version", "2021-07-28");
            request.Headers.Add("Accept", "application/json");
            using var response = await bare.SendAsync(request);
            _ = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["contact"];
        }

        // Warm both paths so JIT and connection set-up are not measured, then alternate rounds so
        // that a noisy moment of the machine does not fall on one side only; the best round counts.
        // Tiered compilation promotes hot methods only after thousands of calls: warm well past that.
        await MeasureAsync(Bare, 3_000);
        await MeasureAsync(Runtime, 3_000);
        var bareRate = 0.0;
        var runtimeRate = 0.0;
        for (var round = 0; round < Rounds; round++)
        {
            bareRate = Math.Max(bareRate, await MeasureAsync(Bare, requests / Rounds));
            runtimeRate = Math.Max(runtimeRate, await MeasureAsync(Runtime, requests / Rounds));
        }

        Console.WriteLine($"pipeline: {requests:N0} contacts.create each way in {Rounds} alternating rounds (best), "
            + $"{Concurrency} at a time, rate limiter off");
        Console.WriteLine($"  bare HttpClient   {bareRate,10:N0} requests/s");
        Console.WriteLine($"  runtime           {runtimeRate,10:N0} requests/s");
        Console.WriteLine($"  ratio runtime/bare {runtimeRate / bareRate,9:0.00}   (goal: 0.80 or more)");
    }

    private static Task<double> MeasureAsync(Func<Task> send, int count) => Measure.RateAsync(send, count, Concurrency);
}
