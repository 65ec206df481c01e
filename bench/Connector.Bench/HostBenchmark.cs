using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Connector.Cli;
using Connector.Operations.Loading;
using Connector.Recipes.Hosting;
using Connector.Runtime.Connections;
using Connector.Runtime.Storage;
using Connector.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Impl.Matchers;

namespace Connector.Bench;

/// <summary>
/// Many recipes polling contacts.list every minute in one host, with nothing new to fire: the CPU one poll
/// costs next to the CPU of one bare contacts.list request, how late polls start, and the process's peak
/// memory. The host is the one <c>connector host</c> runs (its session, store and scheduler), on a temporary
/// CONNECTOR_HOME, against the sandbox in this process.
/// </summary>
internal static class HostBenchmark
{
    /// <summary>
    /// Recipes per location unless told otherwise: at one poll a minute each, a sixth of the GHL burst budget
    /// of a location (100 per 10 s, so 600 a minute), leaving the rest for the recipes' actions.
    /// </summary>
    public const int RecipesPerLocation = 100;

    private const int ContactsPerLocation = 10;
    private const int BaselineRequests = 3_000;
    private const double Megabyte = 1024 * 1024;
    private static readonly TimeSpan PacedBaseline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    // The sandbox's own limits are lifted so that it never refuses a poll; the pipeline's limiter still
    // holds every location to GHL's real budget, as it would against GHL.
    private static readonly SandboxRateLimits Lifted = new() { BurstLimit = 10_000_000, DailyLimit = 100_000_000 };

    public static async Task RunAsync(int recipes, int minutes, int locations)
    {
        if (recipes < 1 || minutes < 1 || locations < 1 || locations > recipes)
        {
            throw new ArgumentException(
                $"host needs --recipes and --minutes of 1 or more, and --locations from 1 to the number of recipes; "
                + $"got {recipes} recipes, {minutes} minutes, {locations} locations");
        }

        var folder = Directory.CreateTempSubdirectory("connector-bench-host-");
        var home = Environment.GetEnvironmentVariable(ConnectorHome.Variable);
        Environment.SetEnvironmentVariable(ConnectorHome.Variable, Path.Combine(folder.FullName, "home"));
        try
        {
            await RunInAsync(folder.FullName, recipes, minutes, locations);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConnectorHome.Variable, home);
            folder.Delete(recursive: true);
        }
    }

    private static async Task RunInAsync(string folder, int recipes, int minutes, int locations)
    {
        var setUp = Stopwatch.StartNew();
        var catalog = DefinitionLoader.Load(DefinitionsFolder.Locate()).Catalog;
        var sandboxOptions = new SandboxOptions { Catalog = catalog, RateLimits = Lifted };
        await using var sandbox = await SandboxServer.StartAsync(sandboxOptions);
        var tokens = await SandboxLocations.CreateAsync(sandbox, catalog, locations, ContactsPerLocation);
        AddConnections(sandbox.BaseUrl, tokens);
        var recipesFolder = WriteRecipes(folder, recipes, locations);
        setUp.Stop();

        var bare = await BareListCpuAsync(sandbox, tokens[0], recipes);
        var countedBefore = await SandboxCountAsync(sandbox, tokens);
        var watch = new PollWatch();
        var problems = new ProblemCounter();
        using var session = new RecipeSession(definitions: null);
        var options = new RecipeHostOptions { RecipesFolder = recipesFolder };
        using var host = RecipeHostBuilder.Build(
            options,
            session.Catalog,
            session.Engine,
            logging => logging.AddProvider(problems));
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(watch, GroupMatcher<JobKey>.AnyGroup());
        scheduler.ListenerManager.AddTriggerListener(watch, GroupMatcher<TriggerKey>.AnyGroup());

        // A recipe's first poll seeds its trigger state (reads and remembers what exists, fires nothing) and
        // is not measured: the measured minutes start once every recipe has had it.
        var started = Stopwatch.StartNew();
        await host.StartAsync();
        var allSeeded = await WaitForFirstPollsAsync(watch, recipes, Interval * 3);
        var seeding = started.Elapsed;
        using var process = Process.GetCurrentProcess();
        var (from, cpuFrom) = (DateTimeOffset.UtcNow, process.TotalProcessorTime);
        await Task.Delay(Interval * minutes);
        process.Refresh();
        var (to, cpuTo) = (DateTimeOffset.UtcNow, process.TotalProcessorTime);
        await host.StopAsync();
        var requests = countedBefore - await SandboxCountAsync(sandbox, tokens) - tokens.Count;

        process.Refresh();
        var polls = watch.StartedBetween(from, to);
        var cpu = cpuTo - cpuFrom;
        var cpuPerPoll = cpu / Math.Max(1, polls.Count);
        var lags = polls.Select(p => p.Lag).Order().ToList();
        var durations = polls.Select(p => p.Duration).Order().ToList();
        var busy = cpu / (to - from) / Environment.ProcessorCount;
        var perPoll = requests / (double)Math.Max(1, watch.Count);
        var firstProblem = problems.First is { } first ? $", the first: {first}" : "";
        var seeded = allSeeded ? "" : $" (only {watch.RecipesPolled:N0} did)";
        Console.WriteLine($"host: {recipes:N0} recipes (contacts.list every minute, nothing new) in one host, "
            + $"{locations:N0} locations of about {recipes / locations:N0}, "
            + $"{options.MaxConcurrentPolls} polls at once");
        Console.WriteLine($"  sandbox rate limits lifted ({Lifted.BurstLimit:N0} per 10 s); "
            + "the pipeline's own limiter on, at GHL's 100 per 10 s per location");
        Console.WriteLine($"  set-up {setUp.Elapsed.TotalSeconds:0.0} s; every recipe had its first (seeding) poll "
            + $"after {seeding.TotalSeconds:0.0} s{seeded}");
        Console.WriteLine($"  measured {minutes} min after that: {polls.Count:N0} polls started (one a minute per "
            + $"recipe: {recipes * minutes:N0}), {watch.Misfired:N0} skipped as misfired");
        Console.WriteLine($"  warnings and errors logged {problems.Count:N0}{firstProblem}");
        Console.WriteLine($"  requests the sandbox answered per poll {perPoll:0.00}");
        Console.WriteLine($"  CPU per poll (host and sandbox)                {cpuPerPoll.TotalMilliseconds,7:0.000} ms"
            + $"   ratio poll/bare at the same pace {cpuPerPoll / bare.Paced:0.0}");
        Console.WriteLine($"  CPU per bare contacts.list at the same pace    {bare.Paced.TotalMilliseconds,7:0.000} ms"
            + "   (HttpClient and sandbox)");
        Console.WriteLine("  CPU per bare contacts.list back to back        "
            + $"{bare.BackToBack.TotalMilliseconds,7:0.000} ms");
        Console.WriteLine($"  CPU used while measured {busy:P0} of {Environment.ProcessorCount} cores");
        Console.WriteLine($"  poll lag       p50 {Ms(lags, 0.50),7} ms   p99 {Ms(lags, 0.99),7} ms"
            + $"   max {Ms(lags, 1),7} ms   (goal: p99 under 2,000 ms)");
        Console.WriteLine($"  poll duration  p50 {Ms(durations, 0.50),7} ms   p99 {Ms(durations, 0.99),7} ms"
            + $"   max {Ms(durations, 1),7} ms");
        Console.WriteLine($"  peak memory (working set) {process.PeakWorkingSet64 / Megabyte:N0} MB   "
            + $"(goal: under 500 MB); managed heap at the end {GC.GetTotalMemory(true) / Megabyte:N0} MB");
    }

    /// <summary>One stored connection per location, as <c>connector connections add ghl --token</c> makes it.</summary>
    private static void AddConnections(Uri baseUrl, IReadOnlyList<SandboxToken> tokens)
    {
        using var state = LocalState.Open();
        for (var i = 0; i < tokens.Count; i++)
        {
            state.Connections.Add(new StoredConnection
            {
                Name = ConnectionName(i),
                Connector = "ghl",
                Kind = ConnectionKind.PrivateToken,
                AccessToken = tokens[i].Token,
                BaseUrl = baseUrl,
                LocationId = tokens[i].LocationId,
                UserType = "Location",
            });
        }
    }

    private static string WriteRecipes(string folder, int recipes, int locations)
    {
        var recipesFolder = Directory.CreateDirectory(Path.Combine(folder, "recipes")).FullName;
        for (var i = 0; i < recipes; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"bench-{i + 1:00000}");
            File.WriteAllText(Path.Combine(recipesFolder, name + ".yaml"), $$$"""
                name: {{{name}}}
                description: Every new contact gets a welcome note.
                connections:
                  ghl: {{{ConnectionName(i % locations)}}}
                trigger:
                  operation: contacts.list
                  inputs:
                    limit: 100
                  interval: 1m
                  dedupe: id
                  firstPoll: seed
                steps:
                  - key: note
                    action: contacts.notes.create
                    inputs:
                      contactId: "{{trigger.id}}"
                      body: "Welcome aboard, {{trigger.firstName}}!"

                """);
        }

        return recipesFolder;
    }

    private static string ConnectionName(int location) =>
        string.Create(CultureInfo.InvariantCulture, $"bench-location-{location + 1:000}");

    /// <summary>
    /// The process CPU one contacts.list request costs, sent back to back, and sent at the pace the host's
    /// recipes poll: at that pace the process idles between requests, and waking up again costs CPU too.
    /// </summary>
    private static async Task<(TimeSpan BackToBack, TimeSpan Paced)> BareListCpuAsync(
        SandboxServer sandbox,
        SandboxToken token,
        int recipes)
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        async Task List()
        {
            var path = $"contacts/?locationId={token.LocationId}&limit=100";
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Authorization", $"Bearer {token.Token}");
            request.Headers.Add("Version", "2021-07-28");
            request.Headers.Add("Accept", "application/json");
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            _ = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        }

        await Measure.RateAsync(List, BaselineRequests / 2, concurrency: 1);
        var backToBack = await CpuPerCallAsync(BaselineRequests, async count =>
            await Measure.RateAsync(List, count, concurrency: 1));

        var period = Interval / recipes;
        var pacedCount = Math.Clamp((int)(PacedBaseline / period), 20, BaselineRequests);
        var paced = await CpuPerCallAsync(pacedCount, async count =>
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                if (period * i - clock.Elapsed is { } wait && wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                await List();
            }
        });
        return (backToBack, paced);
    }

    private static async Task<TimeSpan> CpuPerCallAsync(int count, Func<int, Task> calls)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        await calls(count);
        process.Refresh();
        return (process.TotalProcessorTime - before) / count;
    }

    /// <summary>
    /// What is left of the sandbox's daily budgets, summed over the locations: the difference between two
    /// readings is the number of requests the sandbox answered in between (each reading costs one).
    /// </summary>
    private static async Task<long> SandboxCountAsync(SandboxServer sandbox, IReadOnlyList<SandboxToken> tokens)
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
        var left = 0L;
        foreach (var token in tokens)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"locations/{token.LocationId}");
            request.Headers.Add("Authorization", $"Bearer {token.Token}");
            request.Headers.Add("Version", "2021-07-28");
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var remaining = response.Headers.GetValues("X-RateLimit-Daily-Remaining").Single();
            left += long.Parse(remaining, CultureInfo.InvariantCulture);
        }

        return left;
    }

    private static async Task<bool> WaitForFirstPollsAsync(PollWatch watch, int recipes, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (watch.RecipesPolled < recipes)
        {
            if (waited.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return true;
    }

    /// <summary>A percentile of sorted times (nearest rank), in whole milliseconds.</summary>
    private static string Ms(List<TimeSpan> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return "-";
        }

        var rank = Math.Max(0, (int)Math.Ceiling(percentile * sorted.Count) - 1);
        return sorted[rank].TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture);
    }
}
